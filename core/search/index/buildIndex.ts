/**
 * Builds the search index of a built site (Node, after the pages are written): reads every
 * page with a `data-pagefind-body`, splits its text with the same `forEachTerm` the queries
 * use, and writes the files described in format/indexFormat.ts under `<site>/search-index/`.
 *
 * Memory stays proportional to the postings (4 bytes each, in typed arrays), not to the text:
 * a page's text is written to its document file as soon as it is read.
 */
import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { encodeTerms, type EncodedTerms, type PackedPostings, type TermRange } from './encodeTerms.ts';
import { writeFileAtomic } from '../../content/atomicWrite.ts';
import { IndexFiles, type WrittenFile } from './indexFiles.ts';
import { WrittenTextScanner } from '../../build/leakScan.ts';
import {
  characterFile,
  documentFile,
  FACET_NAMES,
  FORMAT_VERSION,
  INDEX_DIRECTORY,
  MANIFEST_FILE,
  splitDocumentText,
  type IndexedDocument,
  type Manifest,
  termShard as termShardOf,
} from '../format/indexFormat.ts';
import { docNumberFile, docNumberFileKey, docNumberFileOf, type DocNumberEntry } from '../format/docNumberFiles.ts';
import { parseDocNumber } from '../text/docNumber.ts';
import { CitationCounter, citationBoost, stillStands } from './citations.ts';
import { pageRecord } from './pageRecord.ts';
import { RANKING } from './ranking.ts';
import { htmlFiles, urlOf } from './sitePages.ts';
import { bigramTerm, docNumberTerms, forEachTerm, isCharacterTerm } from '../text/terms.ts';

export interface IndexOptions {
  /** Documents kept in a postings head (a common term's best documents, read by every query). */
  headSize?: number;
  /** Documents kept in a character's postings head (its own file, read by every query that has the character). */
  characterHead?: number;
  /** Aim for dictionary shards of about this many bytes before compression (postings heads included). */
  shardBytes?: number;
  k1?: number;
  b?: number;
  /** BM25F: a heading word (title, 发文字号) weighs this many body words… */
  headingWeight?: number;
  /** …and its length is normalised apart, by this much. */
  headingB?: number;
  /** What a query character's unigram weighs, as a share of its idf (kept in the manifest for the query). */
  unigram?: number;
  /** BM25+'s floor: what a term a page has is worth at the least, on BM25's scale (ranking.ts). */
  floor?: number;
  /** How much the pages citing a document lift it (citations.ts citationBoost). */
  citation?: number;
  /** Encode half the terms in a worker thread (default: when there are over a million postings). */
  parallel?: boolean;
  /** The served build's document files (an incremental build): a reused page's file is linked from there, not written again. */
  previous?: PreviousDocuments;
  /** Where to record this build's document files for the next build (readPreviousDocuments). */
  recordDocuments?: string;
  /**
   * Scan each document file for forbidden phrases as it is written (they come with
   * `forbiddenPhrases()`), so the leak scan need not read them back (leakScan.ts WrittenTextScanner).
   */
  scanText?: boolean;
}

/** An earlier build's index folder and, by page URL, the number of its document file and whether it has a rest file. */
export interface PreviousDocuments {
  directory: string;
  documents: Map<string, { number: number; rest: boolean }>;
}

const DOCUMENTS_RECORD_VERSION = 1;
/** [url, document number, 1 when it has a rest file], in document order. */
type DocumentsRecord = { version: number; documents: [string, number, 0 | 1][] };

/** The document files an earlier build recorded (options.recordDocuments); none when there is no record it can use. */
export function readPreviousDocuments(site: string, record: string): PreviousDocuments | undefined {
  let parsed: DocumentsRecord;
  try {
    parsed = JSON.parse(readFileSync(record, 'utf8')) as DocumentsRecord;
  } catch {
    return undefined;
  }
  if (parsed.version !== DOCUMENTS_RECORD_VERSION) return undefined;
  return {
    directory: join(site, INDEX_DIRECTORY),
    documents: new Map(parsed.documents.map(([url, number, rest]) => [url, { number, rest: rest === 1 }])),
  };
}

