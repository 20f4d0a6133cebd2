/**
 * Builds the search index of a built site (Node, after the pages are written): reads every
 * page with a `data-pagefind-body`, splits its text with the same `forEachTerm` the queries
 * use, and writes the files described in indexFormat.ts under `<site>/search-index/`.
 *
 * Memory stays proportional to the postings (4 bytes each, in typed arrays), not to the text:
 * a page's text is written to its document file as soon as it is read.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  ByteWriter,
  documentFile,
  encodePostings,
  postingKey,
  encodeShard,
  FACET_NAMES,
  FORMAT_VERSION,
  INDEX_DIRECTORY,
  MANIFEST_FILE,
  postingsFile,
  shardFile,
  splitDocumentText,
  type Manifest,
  type StoredDocument,
  termShard as termShardOf,
  type TermEntry,
} from './indexFormat.ts';
import { pageRecord } from './pageRecord.ts';
import { bigramTerm, docNumberTerms, forEachTerm } from './terms.ts';

export interface IndexOptions {
  /** Documents kept in a postings head (a common term's best documents, read by every query). */
  headSize?: number;
  /** Terms in at most this many documents keep their postings inside the dictionary. */
  inlineDf?: number;
  /** Aim for dictionary shards of about this many bytes before compression. */
  shardBytes?: number;
  k1?: number;
  b?: number;
  /** BM25F: a heading word (title, 发文字号) weighs this many body words… */
  headingWeight?: number;
  /** …and its length is normalised apart, by this much. */
  headingB?: number;
}

export interface IndexSummary {
  documents: number;
  terms: number;
  postings: number;
  files: number;
  bytes: number;
}

const MAX_BODY_TF = 255;
const MAX_HEADING_TF = 15;
/** Postings pack a document number with 12 bits of counts into 32 bits. */
const MAX_DOCUMENTS = 1 << 20;


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

function* htmlFiles(directory: string): Generator<string> {
  const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== INDEX_DIRECTORY && entry.name !== '_astro' && entry.name !== 'pagefind') yield* htmlFiles(path);
    } else if (entry.name.endsWith('.html')) yield path;
  }
}

function urlOf(site: string, file: string): string {
  const path = relative(site, file).split(sep).join('/');
  return `/${path.endsWith('index.html') ? path.slice(0, -'index.html'.length) : path}`;
}

