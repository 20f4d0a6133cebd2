/**
 * Rule 6 checked on the output itself: no title, summary or body sentence of a draft or of
 * information that is not proactive may appear anywhere in what the public build wrote —
 * HTML, feeds, sitemap, JSON/CSV downloads or the (compressed) search index.
 *
 * A draft usually shares most of its text with its published version, and that text is
 * public; only phrases found in no public document are forbidden.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { isDraftId, isPublicType } from '../model/documentTypes.ts';
import type { StoredDocument } from '../model/datasetRules.ts';
import { blocksToText } from '../portableText/fromPlainText.ts';

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

export function isPublic(doc: StoredDocument): boolean {
  return !isDraftId(doc._id) && (doc.disclosure as { mode?: string } | undefined)?.mode === 'proactive';
}

export function forbiddenPhrases(documents: readonly StoredDocument[]): ForbiddenPhrase[] {
  const content = documents.filter((doc) => isPublicType(doc._type));
  // Whole texts, not split sentences: a phrase spanning two public sentences is public too.
  const publicText = content.filter(isPublic).map(fullText).join('\n');
  const seen = new Set<string>();
  const forbidden: ForbiddenPhrase[] = [];
  for (const doc of content.filter((d) => !isPublic(d))) {
    for (const text of phrasesOf(doc)) {
      if (seen.has(text) || publicText.includes(text)) continue;
      seen.add(text);
      forbidden.push({ id: doc._id, text });
    }
  }
  return forbidden;
}

async function* files(directory: string): AsyncGenerator<string> {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

/** The text of a built file; Pagefind's index files are gzip-compressed. */
async function readableText(path: string): Promise<string> {
  const bytes = await readFile(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return gunzipSync(bytes).toString('utf8');
  return bytes.toString('utf8');
}

const unescapeHtml = (text: string) =>
  text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function scanForLeaks(directory: string, phrases: readonly ForbiddenPhrase[]): Promise<{ leaks: Leak[]; files: number }> {
  const leaks: Leak[] = [];
  let count = 0;
  if (phrases.length === 0) return { leaks, files: 0 };
  // One pass of a single alternation per file; leaks are rare, so the per-phrase search that
  // names them runs only on files that matched.
  const any = new RegExp(phrases.map((p) => escapeRegExp(p.text)).join('|'));
  for await (const path of files(directory)) {
    count++;
    const text = unescapeHtml(await readableText(path));
    if (!any.test(text)) continue;
    for (const phrase of phrases) {
      if (text.includes(phrase.text)) leaks.push({ file: relative(directory, path), id: phrase.id, text: phrase.text });
    }
  }
  return { leaks, files: count };
}