export interface IndexSummary {
  /** Milliseconds spent reading pages, and writing the dictionary with its postings. */
  timings: { readPages: number; terms: number };
  documents: number;
  terms: number;
  postings: number;
  files: number;
  bytes: number;
  /**
   * With `scanText`: the document files were scanned as written (every documentFile of the
   * documents 0 … documents − 1), and what was found in those in the index (phrase: its number
   * in the list given).
   */
  scanned?: { leaks: { file: string; url: string; phrase: number }[] };
}

/**
 * A copy of `text` that keeps nothing else alive. V8 stores a substring of 13 characters or more
 * as a slice of the whole string it was cut from, so a facet value or 发文字号 read from a page and
 * kept until the end kept the whole page (measured at 10,000 documents: 3,738 pages, 86 MB, held to
 * the end of the build; ten times that at 100,000).
 */
const detached = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

/** Where a document's files are written under its provisional number, until write() gives it its final one. */
const provisionalFile = (doc: number, rest = false) => `d/_${doc}${rest ? 'r' : ''}.sidx`;

/** A document file's key in the written-text scan: its document × 2, + 1 for the rest file. */
const scanKey = (doc: number, rest: boolean) => doc * 2 + (rest ? 1 : 0);
const scannedFile = (key: number) => ({ doc: key >> 1, rest: (key & 1) === 1 });

/** Term counts are capped as postings pack them (the bench's ranking model reads the same caps). */
export const MAX_BODY_TF = 255;
export const MAX_HEADING_TF = 15;
/**
 * A character's impacts are kept to multiples of this (encodeTerms impactStep): its postings are
 * the longest a query reads, and coarser impacts cut its head's bytes (90.4 KiB a cold query at
 * p95 against 96.9 with every level, figures unchanged: issue 14's closing note).
 */
export const CHARACTER_IMPACT_STEP = 16;
/** Documents in a term's postings head, the part a query reads (the rest is never fetched)… */
export const HEAD_SIZE = 1000;
/** …and in a character's, which a query reads a dozen of (format/indexFormat.ts characterFile). */
export const CHARACTER_HEAD = 500;
/** Postings pack a document number with 12 bits of counts into 32 bits. */
const MAX_DOCUMENTS = 1 << 20;
/** About what an encoded posting takes (document gap, facet combination, its share of the impact groups). */
const ESTIMATED_POSTING_BYTES = 2.5;

/** A growable list of (document, counts) pairs, packed as doc × 4096 + heading × 256 + body. */
class PostingList {
  items = new Uint32Array(4);
  length = 0;
  push(value: number): void {
    if (this.length === this.items.length) {
      const next = new Uint32Array(this.items.length * 2);
      next.set(this.items);
      this.items = next;
    }
    this.items[this.length++] = value;
  }
}

/**
 * Counts the terms of one document at a time (heading occurrences × 256 + body occurrences,
 * each capped), then appends one posting per term to that term's list.
 */
