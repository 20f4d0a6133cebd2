/**
 * The 发文字号 the site's documents carry, as the index stores them: split into files by a hash
 * of the issuer prefix (国发, 株市监规…; every order number in the file of 令), so a query reads
 * only the numbers it could match: `search-index/n/<file>.sidx`, each a JSON array of
 * DocNumberEntry, sorted by prefix, year and serial.
 */
import type { DocNumberParts } from '../text/docNumber.ts';

/** [prefix, year, serial, document number in the index, the number as the page prints it]. */
export type DocNumberEntry = [string, number, number, number, string];

export const docNumberFile = (file: number) => `n/${file}.sidx`;

/** The key a number's file is chosen by. */
export const docNumberFileKey = ({ prefix, year }: DocNumberParts) => (year === 0 ? '令' : prefix);

/** Which file holds a prefix's numbers (FNV-1a of the prefix). */
export function docNumberFileOf(prefix: string, files: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < prefix.length; i++) hash = Math.imul(hash ^ prefix.charCodeAt(i), 0x01000193) >>> 0;
  return hash % files;
}
