/**
 * The heavy half of writing an index: every term's postings impact-ordered, encoded and written
 * with its dictionary entry into its shard (the head) and, for common terms, a file of their
 * own (the tail). Plain data in, plain data out, so it runs the same on the indexer's main
 * thread and in a worker thread (postingsWorker.ts), each taking a range of the shards.
 */
import { ByteWriter, encodePostings, postingKey, shardFile, tailFile, writeShardEntry } from '../format/indexFormat.ts';
import { IndexFiles } from './indexFiles.ts';

/** Where a range's raw postings come from (provisional doc × 4096 + heading × 256 + body each). */
export interface PostingsSource {
  /** Term t's postings (a view: valid until `release(t)`). */
  postings(t: number): Uint32Array;
  /** Term t is done: its memory may go. */
  release(t: number): void;
}

/** A range's postings back to back, as sent to a worker: term t's are items[offsets[t] .. offsets[t + 1]). */
export interface PackedPostings {
  items: Uint32Array;
  offsets: Uint32Array;
}

export function packedSource({ items, offsets }: PackedPostings): PostingsSource {
  return { postings: (t) => items.subarray(offsets[t]!, offsets[t + 1]!), release: () => {} };
}

export interface TermRange {
  directory: string;
  /** The shards [firstShard, endShard) are written, every one of them (a query may ask for any). */
  firstShard: number;
  endShard: number;
  /** The range's terms, ordered by shard, then by name. */
  terms: string[];
  /** Term t's shard. */
  shards: Int32Array;
  /** Each shard's file, where not shardFile(shard) (the characters' files). */
  shardFiles?: string[];
  /** Term t's tail file number, or -1 when its head holds all of its postings. */
  tails: Int32Array;
  headSize: number;
  /**
   * Impacts rounded to multiples of this (1: every level of a byte). Postings are grouped by
   * impact and numbered within a group, so fewer levels make fewer, fuller groups and shorter
   * gaps: the characters' heads, which a query fetches a dozen of, weigh about a third less.
   */
  impactStep?: number;
  k1: number;
  /** BM25+'s lower bound on what a term a page has is worth (ranking.ts floor). */
  floor: number;
  headingWeight: number;
  headingNorm: Float64Array;
  bodyNorm: Float64Array;
  /** Provisional document number → what its impacts are multiplied by (citations.ts citationBoost). */
  boost: Float64Array;
  /** The largest boost of any document: the top of the impact byte's scale. */
  maxBoost: number;
  /** Provisional document number → final number. */
  finalOf: Int32Array;
  /** Final document number → its facet combination. */
  combinationOf: Int32Array;
}

export interface EncodedTerms {
  bytes: number;
  files: number;
  fingerprint: Uint8Array;
}

/**
 * A posting's impact as the index stores it, a byte: the document's boost × (BM25's saturated
 * term frequency + the floor, on BM25's own scale), the largest possible value at 255. A query
 * scores a page by the sum of its terms' weights × impacts; every impact shares one scale, so
 * the order is BM25+ with the boost as a factor of the page's whole score. With no floor and no
 * boost it is BM25's tf / (tf + k1) in 255 steps. `step` keeps impacts to its multiples (the
 * characters' heads: see TermRange impactStep).
 */
export function storedImpact(tf: number, boost: number, scale: { k1: number; floor: number; maxBoost: number; step: number }): number {
  const { k1, floor, maxBoost, step } = scale;
  const lowest = floor / (k1 + 1);
  const exact = Math.round(((boost * (tf / (tf + k1) + lowest)) / (maxBoost * (1 + lowest))) * 255);
  return Math.max(1, step === 1 ? exact : Math.min(255, Math.round(exact / step) * step));
}

export function encodeTerms(range: TermRange, source: PostingsSource): EncodedTerms {
  const { terms, shards, tails, headSize, k1, floor, headingWeight, headingNorm, bodyNorm, boost, maxBoost, finalOf, combinationOf } =
    range;
  const step = range.impactStep ?? 1;
  const scale = { k1, floor, maxBoost, step };
  const output = new IndexFiles(range.directory);
  const combination = (doc: number) => combinationOf[doc]!;
  // One scratch array and three writers for every term: 600,000 terms at 100,000 documents.
  let scratch = new Uint32Array(1024);
  const shard = new ByteWriter();
  const postings = new ByteWriter();
  let t = 0;
  for (let current = range.firstShard; current < range.endShard; current++) {
    shard.reset();
    for (; t < terms.length && shards[t] === current; t++) {
      const raw = source.postings(t);
      const df = raw.length;
      if (df > scratch.length) scratch = new Uint32Array(df);
      const keys = scratch.subarray(0, df);
      for (let i = 0; i < df; i++) {
        const value = raw[i]!;
        const provisional = Math.floor(value / 4096);
        const heading = Math.floor((value % 4096) / 256);
        const body = value % 256;
        const tf = (headingWeight * heading) / headingNorm[provisional]! + body / bodyNorm[provisional]!;
        keys[i] = postingKey(storedImpact(tf, boost[provisional]!, scale), finalOf[provisional]!);
      }
      source.release(t);
      keys.sort();
      const tail = tails[t]!;
      if (tail >= 0) {
        postings.reset();
        encodePostings(postings, keys, headSize, df, combination);
        output.write(tailFile(tail), postings.view());
      }
      postings.reset();
      encodePostings(postings, keys, 0, Math.min(headSize, df), combination);
      writeShardEntry(shard, terms[t]!, df, postings.view(), tail >= 0 ? tail : undefined);
    }
    output.write(range.shardFiles?.[current] ?? shardFile(current), shard.view());
  }
  return { bytes: output.bytes, files: output.files, fingerprint: output.fingerprint };
}
