/**
 * Rule 6 checked on the output itself: no title, summary or body sentence of a draft, of a
 * content-release version or of information that is not proactive may appear anywhere in what
 * the public build wrote — HTML, feeds, sitemap, JSON/CSV downloads or the (compressed) search
 * index.
 *
 * A draft usually shares most of its text with its published version, and that text is
 * public; only phrases found in no public document are forbidden.
 *
 * Both sides are compared in one normal form (normaliseText.ts): the phrases, the public text
 * they are checked against and every output file, so that no spelling of a title (entities,
 * markup inside it, a percent-encoded URL, JSON or CSV escaping, zero-width characters) hides it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { isPublicType, isPublishedId, isRegisterType } from '../model/documentTypes.ts';
import type { StoredDocument } from '../model/datasetRules.ts';
import { blocksToText } from '../portableText/fromPlainText.ts';
import { decodeShard } from '../search/format/indexFormat.ts';
import { forkTask } from './forkedTask.ts';
import { normaliseText, normaliseTexts } from './normaliseText.ts';
import { PhraseMatcher } from './phraseMatcher.ts';
import { requestScanFields, requestSecretTexts } from '../disclosure/requests/secretText.ts';

/**
 * Body and summary sentences shorter than this (in normal form) are too likely to recur
 * innocently (“根据有关规定”). Titles have no minimum: a withheld plan's title 「密查计划乙」 is
 * five characters, and its title is exactly what a careless reference shows. A title is not
 * forbidden when public text has it (a title 「公告」 is everywhere in public documents and says
 * nothing), titles are matched whole, never in parts, and the output is not read across list
 * items or table cells (normaliseText.ts); so a title of one or two common characters is never
 * a false alarm, and a rare one found in the output is worth stopping for. (The site's own
 * words — 「站内搜索」 — are not public text: a withheld document titled exactly like a menu
 * item stops the build, naming it; rename it.)
 */
const MIN_SENTENCE_LENGTH = 12;

export interface ForbiddenPhrase {
  id: string;
  /** As the document has it (trimmed); the scan matches its normal form. */
  text: string;
}

export interface Leak {
  file: string;
  id: string;
  text: string;
}

interface Phrase {
  /** As the document has it, trimmed. */
  text: string;
  /** In normal form: what is matched. */
  normal: string;
}

function phrasesOf(doc: StoredDocument): Phrase[] {
  const body = blocksToText(doc.body as Parameters<typeof blocksToText>[0]);
  const phrase = (text: string): Phrase => ({ text: text.trim(), normal: normaliseText(text) });
  const title = typeof doc.title === 'string' ? [phrase(doc.title)].filter((p) => p.normal.length > 0) : [];
  const sentences = [doc.summary, ...body.split(/[。！？；\n]/)]
    .filter((s): s is string => typeof s === 'string')
    .map(phrase)
    .filter((p) => p.normal.length >= MIN_SENTENCE_LENGTH);
  return [...title, ...sentences];
}

/**
 * A register's record (依申请公开 requests, never public): its names and numbers whole (what was asked, the
 * applicant, the contact), its prose sentence by sentence (core/disclosure/requests/secretText.ts).
 */
function registerPhrases(doc: StoredDocument): Phrase[] {
  const { whole, prose } = requestSecretTexts(doc);
  const phrase = (text: string): Phrase => ({ text: text.trim(), normal: normaliseText(text) });
  return [
    ...whole.map(phrase).filter((p) => p.normal.length > 0),
    ...prose
      .flatMap((text) => text.split(/[。！？；\n]/))
      .map(phrase)
      .filter((p) => p.normal.length >= MIN_SENTENCE_LENGTH),
  ];
}

function fullText(doc: StoredDocument): string {
  return normaliseText(
    [doc.title, doc.summary, blocksToText(doc.body as Parameters<typeof blocksToText>[0])].filter((t) => typeof t === 'string').join('\n'),
  );
}

/**
 * A document with only what the scan reads: ids, disclosure, title, summary, and the body as
 * its text in one block (blocksToText gives the same text). Reading 100,000 documents for
 * the scan keeps a few hundred MB of text rather than every block object.
 */
