/**
 * One normal form for the leak scan, applied to both sides: the forbidden phrases, the public
 * documents' text they are checked against, and every file the build wrote. A title leaks
 * whatever way a page, feed or download happens to spell it — split by markup, as entities,
 * percent-encoded in a URL, JSON- or CSV-escaped, in full-width forms, with spaces, newlines or
 * zero-width characters inside — so the scan compares what a reader would read, not bytes.
 *
 * What is kept apart stays apart: the text of a tag (its attributes: an href, a title) is moved
 * out of the running text rather than deleted, and separate texts (terms of the search index,
 * a tag's attributes) are joined by SEPARATOR, which normal text never contains; a phrase can
 * therefore never be matched across two of them, while `密查<b>计划</b>乙` still reads
 * 「密查计划乙」.
 */
import { decodeHTML } from 'entities';

/** Between texts that must not run into each other. Removed from every input first. */
export const SEPARATOR = '\u0000';

/**
 * CDATA markers are removed, keeping their content (RSS puts HTML there). Anything else that
 * looks like a tag is cut out of the running text; its content is kept as text of its own
 * (attribute values hold URLs and titles). `[^<>]*` keeps this linear: a `<` that opens no tag
 * costs a scan to the next `<` or `>`, never to the end of the file.
 */
const MARKUP = /<!\[CDATA\[|\]\]>|<[A-Za-z/!?][^<>]*>/g;
/** A tag with more than its name (attributes, a comment's text): `<b>` and `</p>` carry no text. */
const TAG_WITH_TEXT = /<[A-Za-z!?][^<>\s=]*[\s=][^<>]*>/g;
const BRACKETS = /[<>]/g;
const ENTITY_OR_REFERENCE = /&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?/;
const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
const JSON_ESCAPE = /\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))/g;
const JSON_SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
/**
 * Whitespace (Unicode's, `&nbsp;` and the ideographic space included), control characters
 * other than SEPARATOR, format characters (zero-width space and joiners, bidi controls, soft
 * hyphen, BOM) and every other default-ignorable code point (variation selectors): none of
 * them changes what a reader reads.
 */
const INVISIBLE = /[\s\x01-\x1f\x7f-\x9f\p{Cf}\p{Default_Ignorable_Code_Point}]+/gu;

/** Escapes are undone until nothing changes, at most this often: `&amp;lt;b&amp;gt;` is HTML inside RSS inside HTML. */
const MAX_DECODING_ROUNDS = 4;

function moveMarkupAside(text: string): string {
  if (!text.includes('<') && !text.includes(']]>')) return text;
  // Two passes the regex engine does on its own are several times faster than a callback per tag.
  const aside = text.match(TAG_WITH_TEXT);
  const running = text.replace(MARKUP, '');
  // Without its brackets, or the next round would find the same tag again.
  return aside === null ? running : `${running}${SEPARATOR}${aside.join(SEPARATOR).replace(BRACKETS, '')}`;
}

/** Percent-encoded bytes as UTF-8; bytes that are no UTF-8 read as U+FFFD instead of failing the scan. */
const percentDecode = (text: string) =>
  text.includes('%') ? text.replace(PERCENT_RUN, (run) => Buffer.from(run.replaceAll('%', ''), 'hex').toString('utf8')) : text;

const jsonUnescape = (text: string) =>
  text.includes('\\') ? text.replace(JSON_ESCAPE, (_, hex: string | undefined, simple: string | undefined) => (hex ? String.fromCharCode(parseInt(hex, 16)) : JSON_SIMPLE[simple!]!)) : text;

const htmlDecode = (text: string) => (text.includes('&') && ENTITY_OR_REFERENCE.test(text) ? decodeHTML(text) : text);

/** CSV writes a quote inside a quoted cell twice. */
const csvUnquote = (text: string) => (text.includes('""') ? text.replaceAll('""', '"') : text);

function decodeOnce(text: string): string {
  return csvUnquote(jsonUnescape(percentDecode(htmlDecode(moveMarkupAside(text)))));
}

/** `text` in normal form: decoded, NFKC, without anything invisible. */
export function normaliseText(text: string): string {
  return normalise(text.includes(SEPARATOR) ? text.replaceAll(SEPARATOR, '') : text);
}

/** Texts in normal form, each apart from the others: no phrase is found across two of them. */
export function normaliseTexts(texts: readonly string[]): string {
  return normalise(texts.map((text) => (text.includes(SEPARATOR) ? text.replaceAll(SEPARATOR, '') : text)).join(SEPARATOR));
}

function normalise(text: string): string {
  let decoded = text;
  for (let round = 0; round < MAX_DECODING_ROUNDS; round++) {
    const next = decodeOnce(decoded);
    if (next === decoded) break;
    decoded = next;
  }
  return decoded.normalize('NFKC').replace(INVISIBLE, '');
}
