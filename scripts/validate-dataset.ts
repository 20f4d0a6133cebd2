/**
 * Checks a dataset file against the content model and prints what it holds.
 *
 *   npm run validate -- [path]      (default: $CONTENT_DATASET or content/dataset.ndjson)
 *
 * Exits 1, listing every problem with its document, field and line, when the dataset is invalid.
 */
import { DEFAULT_DATASET, readDataset } from '../core/content/dataset.ts';
import { isDraftId } from '../core/model/documentTypes.ts';
import { ContentError } from '../core/model/problems.ts';

const path = process.argv[2] ?? process.env.CONTENT_DATASET ?? DEFAULT_DATASET;
try {
  const { documents } = await readDataset(path);
  const counts = new Map<string, { published: number; drafts: number }>();
  for (const doc of documents) {
    const entry = counts.get(doc._type) ?? { published: 0, drafts: 0 };
    entry[isDraftId(doc._id) ? 'drafts' : 'published']++;
    counts.set(doc._type, entry);
  }
  console.log(`${path}: ${documents.length} documents, valid`);
  for (const [type, { published, drafts }] of [...counts].sort()) {
    console.log(`  ${type.padEnd(20)} published ${String(published).padStart(5)}   drafts ${String(drafts).padStart(4)}`);
  }
} catch (error) {
  console.error(error instanceof ContentError ? error.message : String(error));
  process.exit(1);
}