export function scanFields(doc: StoredDocument): StoredDocument {
  if (isRegisterType(doc._type)) return requestScanFields(doc);
  const { _id, _type, title, summary, disclosure, body } = doc;
  const text = blocksToText(body as Parameters<typeof blocksToText>[0]);
  return { _id, _type, title, summary, disclosure, body: [{ _type: 'block', children: [{ text }] }] };
}

/** Published (not a draft, not a release's version) and proactive. */
export function isPublic(doc: StoredDocument): boolean {
  return isPublishedId(doc._id) && (doc.disclosure as { mode?: string } | undefined)?.mode === 'proactive';
}

/** Public texts are scanned in batches of about this many characters. */
const PUBLIC_TEXT_BATCH = 8_000_000;

/** `batchLength` is for tests, to make batch boundaries fall between any two documents. */
export function forbiddenPhrases(
  documents: readonly StoredDocument[],
  { batchLength: batchSize = PUBLIC_TEXT_BATCH } = {},
): ForbiddenPhrase[] {
  // Registers (依申请公开 requests) are never public: every record's text is a candidate.
  const content = documents.filter((doc) => isPublicType(doc._type) || isRegisterType(doc._type));
  // Each sentence once (in normal form), named after the first non-public document that has it.
  const seen = new Set<string>();
  const candidates: (Phrase & { id: string })[] = [];
  for (const doc of content) {
    if (isPublic(doc)) continue;
    for (const phrase of isRegisterType(doc._type) ? registerPhrases(doc) : phrasesOf(doc)) {
      if (seen.has(phrase.normal)) continue;
      seen.add(phrase.normal);
      candidates.push({ id: doc._id, ...phrase });
    }
  }
  if (candidates.length === 0) return [];
  const matcher = new PhraseMatcher(candidates.map((c) => c.normal));
  const inPublicText = new Uint8Array(candidates.length);
  const markPublic = (index: number) => {
    inPublicText[index] = 1;
  };
  const alreadyPublic = (index: number) => inPublicText[index] === 1;

  // Whole texts, not split sentences: a phrase spanning two public sentences is public too.
  // The public texts are one text (in normal form, so nothing between them), scanned in
  // batches; each batch starts with the end of the one before, so a phrase spanning two
  // batches is found as well.
  const overlap = candidates.reduce((longest, c) => Math.max(longest, c.normal.length), 0) - 1;
  let carry: string | undefined;
  let batch: string[] = [];
  let batchLength = 0;
  const scanBatch = () => {
    const joined = batch.join('');
    const text = carry === undefined ? joined : `${carry}${joined}`;
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
  return candidates.filter((_, index) => !alreadyPublic(index)).map(({ id, text }) => ({ id, text }));
}

/**
 * Every file under `directory`, depth first, in the order the file system lists them, but not under
 * `except`; those `skip` names (by path from `root`, `/`-separated) are counted, not listed.
 */
function files(
  directory: string,
  except: ReadonlySet<string>,
  skip: { root: string; alreadyScanned?: (path: string) => boolean; skipped: number },
  into: string[] = [],
): string[] {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (except.has(path)) continue;
    if (entry.isDirectory()) files(path, except, skip, into);
    else if (entry.isFile()) {
      if (skip.alreadyScanned?.(relative(skip.root, path).split(sep).join('/'))) skip.skipped++;
      else into.push(path);
    }
  }
  return into;
}

export interface ScanScope {
  /** Scan only this folder of the output (relative to it); file names are still reported from the output's root. */
  within?: string;
  /** Folders (relative to the output) not to scan: another step scans them, or they hold no text. */
  except?: readonly string[];
  /** From this many files on, a worker thread scans some of them (default 20,000)… */
  secondThreadFrom?: number;
  /** …from when this settles (default: from the start): the build's other core may be busy until then. */
  secondThreadWhen?: Promise<unknown>;
  /**
   * Folders (relative to the output) of search dictionary shards: only their terms are read as
   * text. The rest of a shard is postings (document numbers and weights), which hold no text
   * and are most of the index's bytes (22 s of scanning at 100,000 documents).
   */
  termsOnly?: readonly string[];
  /**
   * Files (by path from the output's root, `/`-separated) the build scanned as it wrote them
   * (WrittenTextScanner): counted, not read again.
   */
  alreadyScanned?: (path: string) => boolean;
}