class TermCounter {
  readonly lists: PostingList[] = [];
  private readonly bigramIds = new Map<number, number>();
  private readonly wordIds = new Map<string, number>();
  private counts = new Int32Array(1 << 16);
  private touched: number[] = [];
  private heading = false;
  private headingLength = 0;
  private bodyLength = 0;
  private readonly onBigram = (key: number) => this.count(this.hanTerm(key), true);
  /** A character of a longer run: its term is counted, the page's length is not (it is measured in bigrams). */
  private readonly onUnigram = (key: number) => this.count(this.hanTerm(key), false);
  private readonly onWord = (word: string) => {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.newTerm();
      this.wordIds.set(detached(word), id);
    }
    this.count(id, true);
  };

  /** The term of a bigram or character key (terms.ts forEachTerm), made on first sight. */
  private hanTerm(key: number): number {
    let id = this.bigramIds.get(key);
    if (id === undefined) {
      id = this.newTerm();
      this.bigramIds.set(key, id);
    }
    return id;
  }

  private newTerm(): number {
    const id = this.lists.length;
    this.lists.push(new PostingList());
    if (id >= this.counts.length) {
      const next = new Int32Array(this.counts.length * 2);
      next.set(this.counts);
      this.counts = next;
    }
    return id;
  }

  private count(id: number, length: boolean): void {
    const counts = this.counts;
    const current = counts[id]!;
    if (current === 0) this.touched.push(id);
    if (this.heading) {
      if (current < MAX_HEADING_TF * 256) counts[id] = current + 256;
      if (length) this.headingLength++;
    } else {
      if (current % 256 < MAX_BODY_TF) counts[id] = current + 1;
      if (length) this.bodyLength++;
    }
  }

  addText(text: string, heading: boolean): void {
    this.heading = heading;
    forEachTerm(text, this.onBigram, this.onWord, this.onUnigram);
    for (const term of docNumberTerms(text)) this.onWord(term);
  }

  finishDocument(doc: number): { headingLength: number; bodyLength: number } {
    const counts = this.counts;
    for (const id of this.touched) {
      this.lists[id]!.push(doc * 4096 + counts[id]!);
      counts[id] = 0;
    }
    const lengths = { headingLength: this.headingLength, bodyLength: this.bodyLength };
    this.touched = [];
    this.headingLength = 0;
    this.bodyLength = 0;
    return lengths;
  }

  /** Term number → the term. */
  termNames(): string[] {
    const names = new Array<string>(this.lists.length);
    for (const [key, id] of this.bigramIds) names[id] = bigramTerm(key);
    for (const [word, id] of this.wordIds) names[id] = word;
    return names;
  }
}

/** What the builder keeps of each document until write(): its place in the manifest and its lengths for BM25. */
interface KeptDocument {
  url: string;
  date?: string;
  facets: (string | undefined)[];
  headingLength: number;
  bodyLength: number;
  hasRest: boolean;
}

/**
 * Indexes pages one at a time as they are added (so pages can be read while the rest of the
 * site is still being written), then writes the postings and dictionary in `write()`.
 */
export class SearchIndexBuilder {
  private readonly site: string;
  private readonly out: string;
  private readonly options: Required<Omit<IndexOptions, 'parallel' | 'previous' | 'recordDocuments' | 'scanText'>> &
    Pick<IndexOptions, 'parallel' | 'previous' | 'recordDocuments' | 'scanText'>;
  private readonly counter = new TermCounter();
  private readonly docs: KeptDocument[] = [];
  private readonly seen = new Set<string>();
  /** Pages of the served build indexed ahead (prefetchPage), by file: their provisional document, until confirmed. */
  private readonly tentative = new Map<string, number>();
  /** Provisional documents taken back: prefetched pages rendered again or no longer in the site. */
  private readonly dead = new Set<number>();
  /** Each document indexed ahead: its files, to take them back out of the index's count and fingerprint should it die. */
  private readonly aheadFiles = new Map<number, WrittenFile[]>();
  /** [prefix, year, serial, provisional document, printed] of every document with a 发文字号. */
  private readonly docNumbers: DocNumberEntry[] = [];
  private readonly citations = new CitationCounter();
  private readonly output: IndexFiles;
  /** Keys: scanKey. */
  private readonly scanner: WrittenTextScanner | undefined;
  private readingMs = 0;
  private outputReady = false;
  constructor(site: string, options: IndexOptions = {}) {
    this.site = site;
    this.options = {
      headSize: options.headSize ?? HEAD_SIZE,
      characterHead: options.characterHead ?? CHARACTER_HEAD,
      shardBytes: options.shardBytes ?? 2000,
      k1: options.k1 ?? RANKING.k1,
      b: options.b ?? RANKING.b,
      headingWeight: options.headingWeight ?? RANKING.headingWeight,
      headingB: options.headingB ?? RANKING.headingB,
      unigram: options.unigram ?? RANKING.unigram,
      floor: options.floor ?? RANKING.floor,
      citation: options.citation ?? RANKING.citation,
      parallel: options.parallel,
      previous: options.previous,
      recordDocuments: options.recordDocuments,
    };
    this.out = join(site, INDEX_DIRECTORY);
    this.output = new IndexFiles(this.out);
    // Read back only if written before the phrases came: not renamed yet (write() needs the phrases first).
    this.scanner = options.scanText
      ? new WrittenTextScanner((key) => {
          const { doc, rest } = scannedFile(key);
          return gunzipSync(readFileSync(join(this.out, provisionalFile(doc, rest))));
        })
      : undefined;
  }

