/**
 * A query that is one 发文字号 is answered from the numbers the documents carry
 * (format/docNumberFiles.ts), not from its bigrams: the document that carries it comes first, and
 * a number no document carries is said to be missing, with the nearest numbers of the same issuer
 * shown instead of pages that share a lone 5 and 号.
 *
 * Order numbers' issuers are often typed short — 国令, 市场监管总局令, 总局令 — so an order
 * number matches a stored one with the same serial whose prefix has the typed one's characters in
 * order (or the other way round), as Chinese abbreviations do.
 */
import type { DocNumberEntry } from '../format/docNumberFiles.ts';
import type { DocNumberParts } from '../text/docNumber.ts';

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
