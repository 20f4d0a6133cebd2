/** A ContentSource over a local dataset file, evaluated with groq-js. */
import { evaluate, parse } from 'groq-js';
import type { StoredDocument } from '../model/datasetRules.ts';
import { readDataset, type Dataset } from './dataset.ts';
import { applyPerspective, type Perspective } from './perspective.ts';
import { checkResult, checkResultLenient } from './query.ts';
import type { ContentSource } from './source.ts';

export function createDatasetSource(dataset: Dataset, perspective: Perspective): ContentSource {
  const documents = applyPerspective(dataset.documents, perspective);
  // groq-js looks references up by scanning the whole dataset; an index keeps `->` O(1).
  const byId = new Map<string, StoredDocument>(documents.map((doc) => [doc._id, doc]));
  const description = `${dataset.source}（${perspective}）`;
  const run = async (groq: string, params: Record<string, unknown>) => {
    const value = await evaluate(parse(groq, { params }), {
      dataset: documents,
      params,
      dereference: ({ _ref }) => byId.get(_ref) ?? null,
    });
    return value.get();
  };
  return {
    description,
    perspective,
    async fetch(query, params = {}) {
      return checkResult(query, await run(query.groq, params), description);
    },
    async fetchLenient(query, params = {}) {
      return checkResultLenient(query, await run(query.groq, params));
    },
  };
}

export async function createLocalSource(path: string, perspective: Perspective): Promise<ContentSource> {
  return createDatasetSource(await readDataset(path), perspective);
}