  /** The leak scan's forbidden phrases (with `scanText`); files written before they come are scanned now. */
  forbiddenPhrases(phrases: readonly string[]): void {
    if (!this.scanner) throw new Error('搜索索引未开启写入时的泄露检查（scanText）');
    this.scanner.phrases(phrases);
  }

  /**
   * The index folder is emptied at the first file written, not when the builder starts: Astro
   * empties its output folder after build:start, where the build starts the builder.
   */
  private prepareOutput(): void {
    if (this.outputReady) return;
    rmSync(this.out, { recursive: true, force: true });
    for (const folder of ['t', 'c', 'p', 'd', 'n']) mkdirSync(join(this.out, folder), { recursive: true });
    this.outputReady = true;
  }

  private writeFile(path: string, data: Uint8Array): void {
    this.prepareOutput();
    this.output.write(path, data);
  }

  /** HTML files read so far. */
  get pagesRead(): number {
    return this.seen.size;
  }

  /**
   * Reads one page: the HTML written to `file`, or what the renderer handed over for it (its
   * `data-pagefind-body` element). Pages without `data-pagefind-body` are only marked as read.
   */
  addPage(file: string, html: string = readFileSync(file, 'utf8'), reused = false): void {
    if (this.seen.has(file)) return;
    // Indexed ahead from the served build, but rendered again: that reading is taken back.
    const ahead = this.tentative.get(file);
    if (ahead !== undefined) {
      this.dead.add(ahead);
      this.tentative.delete(file);
    }
    this.seen.add(file);
    const started = performance.now();
    const url = urlOf(this.site, file);
    const record = pageRecord(url, html);
    if (record) this.addRecord(url, record, reused);
    this.readingMs += performance.now() - started;
  }

  /**
   * A page an incremental build reused (the same bytes as in the served build), read from `from`.
   * Its document files are the served build's, linked under this build's numbers. Without a
   * record of the served build's index it is read like any page.
   */
  addReusedPage(file: string, from: string): void {
    const ahead = this.tentative.get(file);
    if (ahead !== undefined) {
      this.tentative.delete(file);
      this.seen.add(file);
      return;
    }
    // Not in the served build's index, the same bytes have nothing to index now (a list page).
    if (this.options.previous && !this.options.previous.documents.has(urlOf(this.site, file))) {
      this.seen.add(file);
      return;
    }
    this.addPage(file, readFileSync(from, 'utf8'), true);
  }

  /**
   * Indexes ahead, while the build is still reading its content, a page the served build indexed
   * (`from`), as if it were to be reused. It counts only once confirmed (addReusedPage); rendered
   * again (addPage) or never confirmed by write(), it is taken back. Most pages of an incremental
   * build are reused, so the indexer's reading no longer waits for the build to say which.
   */
  prefetchPage(file: string, from: string): void {
    if (this.seen.has(file) || this.tentative.has(file)) return;
    let html: string;
    try {
      html = readFileSync(from, 'utf8');
    } catch {
      return;
    }
    const started = performance.now();
    const url = urlOf(this.site, file);
    const record = pageRecord(url, html);
    if (record) {
      const { doc, files } = this.addRecord(url, record, true);
      this.tentative.set(file, doc);
      this.aheadFiles.set(doc, files);
    }
    this.readingMs += performance.now() - started;
  }

  /** Every HTML file of the site not read yet. */
  addRemaining(): void {
    for (const file of htmlFiles(this.site)) this.addPage(file);
  }

  /** A document file: linked from the served build when the page was reused and that build has it, else written. */
  private writeDocumentFile(doc: number, rest: boolean, data: Uint8Array, before: { number: number } | undefined): WrittenFile {
    const path = provisionalFile(doc, rest);
    this.prepareOutput();
    // A linked file holds these same bytes (see addRecord): what is scanned is what is served.
    this.scanner?.scan(scanKey(doc, rest), data);
    const linked = before && this.output.link(path, data, join(this.options.previous!.directory, documentFile(before.number, rest)));
    return linked || this.output.write(path, data);
  }

