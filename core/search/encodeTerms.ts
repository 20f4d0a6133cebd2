/**
 * The heavy half of writing an index: every term's postings turned into impact-ordered,
 * encoded, compressed files. Plain data in, plain data out, so it runs the same on the
 * indexer's main thread and in a worker thread (postingsWorker.ts), each taking part of the terms.
 */
import { ByteWriter, encodePostings, postingKey, postingsFile } from './indexFormat.ts';
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
  /** Term t's postings file number, or -1 when its postings go inline in the dictionary. */
  files: Int32Array;
  headSize: number;
  k1: number;
  headingWeight: number;
  headingNorm: Float64Array;
  bodyNorm: Float64Array;
  /** Provisional document number → final number. */
  finalOf: Int32Array;
  /** Final document number → its facet combination. */
  combinationOf: Int32Array;
}

export interface EncodedTerms {
  /** Term t's inline postings are inlineBytes[inlineOffsets[t] .. inlineOffsets[t + 1]) (none for terms with a file). */
  inlineBytes: Uint8Array;
  inlineOffsets: Uint32Array;
  /** Per term with a file: 1 when a tail file was written too. */
  hasTail: Uint8Array;
  bytes: number;
  files: number;
  fingerprint: Uint8Array;
}

export function encodeTerms(range: TermRange, source: PostingsSource): EncodedTerms {
  const { files: fileOf, headSize, k1, headingWeight, headingNorm, bodyNorm, finalOf, combinationOf } = range;
  const output = new IndexFiles(range.directory);
  const terms = fileOf.length;
  // Inline postings back to back in one buffer: one transfer from a worker, not 300,000 small arrays.
  const inline = new ByteWriter();
  const inlineOffsets = new Uint32Array(terms + 1);
  const hasTail = new Uint8Array(terms);
  const combination = (doc: number) => combinationOf[doc]!;
  // One scratch array and one writer for every term: 600,000 terms at 100,000 documents.
  let scratch = new Uint32Array(1024);
  const writer = new ByteWriter();
  for (let t = 0; t < terms; t++) {
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
      const impact = Math.max(1, Math.round((tf / (tf + k1)) * 255));
      keys[i] = postingKey(impact, finalOf[provisional]!);
    }
    source.release(t);
    keys.sort();
    writer.reset();
    const file = fileOf[t]!;
    if (file < 0) {
      encodePostings(inline, keys, 0, df, combination);
      inlineOffsets[t + 1] = inline.length;
      continue;
    }
    inlineOffsets[t + 1] = inline.length;
    encodePostings(writer, keys, 0, Math.min(headSize, df), combination);
    output.write(postingsFile(file, false), writer.view());
    if (df > headSize) {
      hasTail[t] = 1;
      writer.reset();
      encodePostings(writer, keys, headSize, df, combination);
      output.write(postingsFile(file, true), writer.view());
    }
  }
  return { inlineBytes: inline.result(), inlineOffsets, hasTail, bytes: output.bytes, files: output.files, fingerprint: output.fingerprint };
}
