/**
 * Whether a released or withdrawn unit is online, for the badge: 「已发布 · 已上线 10:32」,
 * 「已发布 · 待上线」, 「已发布 · 上线失败：…」 — the same words as `npm run workflow -- status`
 * (core/publish/deployStatus.ts), from the publisher's deploy records: the 上线记录 a publisher
 * following this Content Lake writes into it (core/publish/lakeDeployRecords.ts, read with GROQ, so
 * the same on Sanity's Content Lake and the local one); where there are none, the local Content
 * Lake's route to the deploy log of a publisher that follows its dataset file
 * (`/publish/deploys/<dataset>`, core/localLake/deploys.ts). Neither: the badge shows the state alone.
 */
import type { SanityClient } from '@sanity/client';
import { useEffect, useState } from 'react';
import { useClient } from 'sanity';
import { SANITY_API_VERSION } from '../../core/content/lakeSource.ts';
import type { DeployRecord } from '../../core/publish/deployLog.ts';
import { goLiveLabel } from '../../core/publish/deployStatus.ts';
import { readLakeDeployRecords } from '../../core/publish/lakeDeployRecords.ts';
import type { UnitStatus } from '../../core/workflow/state.ts';

/** A deploy takes seconds: ask again this often while the badge shows a unit that is not yet live. */
const POLL_MS = 5000;

export type UseGoLive = (status: UnitStatus | undefined) => string | undefined;

export interface DeployLog {
  source: string;
  records: DeployRecord[];
}

/** The deploy records of the client's dataset: the Content Lake's 上线记录, else the local Content Lake's file log. */
export async function readDeployRecords(client: SanityClient): Promise<DeployLog> {
  const lake = await readLakeDeployRecords(client);
  if (lake.records.length > 0) return lake;
  return client.request<DeployLog>({ url: `/publish/deploys/${client.config().dataset}`, tag: 'publish.deploys' }).catch(() => lake); // Sanity's Content Lake has no such route: no records
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
      readDeployRecords(client)
        .then((answer) => {
          if (stopped) return;
          setLog(answer);
          // Once live (or failed), the words change only with the next release or withdrawal.
          if (status && goLiveLabel(status, answer.records, answer.source)?.match(/^(待上线|待下线)$/)) timer = setTimeout(read, POLL_MS);
        })
        .catch(() => undefined); // no deploy records readable: the state alone
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