  private addRecord(
    url: string,
    record: NonNullable<ReturnType<typeof pageRecord>>,
    reused: boolean,
  ): { doc: number; files: WrittenFile[] } {
    const doc = this.docs.length;
    if (doc >= MAX_DOCUMENTS) throw new Error(`搜索索引最多容纳 ${MAX_DOCUMENTS} 篇文档`);
    for (const part of record.parts) this.counter.addText(part.text, part.weight > 1);
    const { headingLength, bodyLength } = this.counter.finishDocument(doc);
    this.citations.add(doc, record.title, record.text, stillStands(record.meta.validityMark));
    const number = record.meta.docNumber ? parseDocNumber(record.meta.docNumber) : undefined;
    if (number) this.docNumbers.push([detached(number.prefix), number.year, number.serial, doc, detached(record.meta.docNumber!)]);
    const [start, rest] = splitDocumentText(record.text);
    const stored: IndexedDocument = {
      url,
      title: record.title,
      section: record.meta.section ?? '',
      ...(record.date ? { date: record.date } : {}),
      ...(record.meta.docNumber ? { docNumber: record.meta.docNumber } : {}),
      ...(record.meta.validityMark ? { validity: record.meta.validityMark } : {}),
      ...(record.meta.replacedByUrl && record.meta.replacedByTitle
        ? { replacedBy: { url: record.meta.replacedByUrl, title: record.meta.replacedByTitle } }
        : {}),
      text: start,
      ...(rest ? { more: true as const } : {}),
    };
    // Written now under a provisional number, renamed once every document's date is known. A
    // reused page's are the same bytes as the served build's (same page, same code): linked.
    const before = reused ? this.options.previous?.documents.get(url) : undefined;
    const same = before && before.rest === (rest !== '') ? before : undefined;
    const files = [this.writeDocumentFile(doc, false, encodeJson(stored), same)];
    if (rest) files.push(this.writeDocumentFile(doc, true, encodeJson({ text: rest }), same));

    this.docs.push({
      url,
      ...(record.date ? { date: detached(record.date) } : {}),
      facets: FACET_NAMES.map((name) => {
        const value = record.filters[name];
        return value === undefined ? undefined : detached(value);
      }),
      headingLength,
      bodyLength,
      hasRest: rest !== '',
    });
    return { doc, files };
  }

  /** The 发文字号 list (format/docNumberFiles.ts), in as many files as keep each to about 500 numbers. */
  private writeDocNumbers(finalOf: Int32Array): number {
    const numbers = this.docNumbers.filter((entry) => finalOf[entry[3]]! >= 0);
    let files = 1;
    while (files * 500 < numbers.length) files *= 2;
    const byFile = Array.from({ length: files }, () => [] as DocNumberEntry[]);
    for (const [prefix, year, serial, provisional, printed] of numbers)
      byFile[docNumberFileOf(docNumberFileKey({ prefix, year, serial }), files)]!.push([
        prefix,
        year,
        serial,
        finalOf[provisional]!,
        printed,
      ]);
    byFile.forEach((entries, file) => {
      entries.sort((a, c) => (a[0] < c[0] ? -1 : a[0] > c[0] ? 1 : a[1] - c[1] || a[2] - c[2] || a[3] - c[3]));
      this.writeFile(docNumberFile(file), encodeJson(entries));
    });
    return files;
  }

  /** The postings of `ids`, back to back in one buffer; their lists are let go. */
  private pack(ids: readonly number[]): PackedPostings {
    const lists = this.counter.lists;
    const offsets = new Uint32Array(ids.length + 1);
    for (let t = 0; t < ids.length; t++) offsets[t + 1] = offsets[t]! + lists[ids[t]!]!.length;
    const items = new Uint32Array(offsets[ids.length]!);
    ids.forEach((id, t) => {
      items.set(lists[id]!.items.subarray(0, lists[id]!.length), offsets[t]!);
      lists[id] = undefined as unknown as PostingList;
    });
    return { items, offsets };
  }

