/** A worker thread that encodes part of the index's terms (encodeTerms.ts) beside the indexer. */
import { parentPort } from 'node:worker_threads';
import { encodeTerms, type TermRange } from './encodeTerms.ts';

parentPort!.once('message', (range: TermRange) => {
  const encoded = encodeTerms(range);
  parentPort!.postMessage(encoded);
});
