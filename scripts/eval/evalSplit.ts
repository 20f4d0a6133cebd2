/**
 * The team's evaluation split in two, once and for all: a query belongs to the tuning half or
 * the test half by a hash of its words (not its id, not its position), so adding, reordering or
 * renumbering queries never moves one across. Ranking parameters are chosen on the tuning half
 * alone (scripts/bench/tuneRanking.ts); targets are judged on the test half and on the
 * independent set (scripts/eval/independentQuestions.json), never on the tuning half.
 */
import { createHash } from 'node:crypto';

export type Half = 'tuning' | 'test';

export function halfOf(query: string): Half {
  return (createHash('sha256').update(query.normalize('NFC')).digest()[0]! & 1) === 0 ? 'tuning' : 'test';
}

export function splitHalves<T extends { query: string }>(items: readonly T[]): Record<Half, T[]> {
  return { tuning: items.filter((item) => halfOf(item.query) === 'tuning'), test: items.filter((item) => halfOf(item.query) === 'test') };
}
