/** A ContentSource over a local dataset file, evaluated with groq-js. */
import { evaluate, parse } from 'groq-js';
import type { StoredDocument } from '../model/datasetRules.ts';
import { readDataset, type Dataset } from './dataset.ts';
import { applyPerspective, type Perspective } from './perspective.ts';
import { checkResult } from './query.ts';
import type { ContentSource } from './source.ts';

export function createDatasetSource(dataset: Dataset, perspective: Perspective): ContentSource {
  const documents = applyPerspective(dataset.documents, perspective);
  // groq-js looks references up by scanning the whole dataset; an index keeps `->` O(1).
  const byId = new Map<string, StoredDocument>(documents.map((doc) => [doc._id, doc]));
  const description = `${dataset.source}（${perspective}）`;
  return {
    description,
    perspective,
    async fetch(query, params = {}) {
      const tree = parse(query.groq, { params });
      const value = await evaluate(tree, {
        dataset: documents,
        params,
        dereference: ({ _ref }) => byId.get(_ref) ?? null,
      });
      return checkResult(query, await value.get(), description);
    },
  };
}

export async function createLocalSource(path: string, perspective: Perspective): Promise<ContentSource> {
  return createDatasetSource(await readDataset(path), perspective);
}
