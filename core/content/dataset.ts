/**
 * The local dataset: a Sanity NDJSON export (or the `.tar.gz` archive `sanity dataset
 * export` writes), read line by line and validated before anything uses it.
 */
import { createReadStream } from 'node:fs';
import { datasetProblems, type StoredDocument } from '../model/datasetRules.ts';
import { ContentError } from '../model/problems.ts';
import { readExportArchiveLines } from './exportArchive.ts';
import { LineSplitter, NdjsonReader, parseNdjson, type ParsedNdjson } from './ndjson.ts';

export const DEFAULT_DATASET = 'content/dataset.ndjson';

export interface Dataset {
  /** Where it was read from, for messages. */
  source: string;
  /** Every document, drafts (`drafts.` ids) included, in file order. */
  documents: StoredDocument[];
}

function validated({ entries, problems }: ParsedNdjson, source: string): Dataset {
  const all = problems.length > 0 ? problems : datasetProblems(entries);
  if (all.length > 0) throw new ContentError(source, all);
  return { source, documents: entries.map((entry) => entry.doc) };
}

/** Parses and validates NDJSON text; throws a ContentError naming every bad document. */
export function parseDataset(text: string, source: string): Dataset {
  return validated(parseNdjson(text), source);
}

/** Calls `onLine` for every line of a dataset file (`.ndjson`, or an export `.tar.gz`). */
export async function readDatasetLines(path: string, onLine: (line: string) => void): Promise<void> {
  try {
    if (path.endsWith('.tar.gz') || path.endsWith('.tgz')) {
      await readExportArchiveLines(path, onLine);
      return;
    }
    const lines = new LineSplitter(onLine);
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) lines.push(chunk as Buffer);
    lines.end();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`数据集文件不存在：${path}`);
    throw error;
  }
}

/** Reads a dataset file; throws a ContentError naming every bad document. */
export async function readDataset(path: string): Promise<Dataset> {
  const reader = new NdjsonReader();
  await readDatasetLines(path, (line) => reader.add(line));
  return validated(reader.result(), path);
}
