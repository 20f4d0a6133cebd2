/**
 * Every stored document — drafts and information that is not proactive included — for the
 * public build's leak scan. This is read by the build machine only and never rendered.
 */
import { scanFields } from '../build/leakScan.ts';
import type { StoredDocument } from '../model/datasetRules.ts';
import { isPublicType, isRegisterType, PUBLIC_TYPES, REGISTER_TYPES } from '../model/documentTypes.ts';
import { ContentError } from '../model/problems.ts';
import { readDatasetLines } from './dataset.ts';
import { chooseSource } from './fromEnvironment.ts';
import { createLakeClient } from './lakeSource.ts';
import { NdjsonReader } from './ndjson.ts';

const SCAN_QUERY = `*[_type in $types]{_id, _type, title, summary, body, disclosure}`;

/**
 * The local dataset is streamed and each document cut down to what the scan reads as soon
 * as it is parsed. It is not validated again: the build validated this same file when it
 * loaded its content, and refused to build had anything been wrong.
 */
async function localDocumentsForScan(path: string): Promise<StoredDocument[]> {
  const documents: StoredDocument[] = [];
  const reader = new NdjsonReader({ shareStrings: false });
  await readDatasetLines(path, (line) => {
    reader.add(line);
    const doc = reader.entries.pop()?.doc;
    if (doc && (isPublicType(doc._type) || isRegisterType(doc._type))) documents.push(scanFields(doc));
  });
  if (reader.problems.length > 0) throw new ContentError(path, reader.problems);
  return documents;
}

export async function allDocumentsForScan(env: Record<string, string | undefined> = process.env): Promise<StoredDocument[]> {
  const choice = chooseSource(env);
  if (choice.kind === 'local') return localDocumentsForScan(choice.path);
  // Without a token the Content Lake shows published documents only: drafts cannot leak into
  // a build that cannot read them, but withheld published documents can, and are checked.
  const perspective = choice.token ? 'raw' : 'published';
  const client = createLakeClient(choice, 'published');
  const documents = await client.fetch<StoredDocument[]>(SCAN_QUERY, { types: Object.keys(PUBLIC_TYPES) }, { perspective });
  // The registers (依申请公开 requests) whole: their text is in fields of their own (scanFields keeps them).
  const registers = await client.fetch<StoredDocument[]>('*[_type in $types]', { types: Object.keys(REGISTER_TYPES) }, { perspective });
  return [...documents, ...registers].map(scanFields);
}