  /** Takes the dead documents out: their postings from every list (a posting is doc × 4096 + counts), their files from the count. */
  private dropDead(): void {
    const isDead = new Uint8Array(this.docs.length);
    for (const doc of this.dead) {
      isDead[doc] = 1;
      for (const file of this.aheadFiles.get(doc)!) this.output.forget(file);
    }
    for (const list of this.counter.lists) {
      let kept = 0;
      for (let i = 0; i < list.length; i++) {
        const posting = list.items[i]!;
        if (isDead[Math.floor(posting / 4096)] === 0) list.items[kept++] = posting;
      }
      list.length = kept;
    }
  }

  /** Writes postings, dictionary and manifest. */
  async write(): Promise<IndexSummary> {
    const { docs, out, dead } = this;
    const { headSize, shardBytes, k1, b, headingWeight, headingB, floor, citation } = this.options;
    const finishing = performance.now();
    this.prepareOutput();
    // Pages indexed ahead that were never confirmed are not in this site (withdrawn, or not reused).
    for (const provisional of this.tentative.values()) dead.add(provisional);
    this.tentative.clear();
    if (dead.size > 0) this.dropDead();

    // ---- number the documents newest first; undated ones last
    const order = docs
      .map((_, i) => i)
      .filter((i) => !dead.has(i))
      .sort((x, y) => {
        const a = docs[x]!;
        const c = docs[y]!;
        if (a.date !== c.date) return a.date === undefined ? 1 : c.date === undefined ? -1 : a.date < c.date ? 1 : -1;
        return a.url < c.url ? -1 : 1;
      });
    const finalOf = new Int32Array(docs.length).fill(-1);
    for (let final = 0; final < order.length; final++) finalOf[order[final]!] = final;
    const live = order.map((provisional) => docs[provisional]!);

    const years: Manifest['years'] = [];
    order.forEach((provisional, final) => {
      const year = docs[provisional]!.date?.slice(0, 4);
      if (!year) return;
      const last = years[years.length - 1];
      if (last?.year === year) last.to = final + 1;
      else years.push({ year, from: final, to: final + 1 });
    });

    // ---- facet values and their combinations, most frequent first (small numbers, short varints)
    const values = FACET_NAMES.map(() => new Map<string, number>());
    const comboCounts = new Map<string, number>();
    // Values are numbered as they first appear in final order, not in the order pages were read:
    // an incremental build hands its reused pages first, and must write the same index.
    const comboKeyByFinal = order.map((provisional) => {
      const doc = docs[provisional]!;
      const key = doc.facets.map((value, f) => {
        if (value === undefined) return -1;
        const known = values[f]!;
        if (!known.has(value)) known.set(value, known.size);
        return known.get(value)!;
      });
      const text = key.join(',');
      comboCounts.set(text, (comboCounts.get(text) ?? 0) + 1);
      return text;
    });
    const comboKeyOf = new Array<string>(docs.length);
    order.forEach((provisional, final) => {
      comboKeyOf[provisional] = comboKeyByFinal[final]!;
    });
    const combinationKeys = [...comboCounts.entries()].sort((a, c) => c[1] - a[1] || (a[0] < c[0] ? -1 : 1)).map(([key]) => key);
    const comboNumber = new Map(combinationKeys.map((key, i) => [key, i]));
    const comboOfProvisional = Int32Array.from(comboKeyOf, (key) => (key === undefined ? -1 : comboNumber.get(key)!));

    // ---- postings: impact-ordered, heads and tails, terms in name order (the same files every build)
    const average = (length: (doc: KeptDocument) => number) =>
      Math.max(1, live.reduce((sum, doc) => sum + length(doc), 0) / Math.max(1, live.length));
    const averageLength = average((doc) => doc.bodyLength);
    const averageHeading = average((doc) => doc.headingLength);
    const bodyNorm = Float64Array.from(docs, (doc) => 1 - b + (b * doc.bodyLength) / averageLength);
    const headingNorm = Float64Array.from(docs, (doc) => 1 - headingB + (headingB * doc.headingLength) / averageHeading);
    // Cited by the pages of this site only: a page taken back cites nothing and counts for nothing.
    const boost = Float64Array.from(
      this.citations.counts((doc) => finalOf[doc]! >= 0),
      (count) => citationBoost(count, citation),
    );
    const maxBoost = boost.reduce((most, value) => Math.max(most, value), 1);
    const lists = this.counter.lists;
    const names = this.counter.termNames();
    const postings = lists.reduce((sum, list) => sum + list.length, 0);

    // ---- shards: as many as keep each at about `shardBytes` with its terms' postings heads
    // (estimated from document frequencies, so the encoders can write each shard as it fills).
    // Terms only pages taken back had are no terms of this site.
    const liveTerms = names.map((_, id) => id).filter((id) => lists[id]!.length > 0);
    // Characters have files of their own (format/indexFormat.ts characterFile), by name.
    const characterIds = liveTerms.filter((id) => isCharacterTerm(names[id]!)).sort((x, y) => (names[x]! < names[y]! ? -1 : 1));
    const termIds = liveTerms.filter((id) => !isCharacterTerm(names[id]!));
    const estimated = termIds.reduce(
      (sum, id) => sum + names[id]!.length * 3 + 8 + Math.min(headSize, lists[id]!.length) * ESTIMATED_POSTING_BYTES,
      0,
    );
    let shards = 1;
    while (shards * shardBytes < estimated) shards *= 2;
    const shardOf = Int32Array.from(names, (name) => termShardOf(name, shards));
    // By shard, then by name: the same files every build, whatever order pages came in.
    const termOrder = termIds.sort((x, y) => shardOf[x]! - shardOf[y]! || (names[x]! < names[y]! ? -1 : 1));
    // Tail file numbers in that order, before the terms are split between threads.
    let nextTail = 0;
    const tailOf = Int32Array.from(termOrder, (id) => (lists[id]!.length > headSize ? nextTail++ : -1));
    const { characterHead } = this.options;
    const characterTailOf = Int32Array.from(characterIds, (id) => (lists[id]!.length > characterHead ? nextTail++ : -1));
    const combinationOfFinal = Int32Array.from(order, (provisional) => comboOfProvisional[provisional]!);
    const shared = {
      directory: out,
      headSize,
      k1,
      floor,
      headingWeight,
      headingNorm,
      bodyNorm,
      boost,
      maxBoost,
      finalOf,
      combinationOf: combinationOfFinal,
    };
    const range = (from: number, to: number, firstShard: number, endShard: number): TermRange => ({
      ...shared,
      firstShard,
      endShard,
      terms: termOrder.slice(from, to).map((id) => names[id]!),
      shards: Int32Array.from(termOrder.slice(from, to), (id) => shardOf[id]!),
      tails: tailOf.slice(from, to),
    });
    // Split at the shard where half the postings are, so both threads have as much to do.
    let split = 0;
    if (this.options.parallel ?? postings > 1_000_000) {
      let seen = 0;
      while (split < termOrder.length && seen < postings / 2) seen += lists[termOrder[split++]!]!.length;
      while (split < termOrder.length && shardOf[termOrder[split]!] === shardOf[termOrder[split - 1]!]) split++;
    }
    const splitShard = split < termOrder.length ? shardOf[termOrder[split]!]! : shards;
    // The worker's terms are copied into one buffer (handed over, not copied again); the main
    // thread reads its own terms' lists in place and lets each go once it is encoded.
    const first =
      split > 0 ? encodeInWorker(range(0, split, 0, splitShard), this.pack(termOrder.slice(0, split))) : Promise.resolve(undefined);
    // Meanwhile: the document files get their final numbers.
    docs.forEach((doc, i) => {
      if (finalOf[i]! < 0) {
        rmSync(join(out, provisionalFile(i)), { force: true });
        rmSync(join(out, provisionalFile(i, true)), { force: true });
        return;
      }
      renameSync(join(out, provisionalFile(i)), join(out, documentFile(finalOf[i]!)));
      if (doc.hasRest) renameSync(join(out, provisionalFile(i, true)), join(out, documentFile(finalOf[i]!, true)));
    });
    const mine = termOrder.slice(split);
    const second = encodeTerms(range(split, termOrder.length, split > 0 ? splitShard : 0, shards), {
      postings: (t) => lists[mine[t]!]!.items.subarray(0, lists[mine[t]!]!.length),
      release: (t) => {
        lists[mine[t]!] = undefined as unknown as PostingList;
      },
    });
    const characters = encodeTerms(
      {
        ...shared,
        headSize: characterHead,
        impactStep: CHARACTER_IMPACT_STEP,
        firstShard: 0,
        endShard: characterIds.length,
        terms: characterIds.map((id) => names[id]!),
        shards: Int32Array.from(characterIds, (_, t) => t),
        shardFiles: characterIds.map((id) => characterFile(names[id]!)),
        tails: characterTailOf,
      },
      {
        postings: (t) => lists[characterIds[t]!]!.items.subarray(0, lists[characterIds[t]!]!.length),
        release: (t) => {
          lists[characterIds[t]!] = undefined as unknown as PostingList;
        },
      },
    );
    for (const part of [await first, second, characters]) if (part) this.output.add(part);
    const docNumberFiles = this.writeDocNumbers(finalOf);
    const manifest: Manifest = {
      version: FORMAT_VERSION,
      build: this.output.fingerprint.toString('hex').slice(0, 12),
      documents: live.length,
      averageLength,
      k1,
      b,
      unigram: this.options.unigram,
      shards,
      docNumberFiles,
      headSize,
      characterHead,
      facets: Object.fromEntries(FACET_NAMES.map((name, f) => [name, [...values[f]!.keys()]])) as Manifest['facets'],
      combinations: combinationKeys.map((key) => key.split(',').map(Number)),
      years,
      totals: facetTotals(
        live.map((doc) => doc.facets),
        values,
        years,
      ),
    };
    this.writeFile(MANIFEST_FILE, encodeJson(manifest));
    if (this.options.recordDocuments) {
      const record: DocumentsRecord = {
        version: DOCUMENTS_RECORD_VERSION,
        documents: order.map((provisional, final) => [docs[provisional]!.url, final, docs[provisional]!.hasRest ? 1 : 0]),
      };
      await writeFileAtomic(this.options.recordDocuments, JSON.stringify(record));
    }
    const timings = { readPages: this.readingMs, terms: performance.now() - finishing };
    // Found only in documents taken back is not in the output.
    const scanned = this.scanner && {
      leaks: this.scanner
        .leaks((key) => finalOf[scannedFile(key).doc]! >= 0)
        .map(({ key, phrase }) => {
          const { doc, rest } = scannedFile(key);
          return { file: `${INDEX_DIRECTORY}/${documentFile(finalOf[doc]!, rest)}`, url: docs[doc]!.url, phrase };
        }),
    };
    return {
      timings,
      documents: live.length,
      terms: termOrder.length,
      postings,
      files: this.output.files,
      bytes: this.output.bytes,
      ...(scanned ? { scanned } : {}),
    };
  }
}