export function buildSearchIndex(site: string, options: IndexOptions = {}): IndexSummary {
  const headSize = options.headSize ?? 1000;
  const inlineDf = options.inlineDf ?? 64;
  const shardBytes = options.shardBytes ?? 3000;
  // Tuned on the evaluation (bench:search, corpus alone and among 10,000 generated pages):
  // textbook BM25 (k1 1.2, b 0.75) favours short pages that repeat a sentence of a long
  // document over the document itself; a high k1 and almost no length normalisation let the
  // whole document, which uses a question's words again and again, win. Corpus: questions
  // MRR@10 0.895 → 0.900; among 10,000: recall@10 0.585 → 0.859, MRR@10 0.477 → 0.807.
  const k1 = options.k1 ?? 12;
  const b = options.b ?? 0.05;
  const headingWeight = options.headingWeight ?? 6;
  const headingB = options.headingB ?? 0.5;
  const out = join(site, INDEX_DIRECTORY);
  rmSync(out, { recursive: true, force: true });
  for (const folder of ['t', 'p', 'd']) mkdirSync(join(out, folder), { recursive: true });
  let bytes = 0;
  let files = 0;
  const write = (path: string, data: Uint8Array) => {
    const compressed = gzipSync(data, { level: 9 });
    writeFileSync(join(out, path), compressed);
    bytes += compressed.length;
    files++;
  };

  // ---- read every document page: postings in memory, text straight to its file
  const bigramIds = new Map<number, number>();
  const wordIds = new Map<string, number>();
  const lists: PostingList[] = [];
  let counts = new Int32Array(1 << 16);
  const hasRest: boolean[] = [];
  const docs: { url: string; date?: string; facets: (string | undefined)[]; headingLength: number; bodyLength: number }[] = [];
  for (const file of htmlFiles(site)) {
    const html = readFileSync(file, 'utf8');
    const url = urlOf(site, file);
    const record = pageRecord(url, html);
    if (!record) continue;
    const doc = docs.length;
    const touched: number[] = [];
    let headingLength = 0;
    let bodyLength = 0;
    // Counts per term: heading occurrences × 256 + body occurrences (each capped).
    const add = (id: number, heading: boolean) => {
      if (id >= counts.length) {
        const next = new Int32Array(counts.length * 2);
        next.set(counts);
        counts = next;
      }
      if (counts[id] === 0) touched.push(id);
      if (heading) {
        if (counts[id]! < MAX_HEADING_TF * 256) counts[id] = counts[id]! + 256;
        headingLength++;
      } else {
        if (counts[id]! % 256 < MAX_BODY_TF) counts[id] = counts[id]! + 1;
        bodyLength++;
      }
    };
    const idOf = <K>(ids: Map<K, number>, key: K) => {
      let id = ids.get(key);
      if (id === undefined) {
        id = lists.length;
        ids.set(key, id);
        lists.push(new PostingList());
      }
      return id;
    };
    for (const part of record.parts) {
      const heading = part.weight > 1;
      forEachTerm(
        part.text,
        (key) => add(idOf(bigramIds, key), heading),
        (word) => add(idOf(wordIds, word), heading),
      );
      for (const term of docNumberTerms(part.text)) add(idOf(wordIds, term), heading);
    }
    if (doc >= MAX_DOCUMENTS) throw new Error(`搜索索引最多容纳 ${MAX_DOCUMENTS} 篇文档`);
    for (const id of touched) {
      lists[id]!.push(doc * 4096 + counts[id]!);
      counts[id] = 0;
    }
    const [start, rest] = splitDocumentText(record.text);
    const stored: StoredDocument = {
      url,
      title: record.title,
      section: record.meta.section ?? '',
      ...(record.date ? { date: record.date } : {}),
      ...(record.meta.docNumber ? { docNumber: record.meta.docNumber } : {}),
      text: start,
      ...(rest ? { more: true as const } : {}),
    };
    write(`d/_${doc}.sidx`, encodeJson(stored));
    if (rest) write(`d/_${doc}r.sidx`, encodeJson({ text: rest }));
    hasRest.push(rest !== '');
    docs.push({ url, ...(record.date ? { date: record.date } : {}), facets: FACET_NAMES.map((name) => record.filters[name]), headingLength, bodyLength });
  }

  // ---- number the documents newest first; undated ones last
  const order = docs.map((_, i) => i).sort((x, y) => {
    const a = docs[x]!;
    const c = docs[y]!;
    if (a.date !== c.date) return a.date === undefined ? 1 : c.date === undefined ? -1 : a.date < c.date ? 1 : -1;
    return a.url < c.url ? -1 : 1;
  });
  const finalOf = new Int32Array(docs.length);
  order.forEach((provisional, final) => (finalOf[provisional] = final));
  for (let i = 0; i < docs.length; i++) {
    renameSync(join(out, `d/_${i}.sidx`), join(out, documentFile(finalOf[i]!)));
    if (hasRest[i]) renameSync(join(out, `d/_${i}r.sidx`), join(out, documentFile(finalOf[i]!, true)));
  }

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
  const comboKeyOf = docs.map((doc) => {
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
  const combinationKeys = [...comboCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([key]) => key);
  const comboNumber = new Map(combinationKeys.map((key, i) => [key, i]));
  const comboOfProvisional = Int32Array.from(comboKeyOf, (key) => comboNumber.get(key)!);
  const combinationOf = (final: number) => comboOfProvisional[order[final]!]!;

  // ---- postings: impact-ordered, heads and tails
  const average = (length: (doc: (typeof docs)[number]) => number) => Math.max(1, docs.reduce((sum, doc) => sum + length(doc), 0) / Math.max(1, docs.length));
  const averageLength = average((doc) => doc.bodyLength);
  const averageHeading = average((doc) => doc.headingLength);
  const bodyNorm = Float64Array.from(docs, (doc) => 1 - b + (b * doc.bodyLength) / averageLength);
  const headingNorm = Float64Array.from(docs, (doc) => 1 - headingB + (headingB * doc.headingLength) / averageHeading);
  const termEntries: [string, TermEntry][] = [];
  let postings = 0;
  let nextFile = 0;
  const termOf = new Array<string>(lists.length);
  for (const [key, id] of bigramIds) termOf[id] = bigramTerm(key);
  for (const [word, id] of wordIds) termOf[id] = word;
  for (let id = 0; id < lists.length; id++) {
    const list = lists[id]!;
    const keys = new Uint32Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const value = list.items[i]!;
      const provisional = Math.floor(value / 4096);
      const heading = Math.floor((value % 4096) / 256);
      const body = value % 256;
      const tf = (headingWeight * heading) / headingNorm[provisional]! + body / bodyNorm[provisional]!;
      const impact = Math.max(1, Math.round((tf / (tf + k1)) * 255));
      keys[i] = postingKey(impact, finalOf[provisional]!);
    }
    keys.sort();
    const df = keys.length;
    postings += df;
    lists[id] = undefined as unknown as PostingList;
    const term = termOf[id]!;
    if (df <= inlineDf) {
      const writer = new ByteWriter();
      encodePostings(writer, keys, 0, df, combinationOf);
      termEntries.push([term, { df, inline: writer.result() }]);
      continue;
    }
    const file = nextFile++;
    const head = new ByteWriter();
    encodePostings(head, keys, 0, Math.min(headSize, df), combinationOf);
    write(postingsFile(file, false), head.result());
    const hasTail = df > headSize;
    if (hasTail) {
      const tail = new ByteWriter();
      encodePostings(tail, keys, headSize, df, combinationOf);
      write(postingsFile(file, true), tail.result());
    }
    termEntries.push([term, { df, file, headCount: Math.min(headSize, df), hasTail }]);
  }

  // ---- the dictionary, in shards of a few kilobytes
  const dictionaryBytes = termEntries.reduce((sum, [term, entry]) => sum + term.length * 3 + 8 + ('inline' in entry ? entry.inline.length : 0), 0);
  let shards = 1;
  while (shards * shardBytes < dictionaryBytes) shards *= 2;
  const byShard: [string, TermEntry][][] = Array.from({ length: shards }, () => []);
  for (const entry of termEntries) byShard[termShardOf(entry[0], shards)]!.push(entry);
  byShard.forEach((entries, shard) => write(shardFile(shard), encodeShard(entries.sort((a, b) => (a[0] < b[0] ? -1 : 1)))));

  const manifest: Manifest = {
    version: FORMAT_VERSION,
    build: `${Date.now().toString(36)}-${docs.length}`,
    documents: docs.length,
    averageLength,
    k1,
    b,
    shards,
    headSize,
    facets: Object.fromEntries(FACET_NAMES.map((name, f) => [name, [...values[f]!.keys()]])) as Manifest['facets'],
    combinations: combinationKeys.map((key) => key.split(',').map(Number)),
    years,
    totals: facetTotals(docs.map((doc) => doc.facets), values, years),
  };
  write(MANIFEST_FILE, encodeJson(manifest));
  return { documents: docs.length, terms: termEntries.length, postings, files, bytes };
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
