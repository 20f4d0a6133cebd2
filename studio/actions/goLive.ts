/**
 * Whether a released or withdrawn unit is online, for the badge: 「已发布 · 已上线 10:32」,
 * 「已发布 · 待上线」, 「已发布 · 上线失败：…」 — the same words as `npm run workflow -- status`
 * (core/publish/deployStatus.ts), from the publisher's deploy log, which the local Content Lake
 * serves at `/publish/deploys/<dataset>` (core/localLake/deploys.ts). A Content Lake without that
 * endpoint (Sanity's) answers 404 and the badge shows the state alone.
 */
import { useEffect, useState } from 'react';
import { useClient } from 'sanity';
import { SANITY_API_VERSION } from '../../core/content/lakeSource.ts';
import type { DeployRecord } from '../../core/publish/deployLog.ts';
import { goLiveLabel } from '../../core/publish/deployStatus.ts';
import type { UnitStatus } from '../../core/workflow/state.ts';

/** A deploy takes seconds: ask again this often while the badge shows a unit that is not yet live. */
const POLL_MS = 5000;

export type UseGoLive = (status: UnitStatus | undefined) => string | undefined;

interface DeployLog {
  source: string;
  records: DeployRecord[];
}

export const useGoLive: UseGoLive = (status) => {
  const client = useClient({ apiVersion: SANITY_API_VERSION });
  const [log, setLog] = useState<DeployLog | undefined>();
  const publicState = status?.state === 'released' || status?.state === 'withdrawn';
  const seq = status?.last?.seq;
  // biome-ignore lint/correctness/useExhaustiveDependencies: status is read afresh on each poll; only the state and the last step (seq) start a new wait
  useEffect(() => {
    if (!publicState) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => {
      client
        .request<DeployLog>({ uri: `/publish/deploys/${client.config().dataset}`, tag: 'publish.deploys' })
        .then((answer) => {
          if (stopped) return;
          setLog(answer);
          // Once live (or failed), the words change only with the next release or withdrawal.
          if (status && goLiveLabel(status, answer.records, answer.source)?.match(/^(待上线|待下线)$/)) timer = setTimeout(read, POLL_MS);
        })
        .catch(() => undefined); // no deploy log here: the state alone
    };
    read();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // The unit's state and last workflow step decide which deploy it waits for.
  }, [client, publicState, seq]);
  return status && log ? goLiveLabel(status, log.records, log.source) : undefined;
};
