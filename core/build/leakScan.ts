/**
 * Rule 6 checked on the output itself: no title, summary or body sentence of a draft or of
 * information that is not proactive may appear anywhere in what the public build wrote —
 * HTML, feeds, sitemap, JSON/CSV downloads or the (compressed) search index.
 *
 * A draft usually shares most of its text with its published version, and that text is
 * public; only phrases found in no public document are forbidden.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { isDraftId, isPublicType } from '../model/documentTypes.ts';
import type { StoredDocument } from '../model/datasetRules.ts';
import { blocksToText } from '../portableText/fromPlainText.ts';
import { decodeShard } from '../search/indexFormat.ts';
import { PhraseMatcher } from './phraseMatcher.ts';

/** Shorter fragments are too likely to recur innocently (“根据有关规定”). */
const MIN_PHRASE_LENGTH = 12;

export interface ForbiddenPhrase {
  id: string;
  text: string;
}

export interface Leak {
  file: string;
  id: string;
  text: string;
}

function phrasesOf(doc: StoredDocument): string[] {
  const body = blocksToText(doc.body as Parameters<typeof blocksToText>[0]);
  const sentences = [doc.title, doc.summary, ...body.split(/[。！？；\n]/)]
    .filter((s): s is string => typeof s === 'string')
    .map((s) => s.trim());
  return sentences.filter((s) => s.length >= MIN_PHRASE_LENGTH || (s === doc.title && s.length >= 6));
}

function fullText(doc: StoredDocument): string {
  return [doc.title, doc.summary, blocksToText(doc.body as Parameters<typeof blocksToText>[0])].filter((t) => typeof t === 'string').join('\n');
}

/**
 * A document with only what the scan reads: ids, disclosure, title, summary, and the body as
 * its text in one block (blocksToText gives the same text). Reading 100,000 documents for
 * the scan keeps a few hundred MB of text rather than every block object.
 */
export function scanFields(doc: StoredDocument): StoredDocument {
  const { _id, _type, title, summary, disclosure, body } = doc;
  const text = blocksToText(body as Parameters<typeof blocksToText>[0]);
  return { _id, _type, title, summary, disclosure, body: [{ _type: 'block', children: [{ text }] }] };
}

export function isPublic(doc: StoredDocument): boolean {
  return !isDraftId(doc._id) && (doc.disclosure as { mode?: string } | undefined)?.mode === 'proactive';
}

/** Public texts are scanned in batches of about this many characters. */
const PUBLIC_TEXT_BATCH = 8_000_000;

/** `batchLength` is for tests, to make batch boundaries fall between any two documents. */
export function forbiddenPhrases(documents: readonly StoredDocument[], { batchLength: batchSize = PUBLIC_TEXT_BATCH } = {}): ForbiddenPhrase[] {
  const content = documents.filter((doc) => isPublicType(doc._type));
  // Each sentence once, named after the first non-public document that has it.
  const seen = new Set<string>();
  const candidates: ForbiddenPhrase[] = [];
  for (const doc of content) {
    if (isPublic(doc)) continue;
    for (const text of phrasesOf(doc)) {
      if (seen.has(text)) continue;
      seen.add(text);
      candidates.push({ id: doc._id, text });
    }
  }
  if (candidates.length === 0) return [];
  const matcher = new PhraseMatcher(candidates.map((c) => c.text));
  const inPublicText = new Uint8Array(candidates.length);
  const markPublic = (index: number) => void (inPublicText[index] = 1);
  const alreadyPublic = (index: number) => inPublicText[index] === 1;

  // Whole texts, not split sentences: a phrase spanning two public sentences is public too.
  // The public texts are one text joined by newlines, scanned in batches; each batch starts
  // with the end of the one before, so a phrase spanning two batches is found as well.
  const overlap = candidates.reduce((longest, c) => Math.max(longest, c.text.length), 0) - 1;
  let carry: string | undefined;
  let batch: string[] = [];
  let batchLength = 0;
  const scanBatch = () => {
    const joined = batch.join('\n');
    const text = carry === undefined ? joined : `${carry}\n${joined}`;
    matcher.scan(text, markPublic, alreadyPublic);
    carry = text.slice(Math.max(0, text.length - overlap));
    batch = [];
    batchLength = 0;
  };
  for (const doc of content) {
    if (!isPublic(doc)) continue;
    const text = fullText(doc);
    batch.push(text);
    batchLength += text.length;
    if (batchLength >= batchSize) scanBatch();
  }
  if (batch.length > 0) scanBatch();
  return candidates.filter((_, index) => !alreadyPublic(index));
}

