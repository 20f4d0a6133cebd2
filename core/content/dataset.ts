/**
 * The local dataset: a Sanity NDJSON export (or the `.tar.gz` archive `sanity dataset
 * export` writes), read line by line and validated before anything uses it.
 */
import { createReadStream } from 'node:fs';
import { datasetProblems, type DatasetRuleOptions, type StoredDocument } from '../model/datasetRules.ts';
import { isDraftId, isVersionId } from '../model/documentTypes.ts';
import { ContentError } from '../model/problems.ts';
import { readExportArchiveLines } from './exportArchive.ts';
import { NdjsonReader, parseNdjson, readLines, type LineHandler, type ParsedNdjson } from './ndjson.ts';

export const DEFAULT_DATASET = 'content/dataset.ndjson';

export interface Dataset {
  /** Where it was read from, for messages. */
  source: string;
  /** Every document, drafts (`drafts.` ids) included, in file order. */
  documents: StoredDocument[];
}

function validated({ entries, problems }: ParsedNdjson, source: string, options: DatasetRuleOptions): Dataset {
  const all = problems.length > 0 ? problems : datasetProblems(entries, options);
  if (all.length > 0) throw new ContentError(source, all);
  return { source, documents: entries.map((entry) => entry.doc) };
}

/** Parses and validates NDJSON text; throws a ContentError naming every bad document. */
export function parseDataset(text: string, source: string, options: DatasetRuleOptions = {}): Dataset {
  return validated(parseNdjson(text), source, options);
}

/** Calls `onLine` for every line of a dataset file (`.ndjson`, or an export `.tar.gz`). */
export async function readDatasetLines(path: string, onLine: LineHandler): Promise<void> {
  try {
    if (path.endsWith('.tar.gz') || path.endsWith('.tgz')) {
      await readExportArchiveLines(path, onLine);
      return;
    }
    await readLines(createReadStream(path, { highWaterMark: 1 << 20 }), onLine);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`数据集文件不存在：${path}`);
    throw error;
  }
}

/**
 * Reads a dataset file; throws a ContentError naming every bad document. `publication`:
 * the dataset is about to be published, so it must have something public in it.
 */
export async function readDataset(path: string, options: DatasetRuleOptions = {}): Promise<Dataset> {
  const reader = new NdjsonReader();
  await readDatasetLines(path, (line, badEncoding) => reader.add(line, badEncoding));
  return validated(reader.result(), path, options);
}

export interface DatasetReport {
  valid: boolean;
  /** What `npm run validate` prints, and the build before it refuses: every problem by line, document and field. */
  text: string;
}

/**
 * The check `npm run validate` runs and the build runs before Astro starts, with one text for
 * both, so that what one refuses the other refuses in the same words.
 */
export async function checkDatasetFile(path: string, options: DatasetRuleOptions = { publication: true }): Promise<DatasetReport> {
  let documents: StoredDocument[];
  try {
    ({ documents } = await readDataset(path, options));
  } catch (error) {
    if (error instanceof ContentError) return { valid: false, text: error.message };
    const message = error instanceof Error ? error.message : String(error);
    return { valid: false, text: message.includes(path) ? message : `${path}：${message}` };
  }
  const counts = new Map<string, { published: number; drafts: number }>();
  for (const doc of documents) {
    const entry = counts.get(doc._type) ?? { published: 0, drafts: 0 };
    entry[isDraftId(doc._id) || isVersionId(doc._id) ? 'drafts' : 'published']++;
    counts.set(doc._type, entry);
  }
  const lines = [`${path}: ${documents.length} documents, valid`];
  for (const [type, { published, drafts }] of [...counts].sort()) {
    lines.push(`  ${type.padEnd(20)} published ${String(published).padStart(5)}   drafts ${String(drafts).padStart(4)}`);
  }
  return { valid: true, text: lines.join('\n') };
}
