/**
 * The deploy records the command-line tools read (`npm run workflow -- status`, `npm run deadlines`):
 * for a dataset file, the deploy log beside the public site; for a Content Lake, the publisher's
 * 上线记录 there (lakeDeployRecords.ts), so the answer does not depend on running beside the site.
 * Unreadable records count as none: the state alone is shown, and the release stands in for going live.
 */
import type { SanityClient } from '@sanity/client';
import { contentSourceKey, readDeployLog } from './deployLog.ts';
import type { Deploys } from './deployStatus.ts';
import { readLakeDeployRecords } from './lakeDeployRecords.ts';

export async function deploysOf(
  content: { kind: 'local'; path: string } | { kind: 'lake'; client: SanityClient },
  site: string,
): Promise<Deploys> {
  if (content.kind === 'lake') {
    const { projectId = '', dataset = '' } = content.client.config();
    return readLakeDeployRecords(content.client).catch(() => ({
      source: contentSourceKey({ kind: 'lake', projectId, dataset }),
      records: [],
    }));
  }
  return { source: contentSourceKey(content), records: await readDeployLog(site).catch(() => []) };
}