/** Every file under `directory`, depth first, in the order the file system lists them, but not under `except`. */
function files(directory: string, except: ReadonlySet<string>, into: string[] = []): string[] {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (except.has(path)) continue;
    if (entry.isDirectory()) files(path, except, into);
    else if (entry.isFile()) into.push(path);
  }
  return into;
}

export interface ScanScope {
  /** Scan only this folder of the output (relative to it); file names are still reported from the output's root. */
  within?: string;
  /** Folders (relative to the output) not to scan: another step scans them, or they hold no text. */
  except?: readonly string[];
  /** From this many files on, a worker thread scans half of them (default 20,000). */
  secondThreadFrom?: number;
  /**
   * Folders (relative to the output) of search dictionary shards: only their terms are read as
   * text. The rest of a shard is postings (document numbers and weights), which hold no text
   * and are most of the index's bytes (22 s of scanning at 100,000 documents).
   */
  termsOnly?: readonly string[];
}

/** The text of a built file; compressed search index files are gzip, and of a dictionary shard only its terms count. */
function readableText(path: string, termFolders: readonly string[]): string {
  const bytes = readFileSync(path);
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  if (termFolders.some((folder) => path.startsWith(folder))) return [...decodeShard(raw).keys()].join('\n');
  return raw.toString('utf8');
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

/** The five entities HTML escaping writes, in one pass (`&amp;lt;` stays `&lt;`). */
const unescapeHtml = (text: string) => (text.includes('&') ? text.replace(/&(?:lt|gt|quot|#39|amp);/g, (entity) => ENTITIES[entity]!) : text);

/** The phrases (by number) found in each of `paths`, in order. */
export function scanFiles(paths: readonly string[], phrases: readonly string[], termFolders: readonly string[] = []): { file: number; phrase: number }[] {
  const matcher = new PhraseMatcher(phrases);
  const found: { file: number; phrase: number }[] = [];
  paths.forEach((path, file) => {
    for (const phrase of matcher.matches(unescapeHtml(readableText(path, termFolders)))) found.push({ file, phrase });
  });
  return found;
}

/** Below this many files a second thread costs more than it saves. */
const FILES_FOR_A_SECOND_THREAD = 20_000;

/**
 * Reads are synchronous: the output is tens of thousands of small files, mostly in the page
 * cache, and a synchronous read costs a fraction of a promise-based one (measured: 0.7 s
 * against 1.7–2.7 s for 43,000 files). With many files, a worker thread scans half of them
 * (the build has two cores; at 100,000 documents the index alone is 200,000 files).
 */
export async function scanForLeaks(directory: string, phrases: readonly ForbiddenPhrase[], scope: ScanScope = {}): Promise<{ leaks: Leak[]; files: number }> {
  if (phrases.length === 0) return { leaks: [], files: 0 };
  const paths = files(join(directory, scope.within ?? ''), new Set((scope.except ?? []).map((folder) => join(directory, folder))));
  const texts = phrases.map((p) => p.text);
  const termFolders = (scope.termsOnly ?? []).map((folder) => `${join(directory, folder)}${sep}`);
  const half = paths.length >= (scope.secondThreadFrom ?? FILES_FOR_A_SECOND_THREAD) ? Math.floor(paths.length / 2) : 0;
  const second = half > 0 ? scanInWorker(paths.slice(0, half), texts, termFolders) : Promise.resolve([]);
  const mine = scanFiles(paths.slice(half), texts, termFolders).map(({ file, phrase }) => ({ file: file + half, phrase }));
  const found = [...(await second), ...mine];
  return { leaks: found.map(({ file, phrase }) => ({ file: relative(directory, paths[file]!), id: phrases[phrase]!.id, text: phrases[phrase]!.text })), files: paths.length };
}

function scanInWorker(paths: string[], phrases: string[], termFolders: string[]): Promise<{ file: number; phrase: number }[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./leakScanWorker.ts', import.meta.url), { workerData: { paths, phrases, termFolders } });
    worker.once('message', (found: { file: number; phrase: number }[]) => {
      resolve(found);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`泄露检查线程意外退出（exit ${code}）`)));
  });
}