/**
 * The text of a built file in normal form; compressed search index files are gzip, and of a
 * dictionary shard only its terms count, each apart (two neighbouring terms are no phrase).
 */
function readableText(path: string, termFolders: readonly string[]): string {
  const bytes = readFileSync(path);
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  if (termFolders.some((folder) => path.startsWith(folder))) return normaliseTexts([...decodeShard(raw).keys()]);
  return fileText(raw);
}

/** An uncompressed file's contents as the scan reads them: UTF-8, in normal form. */
function fileText(data: Uint8Array): string {
  return normaliseText(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8'));
}

/** Files one thread takes from the shared queue at a time. */
const CHUNK = 256;

/**
 * The files of `paths` still to scan, shared by the threads scanning them: each takes the next
 * CHUNK files (`next`, in an Int32Array on a SharedArrayBuffer) until none are left.
 */
export class ScanQueue {
  readonly next: Int32Array;
  constructor(shared: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.next = new Int32Array(shared);
  }
  /** The first of the next files to scan (up to CHUNK of them). */
  take(): number {
    return Atomics.add(this.next, 0, CHUNK);
  }
}

/**
 * Scans files of `paths` taken from `queue` until it is empty (all of them, with a queue of its
 * own); the phrases (by number, as given: not yet in normal form) found in each file scanned,
 * files in the order they were taken. `pause`: let other work run between chunks.
 */
export async function scanFiles(
  paths: readonly string[],
  phrases: readonly string[],
  termFolders: readonly string[] = [],
  queue = new ScanQueue(),
  pause?: () => Promise<void>,
): Promise<{ file: number; phrase: number }[]> {
  const { matcher, numbers } = matcherFor(phrases);
  const found: { file: number; phrase: number }[] = [];
  for (let first = queue.take(); first < paths.length; first = queue.take()) {
    for (let file = first; file < Math.min(first + CHUNK, paths.length); file++)
      for (const phrase of matcher.matches(readableText(paths[file]!, termFolders))) found.push({ file, phrase: numbers[phrase]! });
    if (pause) await pause();
  }
  return found;
}

/** A matcher of the phrases in normal form; `numbers` maps its phrase numbers back to the list's. */
function matcherFor(phrases: readonly string[]): { matcher: PhraseMatcher; numbers: number[] } {
  const normal = phrases.map(normaliseText);
  // A phrase with nothing left in normal form would be found everywhere; there is nothing of it to leak.
  const numbers = normal.flatMap((text, index) => (text.length > 0 ? [index] : []));
  return { matcher: new PhraseMatcher(numbers.map((index) => normal[index]!)), numbers };
}

/**
 * The scan of files a build writes itself, done on their contents as they are written instead of
 * reading them back (the search index's 200,000 document files at 100,000 documents): each text
 * is read exactly as `scanFiles` reads a file holding it. Files written before the phrases are
 * known are read back once they are (`reread`: by then a file is where it was written), rather
 * than held in memory meanwhile. Each file is scanned under a key of the caller's (a document
 * number), so the caller reports only what ends up in the output.
 */
export class WrittenTextScanner {
  private matching: ReturnType<typeof matcherFor> | undefined;
  private waiting: number[] = [];
  private readonly found: { key: number; phrase: number }[] = [];
  private readonly reread: (key: number) => Uint8Array;

  /** `reread`: the contents (uncompressed) of the file written under `key`. */
  constructor(reread: (key: number) => Uint8Array) {
    this.reread = reread;
  }

  /** The forbidden phrases (as given to scanFiles): from now on texts are scanned as they come. */
  phrases(phrases: readonly string[]): void {
    this.matching = matcherFor(phrases);
    for (const key of this.waiting) this.scanNow(key, this.reread(key));
    this.waiting = [];
  }

  /** A file's contents (UTF-8, uncompressed), as written. */
  scan(key: number, data: Uint8Array): void {
    if (this.matching) this.scanNow(key, data);
    else this.waiting.push(key);
  }

  private scanNow(key: number, data: Uint8Array): void {
    const { matcher, numbers } = this.matching!;
    for (const phrase of matcher.matches(fileText(data))) this.found.push({ key, phrase: numbers[phrase]! });
  }

  /** What was found (phrase: its number in the list given), under the keys `keep` accepts. */
  leaks(keep: (key: number) => boolean): { key: number; phrase: number }[] {
    if (!this.matching) throw new Error('泄露检查：尚未收到非公开文本，无法检查已写入的文件');
    return this.found.filter(({ key }) => keep(key));
  }
}

/** Below this many files a second thread costs more than it saves. */
const FILES_FOR_A_SECOND_THREAD = 20_000;

/**
 * Reads are synchronous: the output is tens of thousands of small files, mostly in the page
 * cache, and a synchronous read costs a fraction of a promise-based one (measured: 0.7 s
 * against 1.7–2.7 s for 43,000 files). With many files, a worker thread scans half of them
 * (the build has two cores; at 100,000 documents the index alone is 200,000 files).
 */
export async function scanForLeaks(
  directory: string,
  phrases: readonly ForbiddenPhrase[],
  scope: ScanScope = {},
): Promise<{ leaks: Leak[]; files: number; skipped: number }> {
  if (phrases.length === 0) return { leaks: [], files: 0, skipped: 0 };
  const skip = { root: directory, alreadyScanned: scope.alreadyScanned, skipped: 0 };
  const paths = files(join(directory, scope.within ?? ''), new Set((scope.except ?? []).map((folder) => join(directory, folder))), skip);
  const texts = phrases.map((p) => p.text);
  const termFolders = (scope.termsOnly ?? []).map((folder) => `${join(directory, folder)}${sep}`);
  // Both threads take files from one queue, so the second can join late and still do its share.
  const queue = new ScanQueue();
  if (paths.length < (scope.secondThreadFrom ?? FILES_FOR_A_SECOND_THREAD))
    return result(await scanFiles(paths, texts, termFolders, queue));
  let done = false;
  const second = (scope.secondThreadWhen ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => (done ? [] : scanInWorker(paths, texts, termFolders, queue)));
  // Between chunks this thread lets the second one start (and anything else run).
  const mine = await scanFiles(paths, texts, termFolders, queue, () => new Promise((resolve) => setImmediate(resolve)));
  done = true;
  return result([...mine, ...(await second)]);

  // Each file was scanned whole by one thread: ordered by file, the leaks come as one thread finds them.
  function result(found: { file: number; phrase: number }[]) {
    found.sort((a, c) => a.file - c.file);
    return {
      leaks: found.map(({ file, phrase }) => ({
        file: relative(directory, paths[file]!),
        id: phrases[phrase]!.id,
        text: phrases[phrase]!.text,
      })),
      files: paths.length,
      skipped: skip.skipped,
    };
  }
}

function scanInWorker(
  paths: readonly string[],
  phrases: string[],
  termFolders: string[],
  queue: ScanQueue,
): Promise<{ file: number; phrase: number }[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./leakScanWorker.ts', import.meta.url), {
      workerData: { paths, phrases, termFolders, queue: queue.next.buffer },
    });
    worker.once('message', (found: { file: number; phrase: number }[]) => {
      resolve(found);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`泄露检查线程意外退出（exit ${code}）`)));
  });
}

/**
 * `forbiddenPhrases(await allDocumentsForScan())` in a child process (forbiddenPhrasesProcess.ts),
 * the content source chosen by the environment as the build's is.
 */
export async function forbiddenPhrasesInChild(): Promise<ForbiddenPhrase[]> {
  const task = forkTask<never, { phrases: ForbiddenPhrase[] }>(new URL('./forbiddenPhrasesProcess.ts', import.meta.url), [], {
    what: '泄露检查：读取非公开文本',
  });
  return (await task.result).phrases;
}
