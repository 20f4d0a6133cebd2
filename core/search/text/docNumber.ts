/**
 * 发文字号 as the search knows them: a query that is one document number, in whatever form it is
 * typed (国发〔2019〕5号, 国发[2019]5号, 国发（2019）5号, 国发2019年5号, full-width digits), is
 * answered from a list of the numbers the site's documents carry, not from its bigrams: the
 * document that carries it comes first, and a number no document carries is said to be missing,
 * with the nearest numbers of the same issuer shown instead of pages that share a lone 5 and 号.
 *
 * Two kinds: numbers with a year (国发〔2019〕5号: prefix 国发, year 2019, serial 5) and order
 * numbers (国务院令第711号, 国家市场监督管理总局令第45号: prefix ending in 令, year 0), whose
 * issuers are often typed short — 国令, 市场监管总局令, 总局令 — so an order number matches a
 * stored one with the same serial whose prefix has the typed one's characters in order (or the
 * other way round), as Chinese abbreviations do.
 *
 * The list is split into files by a hash of the prefix (国发, 株市监规…; every order number in the
 * file of 令), so a query reads only the numbers it could match: `search-index/n/<file>.sidx`,
 * each a JSON array of DocNumberEntry, sorted by prefix, year and serial.
 */

export interface DocNumberParts {
  prefix: string;
  /** 0 for an order number (…令第N号). */
  year: number;
  serial: number;
}

/** [prefix, year, serial, document number in the index, the number as the page prints it]. */
export type DocNumberEntry = [string, number, number, number, string];

export const docNumberFile = (file: number) => `n/${file}.sidx`;

// 国办发 1997 11号: a space may stand for the brackets.
const WHOLE_NUMBER = /^([\p{Script=Han}]{2,12})\s*[〔[［(（【{｛]?\s*(\d{4})\s*(?:[〕\]］)）】}｝年]|\s)\s*第?\s*(\d{1,4})\s*号$/u;
const ORDER_NUMBER = /^([\p{Script=Han}、]{0,20}令)\s*第?\s*(\d{1,5})\s*号$/u;
const ORDER_NUMBER_AFTER = /^([\p{Script=Han}、]{1,20}?)\s*第\s*(\d{1,5})\s*号令$/u;
const WRAPPING = /^[\s"“”'‘’《〈「『]+|[\s"“”'‘’》〉」』。.]+$/g;

/** The parts of `text` when all of it is one 发文字号 (quotes and 《》 around it allowed). */
export function parseDocNumber(text: string): DocNumberParts | undefined {
  const folded = text.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(WRAPPING, '');
  const match = WHOLE_NUMBER.exec(folded);
  if (match) return { prefix: match[1]!, year: Number(match[2]), serial: Number(match[3]) };
  const order = ORDER_NUMBER.exec(folded);
  if (order && order[1]!.length >= 2) return { prefix: order[1]!, year: 0, serial: Number(order[2]) };
  const after = ORDER_NUMBER_AFTER.exec(folded);
  if (after) return { prefix: `${after[1]}令`, year: 0, serial: Number(after[2]) };
  return undefined;
}

/** The form documents print: 国发〔2019〕5号, 国务院令第711号. */
export const printDocNumber = ({ prefix, year, serial }: DocNumberParts) => (year === 0 ? `${prefix}第${serial}号` : `${prefix}〔${year}〕${serial}号`);

/** The key a number's file is chosen by. */
export const docNumberFileKey = ({ prefix, year }: DocNumberParts) => (year === 0 ? '令' : prefix);

/** Whether `short`'s characters appear in `long` in order (市场监管总局令 in 国家市场监督管理总局令). */
function inOrder(short: string, long: string): boolean {
  let at = 0;
  for (const character of short) {
    at = long.indexOf(character, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** Whether a stored prefix is the issuer the typed one names. */
function sameIssuer(stored: string, wanted: DocNumberParts): boolean {
  if (wanted.year !== 0) return stored === wanted.prefix;
  return inOrder(wanted.prefix, stored) || inOrder(stored, wanted.prefix);
}

/** Which file holds a prefix's numbers (FNV-1a of the prefix). */
export function docNumberFileOf(prefix: string, files: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < prefix.length; i++) hash = Math.imul(hash ^ prefix.charCodeAt(i), 0x01000193) >>> 0;
  return hash % files;
}

/** The documents that carry exactly this number. */
export function carrying(entries: readonly DocNumberEntry[], wanted: DocNumberParts): DocNumberEntry[] {
  return entries.filter(([prefix, year, serial]) => year === wanted.year && serial === wanted.serial && sameIssuer(prefix, wanted));
}

/**
 * The issuer's numbers closest to the wanted one: the same year first (nearest serial), then the
 * nearest years; at most `limit`, one entry per number.
 */
export function nearest(entries: readonly DocNumberEntry[], wanted: DocNumberParts, limit = 5): DocNumberEntry[] {
  const distance = ([, year, serial]: DocNumberEntry) => Math.abs(year - wanted.year) * 10_000 + Math.abs(serial - wanted.serial);
  return entries
    .filter(([prefix, year]) => (year === 0) === (wanted.year === 0) && sameIssuer(prefix, wanted))
    .sort((a, c) => distance(a) - distance(c) || a[1] - c[1] || a[2] - c[2] || a[3] - c[3])
    .slice(0, limit);
}
