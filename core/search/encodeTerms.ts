/**
 * The heavy half of writing an index: every term's postings turned into impact-ordered,
 * encoded, compressed files. Plain data in, plain data out, so it runs the same on the
 * indexer's main thread and in a worker thread (postingsWorker.ts), each taking part of the terms.
 */
import { ByteWriter, encodePostings, postingKey, postingsFile } from './indexFormat.ts';
import { IndexFiles } from './indexFiles.ts';

export interface TermRange {
  directory: string;
  /** Raw postings of every term of the range, back to back: provisional doc × 4096 + heading × 256 + body. */
  items: Uint32Array;
  /** Term t's postings are items[offsets[t] .. offsets[t + 1]). */
  offsets: Uint32Array;
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
  /** Per term: its inline postings (empty for terms with a file). */
  inline: Uint8Array[];
  /** Per term with a file: 1 when a tail file was written too. */
  hasTail: Uint8Array;
  bytes: number;
  files: number;
  fingerprint: Uint8Array;
}

export function encodeTerms(range: TermRange): EncodedTerms {
  const { items, offsets, files: fileOf, headSize, k1, headingWeight, headingNorm, bodyNorm, finalOf, combinationOf } = range;
  const output = new IndexFiles(range.directory);
  const terms = offsets.length - 1;
  const inline: Uint8Array[] = new Array(terms);
  const hasTail = new Uint8Array(terms);
  const combination = (doc: number) => combinationOf[doc]!;
  // One scratch array and one writer for every term: 600,000 terms at 100,000 documents.
  let scratch = new Uint32Array(1024);
  const writer = new ByteWriter();
  const empty = new Uint8Array(0);
  for (let t = 0; t < terms; t++) {
    const from = offsets[t]!;
    const df = offsets[t + 1]! - from;
    if (df > scratch.length) scratch = new Uint32Array(df);
    const keys = scratch.subarray(0, df);
    for (let i = 0; i < df; i++) {
      const value = items[from + i]!;
      const provisional = Math.floor(value / 4096);
      const heading = Math.floor((value % 4096) / 256);
      const body = value % 256;
      const tf = (headingWeight * heading) / headingNorm[provisional]! + body / bodyNorm[provisional]!;
      const impact = Math.max(1, Math.round((tf / (tf + k1)) * 255));
      keys[i] = postingKey(impact, finalOf[provisional]!);
    }
    keys.sort();
    writer.reset();
    const file = fileOf[t]!;
    if (file < 0) {
      encodePostings(writer, keys, 0, df, combination);
      inline[t] = writer.result();
      continue;
    }
    inline[t] = empty;
    encodePostings(writer, keys, 0, Math.min(headSize, df), combination);
    output.write(postingsFile(file, false), writer.view());
    if (df > headSize) {
      hasTail[t] = 1;
      writer.reset();
      encodePostings(writer, keys, headSize, df, combination);
      output.write(postingsFile(file, true), writer.view());
    }
  }
  return { inline, hasTail, bytes: output.bytes, files: output.files, fingerprint: output.fingerprint };
}
