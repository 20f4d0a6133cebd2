/**
 * Checks a dataset file against the content model and the rules of what may be published,
 * and prints what it holds: the same check the build runs before it starts Astro.
 *
 *   npm run validate -- [path]      (default: $CONTENT_DATASET or content/dataset.ndjson)
 *
 * Exits 1, listing every problem with its document, field and line, when the dataset is invalid.
 */
import { checkDatasetFile, DEFAULT_DATASET } from '../core/content/dataset.ts';

const path = process.argv[2] ?? process.env.CONTENT_DATASET ?? DEFAULT_DATASET;
const { valid, text } = await checkDatasetFile(path);
if (valid) {
  console.log(text);
} else {
  console.error(text);
  process.exitCode = 1;
}
