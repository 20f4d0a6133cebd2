/**
 * Imports gov.cn policy records into a dataset file.
 *
 *   npm run import -- <records.jsonl> [--out <dataset.ndjson>] [--into <existing.ndjson>]
 *
 * --out   the dataset to write (default content/govcn-2019.ndjson)
 * --into  start from an existing dataset (e.g. the sample) and add the imported documents
 *
 * The result is validated as a whole before anything is written, and written atomically:
 * a bad record leaves no file, or the old file, behind.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../core/content/atomicWrite.ts';
import { parseDataset, readDataset } from '../core/content/dataset.ts';
import { toNdjson } from '../core/content/ndjson.ts';
import { ContentError } from '../core/model/problems.ts';
import { importGovcnJsonl } from './import/govcn.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: 'content/govcn-2019.ndjson' }, into: { type: 'string' } },
});
const input = positionals[0];
if (!input) {
  console.error('用法：npm run import -- <records.jsonl> [--out <dataset.ndjson>] [--into <existing.ndjson>]');
  process.exit(2);
}

try {
  const imported = importGovcnJsonl(await readFile(input, 'utf8'));
  if (imported.problems.length > 0) throw new ContentError(input, imported.problems);
  const base = values.into ? (await readDataset(values.into)).documents : [];
  const text = toNdjson([...base, ...imported.documents]);
  // Validate the whole result (ids unique across base and import, references resolve, pairs hold).
  const dataset = parseDataset(text, values.out);
  await writeFileAtomic(values.out, text);
  const policies = imported.documents.filter((doc) => doc._type === 'policy').length;
  console.log(
    `imported ${policies} policies with ${policies} placeholder interpretations → ${values.out} (${dataset.documents.length} documents)`,
  );
} catch (error) {
  console.error(error instanceof ContentError ? error.message : String(error));
  process.exit(1);
}
