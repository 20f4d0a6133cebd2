/**
 * The search index's files, shared by the builder (Node, at build time) and the reader (the
 * browser and the command line). Every file is gzip-compressed and fetched only when a query
 * needs it:
 *
 *   search-index/index.sidx          the manifest: counts, BM25 constants, facet values and combinations
 *   search-index/t/<shard>.sidx      the dictionary, split by a hash of the term: each term's document
 *                                    frequency and the head of its postings (its best documents)
 *   search-index/p/<n>.sidx          the rest of a common term's postings, read only when a query
 *                                    needs every document (an exact phrase)
 *   search-index/d/<doc>.sidx        one document's title, URL, facts and the start of its text
 *   search-index/d/<doc>r.sidx       the rest of its text, read only when the start has no match
 *   search-index/n/<file>.sidx       the 发文字号 the documents carry, by issuer prefix (docNumberFiles.ts)
 *
 * A query term costs one request: its shard holds both its entry and its postings head. In
 * Chromium each request costs milliseconds of work across the browser's processes, more than
 * the few kilobytes it carries, so a query's requests are what its latency is made of.
 *
 * Documents are numbered newest first, so date order is number order and the year of a
 * document follows from its number. Postings are impact-ordered: groups of documents with the
 * same quantised term weight (BM25+ times the document's citation boost: encodeTerms.ts
 * storedImpact), highest first, so a query reads the best documents of a common term without
 * its long tail.
 */

export const FORMAT_VERSION = 4;
export const INDEX_DIRECTORY = 'search-index';
export const MANIFEST_FILE = 'index.sidx';
export const FACET_NAMES = ['section', 'publisher', 'topic', 'validity'] as const;
type StoredFacet = (typeof FACET_NAMES)[number];
/** Facets shown on the search page: the stored ones and the year (derived from the number). */
export const SEARCH_FACETS = ['section', 'year', 'publisher', 'topic', 'validity'] as const;

export const shardFile = (shard: number) => `t/${shard}.sidx`;
/**
 * A character's dictionary entry, in a file of its own: a query asks for every character it has,
 * and common characters have long heads, so one in a shared shard would cost that shard as well.
 */
export const characterFile = (character: string) => `c/${character.charCodeAt(0).toString(36)}.sidx`;
export const tailFile = (file: number) => `p/${file}.sidx`;
export const documentFile = (doc: number, rest = false) => `d/${doc}${rest ? 'r' : ''}.sidx`;
/** The document a path inside the index names as its file (documentFile), or undefined. */
export function documentOfFile(path: string): number | undefined {
  const match = /^d\/(\d+)r?\.sidx$/.exec(path);
  return match ? Number(match[1]) : undefined;
}

export interface Manifest {
  version: number;
  /** Changes with every build, so a page never mixes files of two builds. */
  build: string;
  documents: number;
  averageLength: number;
  k1: number;
  b: number;
  /** What a query character's unigram weighs, as a share of its idf (ranking.ts). */
  unigram: number;
  shards: number;
  /** Files of the 发文字号 list (docNumberFiles.ts). */
  docNumberFiles: number;
  /** At most this many documents are in a postings head… */
  headSize: number;
  /** …and in a character's (characterFile). */
  characterHead: number;
  facets: Record<StoredFacet, string[]>;
  /** Combination number → value number per facet of FACET_NAMES, -1 where the document has none. */
  combinations: number[][];
  /** Documents [from, to) published in `year`; dated documents come first, newest first. */
  years: { year: string; from: number; to: number }[];
  /** Documents per facet value over the whole index (the search page before a query). */
  totals: Record<string, Record<string, number>>;
}

/** What a search result shows of a document besides its text (kept in the index, shown in the hit). */
export interface ResultFacts {
  url: string;
  title: string;
  section: string;
  date?: string;
  docNumber?: string;
  /** 已修改 / 已废止 / 已失效 (所解读的文件已废止 for an interpretation), shown beside the title; absent when valid. */
  validity?: string;
  /** The policy that amended or repealed it, linked from the result. */
  replacedBy?: { url: string; title: string };
}

/** A document as the index keeps it (d/<doc>.sidx): what a result shows, not the dataset's document. */
export interface IndexedDocument extends ResultFacts {
  /** The start of the text (about DOCUMENT_HEAD_CHARACTERS); the rest is in its own file. */
  text: string;
  more?: true;
}

/**
 * A result page reads ten documents: their first this-many characters, and the rest only when
 * the start has no matched word (or not the phrase): one more request, after the first. Over
 * the evaluation at 10,000 documents, queries that read a rest: 37% with 1,200 characters, 25%
 * with 1,500, 13% with 2,000; a cold query's p95 bytes: 73.6, 72.8 and 78.3 KiB (at 100,000
 * documents 2,000 characters took it to 99.4 KiB).
 */
