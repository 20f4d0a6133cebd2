/**
 * Writing the deploy records into the Content Lake: the publisher that follows a Content Lake writes
 * each deploy attempt into a `siteDeployment` document there too (core/model/types/siteDeployment.ts),
 * because Sanity's hosted Content Lake has no route to the deploy log file beside the site; the
 * Studio and `npm run workflow -- status` read them back with GROQ (lakeDeployRecords.ts).
 *
 * - One document per site and content source, with a deterministic id, so a restarted publisher
 *   goes on writing the same one. The id has a `.` in it: Sanity serves such documents only to
 *   requests with a token, never to anonymous readers.
 * - The latest DEPLOY_RECORDS_KEPT records, newest last: a bounded document however long the
 *   publisher runs (the file log keeps everything).
 * - A record type: the public build never selects it and the publisher's fingerprint never counts
 *   it (publicContent.ts), so writing it neither reaches public output nor causes another build.
 */
import { createHash } from 'node:crypto';
import type { SanityClient } from '@sanity/client';
import type { DeployRecord } from './deployLog.ts';
import { DEPLOYMENT_TYPE, type DeploymentDocument, type StoredRecord } from './lakeDeployRecords.ts';

/**
 * A contiguous window: every deploy after the oldest kept one is kept, which is what tells when a
 * change first went live (deployStatus.ts). A change older than the window counts as live since
 * before it: only its exact go-live time is then unknown.
 */
const DEPLOY_RECORDS_KEPT = 50;
/** The releases and withdrawals a record lists (a first deploy puts every earlier one live first). */
const INCLUDES_KEPT = 20;

/** The document of `site` (its absolute folder) fed from `source` (deployLog.contentSourceKey). */
function deploymentDocumentId(site: string, source: string): string {
  return `${DEPLOYMENT_TYPE}.${createHash('sha256').update(`${site}\n${source}`).digest('hex').slice(0, 32)}`;
}

function stored(record: DeployRecord): StoredRecord {
  const { source: _source, includes, ...rest } = record;
  return {
    ...rest,
    _key: `${Date.parse(record.finishedAt) || 0}-${record.pid}`,
    includes: includes.slice(0, INCLUDES_KEPT).map((event) => ({ ...event, _key: `${event.action}-${event.seq}` })),
    includedCount: includes.length,
  };
}

/** Adds `record` to the document of `site` and the record's source (created on the first deploy). */
export async function writeLakeDeployRecord(client: SanityClient, site: string, record: DeployRecord): Promise<void> {
  const _id = deploymentDocumentId(site, record.source);
  const previous = await client.getDocument<DeploymentDocument>(_id);
  const document: DeploymentDocument = {
    _id,
    _type: DEPLOYMENT_TYPE,
    site,
    source: record.source,
    records: [...(previous?.records ?? []), stored(record)].slice(-DEPLOY_RECORDS_KEPT),
  };
  // Two publishers of one site take turns under its lock (publisher.ts), so read-then-replace loses no record.
  await client.createOrReplace(document);
}
