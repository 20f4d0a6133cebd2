/** A worker thread that encodes part of the index's terms (encodeTerms.ts) beside the indexer. */
import { parentPort } from 'node:worker_threads';
import { encodeTerms, packedSource, type PackedPostings, type TermRange } from './encodeTerms.ts';

parentPort!.once('message', ({ range, packed }: { range: TermRange; packed: PackedPostings }) => {
  const encoded = encodeTerms(range, packedSource(packed));
  parentPort!.postMessage(encoded);
});
