/**
 * The local dataset: a Sanity NDJSON export (or the `.tar.gz` archive `sanity dataset
 * export` writes), read whole and validated before anything uses it.
 */
import { readFile } from 'node:fs/promises';
import { datasetProblems, type StoredDocument } from '../model/datasetRules.ts';
import { ContentError } from '../model/problems.ts';
import { readExportArchive } from './exportArchive.ts';
import { parseNdjson } from './ndjson.ts';

export const DEFAULT_DATASET = 'content/dataset.ndjson';

export interface Dataset {
  /** Where it was read from, for messages. */
  source: string;
  /** Every document, drafts (`drafts.` ids) included, in file order. */
  documents: StoredDocument[];
}

/** Parses and validates NDJSON text; throws a ContentError naming every bad document. */
export function parseDataset(text: string, source: string): Dataset {
  const { entries, problems } = parseNdjson(text);
  const all = problems.length > 0 ? problems : datasetProblems(entries);
  if (all.length > 0) throw new ContentError(source, all);
  return { source, documents: entries.map((entry) => entry.doc) };
}

export async function readDataset(path: string): Promise<Dataset> {
  let text: string;
  try {
    text = path.endsWith('.tar.gz') || path.endsWith('.tgz') ? await readExportArchive(path) : await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`数据集文件不存在：${path}`);
    throw error;
  }
  return parseDataset(text, path);
}
