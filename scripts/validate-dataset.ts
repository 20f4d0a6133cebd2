/**
 * Checks a dataset file against the content model and the rules of what may be published,
 * and prints what it holds: the same check the build runs before it starts Astro.
 *
 *   npm run validate -- [path] [--preview]   (default: $CONTENT_DATASET or content/dataset.ndjson)
 *
 * --preview: the rules of the reviewers' draft preview (a dataset of drafts only is not refused).
 * Exits 1, listing every problem with its document, field and line, when the dataset is invalid.
 */
import { parseArgs } from 'node:util';
import { checkDatasetFile, DEFAULT_DATASET } from '../core/content/dataset.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { preview: { type: 'boolean' } } });
const path = positionals[0] ?? process.env.CONTENT_DATASET ?? DEFAULT_DATASET;
const { valid, text } = await checkDatasetFile(path, values.preview ? { preview: true } : { publication: true });
if (valid) {
  console.log(text);
} else {
  console.error(text);
  process.exitCode = 1;
}
