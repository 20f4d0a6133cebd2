/**
 * One normal form for the leak scan, applied to both sides: the forbidden phrases, the public
 * documents' text they are checked against, and every file the build wrote. A title leaks
 * whatever way a page, feed or download happens to spell it — split by markup, as entities,
 * percent-encoded in a URL, JSON- or CSV-escaped, in full-width forms, with spaces, newlines or
 * zero-width characters inside — so the scan compares what a reader would read, not bytes.
 *
 * What is kept apart stays apart: the text of a tag (its attributes: an href, a title) is moved
 * out of the running text rather than deleted, and separate texts (terms of the search index,
 * a tag's attributes, list items and table cells) are joined by SEPARATOR, which normal text
 * never contains; a phrase is therefore never matched across two of them, while
 * `密查<b>计划</b>乙` still reads 「密查计划乙」.
 */
import { decodeHTML } from 'entities';

/** Between texts that must not run into each other. Removed from every input first. */
const SEPARATOR = '\u0000';

/**
 * Inline tags (`密查<b>计划</b>乙`, a link, a highlight) are cut out of the running text: what
 * they wrap reads on as one text. Every other tag, CDATA markers included, ends a text: a
 * listing's `<li>结果公告</li><li>通知…` must not read 「公告通知」 and alarm on a short title that
 * public text has only in parts. The text inside a tag (attribute values: URLs and titles) is
 * kept as texts of their own. `[^<>]*` keeps this linear: a `<` that opens no tag costs a scan
 * to the next `<` or `>`, never to the end of the file.
 */
const INLINE_TAG =
  /<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr)(?:[\s/][^<>]*)?>/gi;
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
 * hyphen, BOM, tag characters) and every other default-ignorable code point (variation
 * selectors): none of them changes what a reader reads.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this normal form removes
const INVISIBLE = /^[\s\x01-\x1f\x7f-\x9f\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
/**
 * INVISIBLE for each UTF-16 code unit (surrogates aside), looked up rather than matched: a
 * loop over the text with this table removes them four times faster than `replace` (most of
 * a page's characters after markup are whitespace runs), and the scan reads every output file.
 */
const INVISIBLE_UNIT = new Uint8Array(0x10000);
for (let unit = 1; unit < 0x10000; unit++)
  if ((unit < 0xd800 || unit > 0xdfff) && INVISIBLE.test(String.fromCharCode(unit))) INVISIBLE_UNIT[unit] = 1;

function removeInvisible(text: string): string {
  let kept = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let width = 0;
    if (INVISIBLE_UNIT[unit] === 1) width = 1;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // Astral format characters (tag characters, U+1D173…): rare enough for a regex test.
        if (INVISIBLE.test(String.fromCharCode(unit, next))) width = 2;
        else i++;
      }
    }
    if (width > 0) {
      if (i > from) kept += text.slice(from, i);
      i += width - 1;
      from = i + 1;
    }
  }
  return from === 0 ? text : kept + text.slice(from);
}

/** What each decoding step looks for: a text without any of it is decoded already. */
const MAY_BE_ENCODED = /[<&\\]|%[0-9A-Fa-f]{2}|""|\]\]>/;

/** Escapes are undone until nothing changes, at most this often: `&amp;lt;b&amp;gt;` is HTML inside RSS inside HTML. */
const MAX_DECODING_ROUNDS = 4;

function moveMarkupAside(text: string): string {
  if (!text.includes('<') && !text.includes(']]>')) return text;
  // Passes the regex engine does on its own are several times faster than a callback per tag.
  const aside = text.match(TAG_WITH_TEXT);
  const running = text.replace(INLINE_TAG, '').replace(MARKUP, SEPARATOR);
  // Without its brackets, or the next round would find the same tag again.
  return aside === null ? running : `${running}${SEPARATOR}${aside.join(SEPARATOR).replace(BRACKETS, '')}`;
}

/** Percent-encoded bytes as UTF-8; bytes that are no UTF-8 read as U+FFFD instead of failing the scan. */
const percentDecode = (text: string) =>
  text.includes('%') ? text.replace(PERCENT_RUN, (run) => Buffer.from(run.replaceAll('%', ''), 'hex').toString('utf8')) : text;

const jsonUnescape = (text: string) =>
  text.includes('\\')
    ? text.replace(JSON_ESCAPE, (_, hex: string | undefined, simple: string | undefined) =>
        hex ? String.fromCharCode(parseInt(hex, 16)) : JSON_SIMPLE[simple!]!,
      )
    : text;

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
  for (let round = 0; round < MAX_DECODING_ROUNDS && MAY_BE_ENCODED.test(decoded); round++) {
    const next = decodeOnce(decoded);
    if (next === decoded) break;
    decoded = next;
  }
  return removeInvisible(decoded.normalize('NFKC'));
}
