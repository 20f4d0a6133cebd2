/**
 * Tried and dropped (kept for scripts/bench/tuneRanking.ts, which still offers it to the
 * cross-validation): phrase evidence without positions in the index: two of the query's bigrams that are adjacent
 * in the query (监督 督管 → the three characters 监督管) found adjacent in a page say more than
 * the two bigrams found anywhere in it. The index stores which terms a page has, not where, so
 * the evidence would be read from the title and stored start of the best-scoring pages (which a
 * result page reads for its excerpts anyway). Cross-validated over the tuning half (0, 0.1 …
 * 2 units of idf per pair), the fold winners chose 0 three times in five: it moved no held-out
 * fold, so the engine does without it.
 */
import { isHan } from '../../core/search/text/terms.ts';

/** Three consecutive Han characters of the query, and what finding them together is worth. */
export interface BigramPair {
  characters: string;
  weight: number;
}

/**
 * Every pair of adjacent bigrams of the query's Han runs, weighted by the rarer-is-better
 * weight of its commoner bigram (a pair is no rarer than its commonest half says).
 */
export function queryBigramPairs(query: string, weightOf: (bigram: string) => number): BigramPair[] {
  const pairs = new Map<string, number>();
  for (const part of query.split(/\s+/)) {
    for (let i = 0; i + 2 < part.length; i++) {
      if (!isHan(part.charCodeAt(i)) || !isHan(part.charCodeAt(i + 1)) || !isHan(part.charCodeAt(i + 2))) continue;
      const characters = part.slice(i, i + 3);
      pairs.set(characters, Math.min(weightOf(characters.slice(0, 2)), weightOf(characters.slice(1))));
    }
  }
  return [...pairs].filter(([, weight]) => weight > 0).map(([characters, weight]) => ({ characters, weight }));
}

/** The summed weight of the query's bigram pairs that occur in `text` as written. */
export function proximityEvidence(text: string, pairs: readonly BigramPair[]): number {
  let evidence = 0;
  for (const pair of pairs) if (text.includes(pair.characters)) evidence += pair.weight;
  return evidence;
}

/**
 * The best paragraph's share of the query: the summed weight of the query's distinct terms it
 * contains plus its bigram pairs, over the weight of the whole query. An article that answers a
 * question holds most of its words together; a long law holds them scattered.
 */
export function passageEvidence(text: string, pairs: readonly BigramPair[], terms: readonly { term: string; weight: number }[]): number {
  const bigrams = terms.filter((t) => t.term.length === 2 && isHan(t.term.charCodeAt(0)) && isHan(t.term.charCodeAt(1)));
  const total = bigrams.reduce((s, t) => s + t.weight, 0) + pairs.reduce((s, p) => s + p.weight, 0);
  if (total === 0) return 0;
  let best = 0;
  for (const paragraph of text.split('\n')) {
    let found = 0;
    for (const t of bigrams) if (paragraph.includes(t.term)) found += t.weight;
    for (const p of pairs) if (paragraph.includes(p.characters)) found += p.weight;
    if (found > best) best = found;
  }
  return best / total;
}
