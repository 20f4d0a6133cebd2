/**
 * The terms of the search index, and of every query: the same function splits both, so a
 * word found in a document is always found by a query that contains it, however a person
 * (or an input method) would segment it.
 *
 * - Han text becomes overlapping character bigrams (监督管理 → 监督 督管 管理), what server
 *   engines' CJK analyzers index; a Han character standing alone becomes a unigram. The index
 *   also counts every character as its unigram (`onUnigram`: 监 督 管 理), which a query weighs
 *   by its idf like a bigram (characters are commoner, so each weighs less): a question that spells a word differently from the page (搜身 where the
 *   law says 搜查…身体) still shares its characters (ranking.ts: how much they weigh).
 * - Letters and digits become words (full-width folded to ASCII, lower case); codes joined by
 *   - / . (索引号 MB1D50237/2023-00012) are also kept whole, and so are 18-character 统一社会信用代码.
 * - 发文字号 in any of their written forms (国发〔2019〕5号, 国发[2019]5号, 国发2019年5号) become one
 *   canonical term per possible prefix length, so the form a person types finds the printed one.
 */

import { DOC_NUMBER } from './docNumber.ts';
import { foldFullWidth, foldFullWidthCode } from './fold.ts';

/** Han characters (CJK unified ideographs, extension A, compatibility) and 〇. */
export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff) || code === 0x3007;
}

/**
 * Han characters numbered densely (extension A, unified, compatibility, 〇: 28,097 of them),
 * so that a bigram's key, (first + 1) × HAN_SPAN + second, stays below 2^30: V8 keeps such
 * numbers unboxed and hashes them fastest.
 */
const EXT_A = 0x4dbf - 0x3400 + 1;
const UNIFIED = 0x9fff - 0x4e00 + 1;
const COMPATIBILITY = 0xfaff - 0xf900 + 1;
const HAN_SPAN = EXT_A + UNIFIED + COMPATIBILITY + 1;
function hanNumber(code: number): number {
  if (code >= 0x4e00 && code <= 0x9fff) return EXT_A + code - 0x4e00;
  if (code >= 0x3400 && code <= 0x4dbf) return code - 0x3400;
  if (code >= 0xf900) return EXT_A + UNIFIED + code - 0xf900;
  return HAN_SPAN - 1; // 〇
}
function hanCode(n: number): number {
  if (n < EXT_A) return 0x3400 + n;
  if (n < EXT_A + UNIFIED) return 0x4e00 + n - EXT_A;
  if (n < EXT_A + UNIFIED + COMPATIBILITY) return 0xf900 + n - EXT_A - UNIFIED;
  return 0x3007;
}

/** Full-width ASCII folded, upper case lowered; -1 for anything that is not a letter or digit. */
function asciiWordCode(fullOrHalfWidth: number): number {
  const code = foldFullWidthCode(fullOrHalfWidth);
  if (code >= 0x41 && code <= 0x5a) return code + 32;
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return code;
  return -1;
}

const CODE_JOINERS = new Set(['-', '/', '.', '－', '／', '．']);

/** Marks the canonical 发文字号 terms apart from any text. */
const DOC_NUMBER_MARK = '#';

/** The longest issuer a 发文字号 term is made for (国家市场监督管理总局令 is typed short). */
const MAX_TERM_PREFIX = 6;

/** 国发〔2019〕5号 → #国发2019-5 (and #发… is not made: one character says too little). */
export function docNumberTerms(text: string): string[] {
  const found: string[] = [];
  if (!text.includes('号')) return found;
  for (const match of foldFullWidth(text).matchAll(DOC_NUMBER)) {
    const [, prefix, year, serial] = match as unknown as [string, string, string, string];
    // The prefix may have swallowed the words before it (根据国发…): every tail of it is a term.
    const characters = [...prefix];
    for (let length = 2; length <= Math.min(characters.length, MAX_TERM_PREFIX); length++) {
      found.push(`${DOC_NUMBER_MARK}${characters.slice(-length).join('')}${year}-${Number(serial)}`);
    }
  }
  return found;
}

/**
 * Calls `onBigram(key)` for every Han bigram or lone Han character (a number, see HAN_SPAN:
 * lone characters below HAN_SPAN, bigrams above) and `onWord(word)` for every other term.
 * Numbers as keys keep indexing 100,000 documents free of a hundred million tiny strings.
 */
export function forEachTerm(
  text: string,
  onBigram: (key: number) => void,
  onWord: (word: string) => void,
  onUnigram?: (key: number) => void,
): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (isHan(code)) {
      let end = i + 1;
      while (end < length && isHan(text.charCodeAt(end))) end++;
      if (end - i === 1) onBigram(hanNumber(code));
      else {
        for (let k = i; k < end - 1; k++) onBigram((hanNumber(text.charCodeAt(k)) + 1) * HAN_SPAN + hanNumber(text.charCodeAt(k + 1)));
        // A lone character is its unigram already (the same key, so the same term).
        if (onUnigram) for (let k = i; k < end; k++) onUnigram(hanNumber(text.charCodeAt(k)));
      }
      i = end;
      continue;
    }
    if (asciiWordCode(code) >= 0) {
      // A run of letters and digits, possibly a code joined by - / . (kept whole as well).
      let word = '';
      let whole = '';
      let parts = 0;
      let k = i;
      while (k < length) {
        const c = asciiWordCode(text.charCodeAt(k));
        if (c >= 0) {
          word += String.fromCharCode(c);
          k++;
          continue;
        }
        if (word && CODE_JOINERS.has(text[k]!) && k + 1 < length && asciiWordCode(text.charCodeAt(k + 1)) >= 0) {
          onWord(word);
          whole += `${word}${text[k] === '/' || text[k] === '／' ? '/' : text[k] === '.' || text[k] === '．' ? '.' : '-'}`;
          parts++;
          word = '';
          k++;
          continue;
        }
        break;
      }
      onWord(word);
      if (parts > 0) onWord(whole + word);
      i = k;
      continue;
    }
    i++;
  }
}

/** The term a bigram key stands for. */
export function bigramTerm(key: number): string {
  return key >= HAN_SPAN
    ? String.fromCharCode(hanCode(Math.floor(key / HAN_SPAN) - 1), hanCode(key % HAN_SPAN))
    : String.fromCharCode(hanCode(key));
}

/** A single Han character: a lone character or a unigram (the index keeps these apart: format/indexFormat.ts characterFile). */
export function isCharacterTerm(term: string): boolean {
  return term.length === 1 && isHan(term.charCodeAt(0));
}

/** Every character of `text`'s Han runs of two or more, as the unigram terms the index counts (onUnigram). */
export function unigramsOf(text: string): string[] {
  const terms: string[] = [];
  forEachTerm(
    text,
    () => {},
    () => {},
    (key) => terms.push(bigramTerm(key)),
  );
  return terms;
}

/** Every term of `text`, in order, repeats included (document numbers last), unigrams apart (unigramsOf). */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  forEachTerm(
    text,
    (key) => terms.push(bigramTerm(key)),
    (word) => terms.push(word),
  );
  terms.push(...docNumberTerms(text));
  return terms;
}
