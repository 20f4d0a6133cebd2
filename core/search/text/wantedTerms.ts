/**
 * The terms a query asks the index for, and how each counts — one home for the engine's query
 * (query/searchSite.ts) and the benchmark's ranking model (scripts/bench/rankingModel.ts), so
 * what the tuner scores is what a visitor gets.
 */
import { expandQuery } from './equivalents.ts';
import { termsOf, unigramsOf } from './terms.ts';

export interface WantedTerm {
  /** How many times the query has it (its weight counts at most two). */
  count: number;
  /** In a quoted phrase: a page must have it. */
  required: boolean;
  /** A share of its weight: an equivalent's, so the word it stands for is not outweighed (1 otherwise). */
  scale: number;
  /** Asked for only as a character of a longer run: weighs the index's `unigram` share on top. */
  unigram: boolean;
}

/**
 * `cleaned` is the query without question words or phrases; `phrases` its quoted phrases. A term
 * keeps how it was first asked for: one that is a bigram or lone character and also a character
 * of a run keeps a bigram's full weight.
 */
export function wantedTerms(
  cleaned: string,
  phrases: readonly string[],
  options: { unigrams: boolean; equivalents: boolean },
): { wanted: Map<string, WantedTerm>; alsoSearched: string[] } {
  const wanted = new Map<string, WantedTerm>();
  const add = (term: string, required: boolean, scale = 1, unigram = false) => {
    const known = wanted.get(term);
    wanted.set(term, {
      count: (known?.count ?? 0) + 1,
      required: (known?.required ?? false) || required,
      scale: known?.scale ?? scale,
      unigram: known?.unigram ?? unigram,
    });
  };
  const parts = cleaned.split(' ');
  for (const part of parts) for (const term of termsOf(part)) add(term, false);
  if (options.unigrams) for (const part of parts) for (const term of unigramsOf(part)) add(term, false, 1, true);
  // An equivalent weighs what the word it stands for weighs: 电子商务经营者's six bigrams
  // together count as much as 网店's one, so the page that says 网店 is not outranked.
  const { alsoSearched, standsFor } = options.equivalents
    ? expandQuery(cleaned)
    : { alsoSearched: [], standsFor: new Map<string, string>() };
  for (const word of alsoSearched) {
    const terms = termsOf(word).filter((term) => !wanted.has(term));
    const scale = termsOf(standsFor.get(word)!).length / Math.max(1, termsOf(word).length);
    for (const term of terms) add(term, false, scale);
  }
  for (const phrase of phrases) for (const term of termsOf(phrase)) add(term, true);
  return { wanted, alsoSearched };
}
