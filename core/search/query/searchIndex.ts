/**
 * Reads the search index (format/indexFormat.ts) over HTTP — in the browser from the site itself, on
 * the command line from `file:` URLs — fetching each file once, and only when a query needs it.
 */
import { gunzipSync } from 'fflate';
import { docNumberFile, docNumberFileKey, docNumberFileOf, type DocNumberEntry } from '../format/docNumberFiles.ts';
import type { DocNumberParts } from '../text/docNumber.ts';
import { isCharacterTerm } from '../text/terms.ts';
import {
  characterFile,
  decodePostings,
  decodeShard,
  documentFile,
  FORMAT_VERSION,
  MANIFEST_FILE,
  shardFile,
  tailFile,
  termShard,
  type IndexedDocument,
  type Manifest,
  type Postings,
  type TermEntry,
} from '../format/indexFormat.ts';

/**
 * The index files are gzip-compressed; a host that already unpacked them is fine too. Inflated
 * synchronously: a query reads about twenty small files, and Chromium's DecompressionStream
 * costs each one a Blob (a round trip to the browser process) and several tasks, which took
 * more time than the search itself.
 */
function gunzip(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  return gunzipSync(bytes);
}

class SearchIndexError extends Error {}

export class SearchIndex {
  readonly manifest: Manifest;
  private readonly base: string;
  private readonly shards = new Map<number, Promise<Map<string, TermEntry>>>();
  private readonly characters = new Map<string, Promise<TermEntry | undefined>>();
  /** Decoded once per term entry: a visitor's later queries share many terms. */
  private readonly heads = new WeakMap<TermEntry, Postings>();
  private readonly tails = new Map<number, Promise<Postings>>();
  private readonly documents = new Map<number, Promise<IndexedDocument>>();
  private readonly rests = new Map<number, Promise<string>>();
  private readonly numberFiles = new Map<number, Promise<DocNumberEntry[]>>();

  private readonly exhaustive: boolean;

  private constructor(base: string, manifest: Manifest, exhaustive: boolean) {
    this.base = base;
    this.manifest = manifest;
    this.exhaustive = exhaustive;
  }

  /**
   * The index at `base` (a URL ending in /search-index/). `exhaustive` reads every term's whole
   * postings, not only their heads: exact BM25, for measuring what the heads leave out.
   */
  static async open(base: string, options: { exhaustive?: boolean } = {}): Promise<SearchIndex> {
    const manifest = JSON.parse(new TextDecoder().decode(await read(base, MANIFEST_FILE))) as Manifest;
    if (manifest.version !== FORMAT_VERSION)
      throw new SearchIndexError(`搜索索引格式 ${manifest.version} 与页面脚本（${FORMAT_VERSION}）不符，请刷新页面`);
    return new SearchIndex(base, manifest, options.exhaustive ?? false);
  }

  private file(path: string): Promise<Uint8Array> {
    return read(this.base, this.versioned(path));
  }

  /** The file, or undefined where the index has none (404). */
  private fileIfThere(path: string): Promise<Uint8Array | undefined> {
    return read(this.base, this.versioned(path), true);
  }

  /** The build number keeps a browser from mixing cached files of two builds. */
  private versioned(path: string): string {
    return `${path}?v=${this.manifest.build}`;
  }

  /** A term's dictionary entry, or undefined when no document contains it. */
  async term(term: string): Promise<TermEntry | undefined> {
    if (isCharacterTerm(term)) {
      let entry = this.characters.get(term);
      if (!entry) {
        // Only the characters some document has have a file: any other is in no document.
        entry = this.fileIfThere(characterFile(term)).then((bytes) => (bytes ? decodeShard(bytes).get(term) : undefined));
        this.characters.set(term, entry);
      }
      return entry;
    }
    const shard = termShard(term, this.manifest.shards);
    let entries = this.shards.get(shard);
    if (!entries) {
      entries = this.file(shardFile(shard)).then(decodeShard);
      this.shards.set(shard, entries);
    }
    return (await entries).get(term);
  }

  /** The term's best documents (all of them when `complete`, reading the tail as well). */
  async postings(entry: TermEntry, complete = false): Promise<Postings> {
    let head = this.heads.get(entry);
    if (!head) {
      head = decodePostings(entry.head);
      this.heads.set(entry, head);
    }
    if (!(complete || this.exhaustive) || entry.tail === undefined) return head;
    let tail = this.tails.get(entry.tail);
    if (!tail) {
      tail = this.file(tailFile(entry.tail)).then((bytes) => decodePostings(bytes));
      this.tails.set(entry.tail, tail);
    }
    const rest = await tail;
    return {
      docs: [...head.docs, ...rest.docs],
      impacts: [...head.impacts, ...rest.impacts],
      combinations: [...head.combinations, ...rest.combinations],
    };
  }

  document(doc: number): Promise<IndexedDocument> {
    let stored = this.documents.get(doc);
    if (!stored) {
      stored = this.file(documentFile(doc)).then((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as IndexedDocument);
      this.documents.set(doc, stored);
    }
    return stored;
  }

  /** The text of a document after its start (empty when the start is all of it). */
  async documentRest(doc: number): Promise<string> {
    if (!(await this.document(doc)).more) return '';
    let rest = this.rests.get(doc);
    if (!rest) {
      rest = this.file(documentFile(doc, true)).then((bytes) => (JSON.parse(new TextDecoder().decode(bytes)) as { text: string }).text);
      this.rests.set(doc, rest);
    }
    return rest;
  }

  /** The 发文字号 of the documents in the file `number` would be in (format/docNumberFiles.ts). */
  docNumbers(number: DocNumberParts): Promise<DocNumberEntry[]> {
    const file = docNumberFileOf(docNumberFileKey(number), this.manifest.docNumberFiles);
    let entries = this.numberFiles.get(file);
    if (!entries) {
      entries = this.file(docNumberFile(file)).then((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as DocNumberEntry[]);
      this.numberFiles.set(file, entries);
    }
    return entries;
  }

  /** The year a document was published in, from its number. */
  year(doc: number): string | undefined {
    const years = this.manifest.years;
    let low = 0;
    let high = years.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const range = years[middle]!;
      if (doc < range.from) high = middle - 1;
      else if (doc >= range.to) low = middle + 1;
      else return range.year;
    }
    return undefined;
  }
}

async function read(base: string, path: string): Promise<Uint8Array>;
async function read(base: string, path: string, ifThere: true): Promise<Uint8Array | undefined>;
async function read(base: string, path: string, ifThere = false): Promise<Uint8Array | undefined> {
  const response = await fetch(new URL(path, base));
  if (ifThere && response.status === 404) return undefined;
  if (!response.ok) throw new SearchIndexError(`无法读取搜索索引文件 ${path}（${response.status}）`);
  return gunzip(new Uint8Array(await response.arrayBuffer()));
}
