/**
 * Reading the publisher's 上线记录 from the Content Lake (written by lakeDeployments.ts) with GROQ:
 * the same query on Sanity's Content Lake and on the local one, from the Studio (this module has no
 * Node imports, so the Studio's bundle can carry it) and from the command line.
 */
import type { SanityClient } from '@sanity/client';
import type { DeployRecord } from './deployLog.ts';

export const DEPLOYMENT_TYPE = 'siteDeployment';

/** One record as the document keeps it: keyed, the source on the document, the first events only. */
export interface StoredRecord extends Omit<DeployRecord, 'source' | 'includes'> {
  _key: string;
  includes: (DeployRecord['includes'][number] & { _key: string })[];
  includedCount: number;
}

export interface DeploymentDocument {
  _id: string;
  _type: typeof DEPLOYMENT_TYPE;
  site: string;
  source: string;
  records: StoredRecord[];
}

/** The key deploy records carry for a Content Lake dataset (deployLog.contentSourceKey's, for the lake). */
export function lakeSourceKey(projectId: string, dataset: string): string {
  return `sanity:${projectId}/${dataset}`;
}

/**
 * Every deploy record of the client's dataset, of every site it feeds, in the order they finished:
 * several sites of one dataset (a mirror) count as one public, so a change is live once one has it.
 */
export async function readLakeDeployRecords(client: SanityClient): Promise<{ source: string; records: DeployRecord[] }> {
  const { projectId = '', dataset = '' } = client.config();
  const source = lakeSourceKey(projectId, dataset);
  const documents = await client.fetch<Pick<DeploymentDocument, 'source' | 'records'>[]>(
    `*[_type == $type && source == $source]{source, records}`,
    { type: DEPLOYMENT_TYPE, source },
    { perspective: 'published' },
  );
  const records = documents
    .flatMap((doc) =>
      (doc.records ?? []).map(({ _key, includedCount: _count, includes, ...rest }) => ({
        ...rest,
        source: doc.source,
        includes: (includes ?? []).map(({ _key: _event, ...event }) => event),
      })),
    )
    .sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
  return { source, records };
}
