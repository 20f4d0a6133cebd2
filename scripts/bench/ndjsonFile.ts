/** Writing benchmark datasets to disk. */
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import type { StoredDocument } from '../../core/model/datasetRules.ts';

/** Writes NDJSON a few MB at a time (one string of 100,000 documents would pass V8's string limit). */
export function writeNdjson(path: string, documents: readonly StoredDocument[]): number {
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  let written = 0;
  try {
    let chunk: string[] = [];
    let length = 0;
    const flush = () => {
      const buffer = Buffer.from(chunk.join(''), 'utf8');
      writeSync(fd, buffer);
      written += buffer.length;
      chunk = [];
      length = 0;
    };
    for (const doc of documents) {
      const line = `${JSON.stringify(doc)}\n`;
      chunk.push(line);
      length += line.length;
      if (length > 4_000_000) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  return written;
}
