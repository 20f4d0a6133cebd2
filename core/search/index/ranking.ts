/**
 * The ranking parameters every index is built with (BM25F over character bigrams and, at a
 * weight of their own, single characters: the body and the heading fields — title, 发文字号 —
 * each with its own length normalisation). One home, so the tuning benchmark
 * (scripts/bench/tuneRanking.ts) and the indexer agree on what is in use.
 *
 * How they were chosen: 5-fold cross-validation on the tuning half of the evaluation only (never
 * the test half or the independent set); grid k1 3–24, b 0.05–0.75, heading weight 1/3, unigram
 * 0/0.5/1 (216 candidates); each parameter the median of the five fold winners. The objective is
 * the corpus of real pages alone; the 10,000 generated pages guard: a candidate takes part in a
 * fold only if, on that fold's training queries and reading postings heads as the engine does,
 * it ranks no worse among them than the parameters it replaces (k1 8, b 0.3, heading 1, no
 * unigrams) — `npm run bench:tune -- --site <corpus> --guard <site with 10,000 more>`. Winners:
 * k1 3/8/12/5/12, b 0.3/0.45/0.45/0.3/0.45, heading 3 in all five, unigram 1/1/0.5/1/0.5.
 *
 * Why the corpus decides and the generated pages only guard: counted in the objective, every fold
 * picks a high k1 and a b near 0 — with the old sentence-drawing distractors and with the
 * Markov-chain ones of scripts/bench/mixedText.ts alike — because the generated pages are mostly
 * shorter than the documents our questions name (median 988 bigrams against 2,926) and each is
 * about one of their matters, so any length normalisation lifts them. That contrast belongs to
 * the benchmark dataset, not to real sites: on a held-out set of 658 real questions over 599 real
 * pages (issue 14), parameters chosen that way (k1 12, b 0.05) scored MRR@10 0.768 where textbook
 * BM25 scored 0.883. The guard keeps the generated pages from being traded away for the corpus.
 *
 * Characters (unigram): a question often spells a word differently from the page (搜身 where the
 * law says 搜查…身体); its characters still match. Every fold chose them. Each query character is
 * a term weighing `unigram` × its idf; a page's length stays its count of bigrams; a character's
 * postings live in a file of its own with a head of CHARACTER_HEAD documents and impacts in steps
 * of CHARACTER_IMPACT_STEP (buildIndex.ts), since a query reads about a dozen of them, most common.
 * The independent set was not blind for this decision: last stop its figures were looked at for
 * several unigram settings before this procedure was settled (closing note, issue 14).
 *
 * Floor and citations, then k1 and b again beside them, with the roles reversed: the objective
 * counts both sites and a candidate takes part in a fold only if it ranks the real pages no worse
 * than the parameters it replaces. Both signals exist for a site among many pages — BM25+'s floor
 * (Lv & Zhai 2011) keeps a long law's matching article from being divided away by its length,
 * citations (citations.ts) say which pages the rest of the site stands on — so the generated
 * pages may speak for them, and the real pages hold them back. First with k1 8, b 0.45 fixed
 * (`--guard-corpus --baseline 8,0.45,3,1,0,0 --k1 8 --b 0.45 --heading 3 --unigram 1 --floor
 * 0,0.5,1,2 --citation 0,0.05,0.1,0.2,0.3,0.5`): floor 0.5/1/1/1/0.5, citation 0.3 in all five.
 * Then jointly, since a floor changes what length normalisation should do (`--guard-corpus
 * --baseline 8,0.45,3,1,1,0.3 --k1 3,5,8,12,16 --b 0.3,0.45,0.6,0.75 --heading 3 --unigram 1
 * --floor 0.5,1,2 --citation 0.2,0.3,0.5`, 180 candidates): k1 5/12/12/8/12, b 0.45 in all five,
 * floor 0.5/2/2/1/2, citation 0.3 in all five.
 *
 * Dropped: proximity of the query's bigrams (the index stores no positions) and a coverage factor
 * (the page's share of the query's weight): offered to the cross-validation (proximity read from
 * each candidate's best paragraph; coverage to the power 1, 2, 4), no fold chose either. Crediting
 * documents beyond a character's head with the head's lowest impact (all of them, or in the share
 * of the documents the character is in) lowered the model's figures among the generated pages.
 */
export const RANKING = {
  k1: 12,
  b: 0.45,
  /** A heading word (title, 发文字号) weighs this many body words… */
  headingWeight: 3,
  /** …and its length is normalised apart, by this much. */
  headingB: 0.5,
  /** Each character of the query as a term of its own (text/terms.ts), at this share of its idf weight. */
  unigram: 1,
  /** BM25+ (Lv & Zhai 2011): a term a page has is worth at least this much on BM25's scale, however long the page. */
  floor: 2,
  /** A document's score × (1 + this × ln(1 + the pages citing it by title)): citations.ts. */
  citation: 0.3,
} as const;
