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
  // Queries run one at a time, with a turn of the event loop between them. They are all CPU
  // work on this thread, so this costs no time; but concurrent queries would hold every
  // result and its checked copy at once, and callers get to shrink each result (site/lib
  // turns bodies into HTML) before the next one is built.
  let previous: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const result = previous.then(work);
    previous = result.catch(() => undefined).then(() => new Promise((resolve) => setImmediate(resolve)));
    return result;
  };
  return {
    description,
    perspective,
    fetch(query, params = {}) {
      return oneAtATime(async () => checkResult(query, await run(query.groq, params), description));
    },
    fetchLenient(query, params = {}) {
      return oneAtATime(async () => checkResultLenient(query, await run(query.groq, params)));
    },
  };
}

export async function createLocalSource(path: string, perspective: Perspective): Promise<ContentSource> {
  return createDatasetSource(await readDataset(path), perspective);
}