export const DOCUMENT_HEAD_CHARACTERS = 1500;

/** The text cut after a paragraph or sentence near `DOCUMENT_HEAD_CHARACTERS`. */
export function splitDocumentText(text: string): [string, string] {
  if (text.length <= DOCUMENT_HEAD_CHARACTERS * 1.25) return [text, ''];
  const window = text.slice(0, DOCUMENT_HEAD_CHARACTERS);
  const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('。'), window.lastIndexOf('；'));
  const at = cut >= DOCUMENT_HEAD_CHARACTERS / 2 ? cut + 1 : DOCUMENT_HEAD_CHARACTERS;
  return [text.slice(0, at), text.slice(at)];
}

/** A term in the dictionary: its document frequency, its postings head, and where the rest are. */
export interface TermEntry {
  df: number;
  /** Encoded postings (encodePostings) of its best `min(df, headSize)` documents. */
  head: Uint8Array;
  /** The file number of the rest of its postings, when there are more than the head. */
  tail?: number;
}

/** FNV-1a over UTF-16 code units: the same shard for a term in Node and in every browser. */
export function termShard(term: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

export class ByteWriter {
  private buffer = new Uint8Array(1024);
  length = 0;
  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }
  varint(value: number): void {
    this.reserve(5);
    while (value >= 0x80) {
      this.buffer[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.buffer[this.length++] = value;
  }
  bytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }
  string(text: string): void {
    const encoded = new TextEncoder().encode(text);
    this.varint(encoded.length);
    this.bytes(encoded);
  }
  /** A copy of what was written. */
  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
  /** What was written, without copying: valid until the next write or reset. */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
  reset(): void {
    this.length = 0;
  }
}

class ByteReader {
  offset = 0;
  private readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }
  get done(): boolean {
    return this.offset >= this.bytes.length;
  }
  byte(): number {
    return this.bytes[this.offset++]!;
  }
  varint(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = this.bytes[this.offset++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  }
  take(length: number): Uint8Array {
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }
  string(): string {
    return new TextDecoder().decode(this.take(this.varint()));
  }
}

/** A posting as the builder sorts it: (255 − impact) × 2^24 + document, so ascending = best first. */
export const postingKey = (impact: number, doc: number) => ((255 - impact) * 0x1000000 + doc) >>> 0;

/**
 * Postings, impact-ordered: repeated [impact byte][count][count × (doc delta, combination)].
 * Within a group documents ascend, each stored as the gap from the one before. `keys[from..to)`
 * are sorted posting keys; `combination(doc)` is the document's facet combination.
 */
export function encodePostings(
  writer: ByteWriter,
  keys: Uint32Array,
  from: number,
  to: number,
  combination: (doc: number) => number,
): void {
  let i = from;
  while (i < to) {
    const group = keys[i]! >>> 24;
    let end = i;
    while (end < to && keys[end]! >>> 24 === group) end++;
    writer.byte(255 - group);
    writer.varint(end - i);
    let previous = 0;
    for (let k = i; k < end; k++) {
      const doc = keys[k]! & 0xffffff;
      writer.varint(doc - previous);
      writer.varint(combination(doc));
      previous = doc;
    }
    i = end;
  }
}

export interface Postings {
  docs: number[];
  impacts: number[];
  combinations: number[];
}

export function decodePostings(bytes: Uint8Array, into: Postings = { docs: [], impacts: [], combinations: [] }): Postings {
  const reader = new ByteReader(bytes);
  while (!reader.done) {
    const impact = reader.byte();
    const count = reader.varint();
    let doc = 0;
    for (let k = 0; k < count; k++) {
      doc += reader.varint();
      into.docs.push(doc);
      into.impacts.push(impact);
      into.combinations.push(reader.varint());
    }
  }
  return into;
}

/** Dictionary shard: per term [term][df][head length][head][tail file + 1, or 0]. */
export function writeShardEntry(writer: ByteWriter, term: string, df: number, head: Uint8Array, tail: number | undefined): void {
  writer.string(term);
  writer.varint(df);
  writer.varint(head.length);
  writer.bytes(head);
  writer.varint(tail === undefined ? 0 : tail + 1);
}

export function decodeShard(bytes: Uint8Array): Map<string, TermEntry> {
  const reader = new ByteReader(bytes);
  const terms = new Map<string, TermEntry>();
  while (!reader.done) {
    const term = reader.string();
    const df = reader.varint();
    const head = reader.take(reader.varint());
    const tail = reader.varint();
    terms.set(term, tail === 0 ? { df, head } : { df, head, tail: tail - 1 });
  }
  return terms;
}

/** BM25's inverse document frequency (always positive). */
export function idf(documents: number, df: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}
