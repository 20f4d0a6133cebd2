/**
 * Every stored document — drafts and information that is not proactive included — for the
 * public build's leak scan. This is read by the build machine only and never rendered.
 */
import type { StoredDocument } from '../model/datasetRules.ts';
import { PUBLIC_TYPES } from '../model/documentTypes.ts';
import { readDataset } from './dataset.ts';
import { chooseSource } from './fromEnvironment.ts';
import { createLakeClient } from './lakeSource.ts';

const SCAN_QUERY = `*[_type in $types]{_id, _type, title, summary, body, disclosure}`;

export async function allDocumentsForScan(env: Record<string, string | undefined> = process.env): Promise<StoredDocument[]> {
  const choice = chooseSource(env);
  if (choice.kind === 'local') return (await readDataset(choice.path)).documents;
  // Without a token the Content Lake shows published documents only: drafts cannot leak into
  // a build that cannot read them, but withheld published documents can, and are checked.
  const perspective = choice.token ? 'raw' : 'published';
  const client = createLakeClient(choice, 'published');
  return client.fetch<StoredDocument[]>(SCAN_QUERY, { types: Object.keys(PUBLIC_TYPES) }, { perspective });
}