/** Encodes terms in a worker thread (postingsWorker.ts). */
function encodeInWorker(range: TermRange, packed: PackedPostings): Promise<EncodedTerms> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./postingsWorker.ts', import.meta.url));
    worker.once('message', (encoded: EncodedTerms) => {
      resolve(encoded);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`搜索索引的编码线程意外退出（exit ${code}）`)));
    worker.postMessage({ range, packed }, [packed.items.buffer as ArrayBuffer]);
  });
}

/** Indexes every page of a built site at once. */
export async function buildSearchIndex(site: string, options: IndexOptions = {}): Promise<IndexSummary> {
  const builder = new SearchIndexBuilder(site, options);
  builder.addRemaining();
  return builder.write();
}

const encodeJson = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

function facetTotals(facets: (string | undefined)[][], values: Map<string, number>[], years: Manifest['years']): Manifest['totals'] {
  const totals: Manifest['totals'] = { year: Object.fromEntries(years.map((range) => [range.year, range.to - range.from])) };
  FACET_NAMES.forEach((name, f) => {
    const counts: Record<string, number> = Object.fromEntries([...values[f]!.keys()].map((value) => [value, 0]));
    for (const doc of facets) if (doc[f] !== undefined) counts[doc[f]!]!++;
    totals[name] = counts;
  });
  return totals;
}
