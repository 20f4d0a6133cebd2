/**
 * 发文字号 as the search knows them: a query that is one document number, in whatever form it is
 * typed (国发〔2019〕5号, 国发[2019]5号, 国发（2019）5号, 国发2019年5号, full-width digits), is
 * answered from a list of the numbers the site's documents carry, not from its bigrams: the
 * document that carries it comes first, and a number no document carries is said to be missing,
 * with the nearest numbers of the same issuer shown instead of pages that share a lone 5 and 号.
 *
 * The list is split into files by a hash of the prefix (国发, 株市监规…), so a query reads only
 * the numbers of the issuer it names: `search-index/n/<file>.sidx`, each a JSON array of
 * DocNumberEntry, sorted by prefix, year and serial.
 */

export interface DocNumberParts {
  prefix: string;
  year: number;
  serial: number;
}

/** [prefix, year, serial, document number in the index, the number as the page prints it]. */
export type DocNumberEntry = [string, number, number, number, string];

export const docNumberFile = (file: number) => `n/${file}.sidx`;

const WHOLE_NUMBER = /^([\p{Script=Han}]{2,12})\s*[〔[［(（【{｛]?\s*(\d{4})\s*[〕\]］)）】}｝年]\s*第?\s*(\d{1,4})\s*号$/u;
const WRAPPING = /^[\s"“”'‘’《〈「『]+|[\s"“”'‘’》〉」』。.]+$/g;

/** The parts of `text` when all of it is one 发文字号 (quotes and 《》 around it allowed). */
export function parseDocNumber(text: string): DocNumberParts | undefined {
  const folded = text.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(WRAPPING, '');
  const match = WHOLE_NUMBER.exec(folded);
  if (!match) return undefined;
  return { prefix: match[1]!, year: Number(match[2]), serial: Number(match[3]) };
}

/** The form documents print: 国发〔2019〕5号. */
export const printDocNumber = ({ prefix, year, serial }: DocNumberParts) => `${prefix}〔${year}〕${serial}号`;

/** Which file holds a prefix's numbers (FNV-1a of the prefix). */
export function docNumberFileOf(prefix: string, files: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < prefix.length; i++) hash = Math.imul(hash ^ prefix.charCodeAt(i), 0x01000193) >>> 0;
  return hash % files;
}

/** The documents that carry exactly this number. */
export function carrying(entries: readonly DocNumberEntry[], wanted: DocNumberParts): DocNumberEntry[] {
  return entries.filter(([prefix, year, serial]) => prefix === wanted.prefix && year === wanted.year && serial === wanted.serial);
}

/**
 * The issuer's numbers closest to the wanted one: the same year first (nearest serial), then the
 * nearest years; at most `limit`, one entry per number.
 */
export function nearest(entries: readonly DocNumberEntry[], wanted: DocNumberParts, limit = 5): DocNumberEntry[] {
  const distance = ([, year, serial]: DocNumberEntry) => Math.abs(year - wanted.year) * 10_000 + Math.abs(serial - wanted.serial);
  return entries
    .filter(([prefix]) => prefix === wanted.prefix)
    .sort((a, c) => distance(a) - distance(c) || a[1] - c[1] || a[2] - c[2] || a[3] - c[3])
    .slice(0, limit);
}
