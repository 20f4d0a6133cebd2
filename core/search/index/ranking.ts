/**
 * The ranking parameters every index is built with (BM25F over character bigrams: the body and
 * the heading fields — title, 发文字号 — each with its own length normalisation). One home, so
 * the tuning benchmark (scripts/bench/tuneRanking.ts) and the indexer agree on what is in use.
 *
 * Chosen by 5-fold cross-validation on the tuning half of the evaluation only (never the test
 * half or the independent set), the corpus alone and among 10,000 generated pages counted
 * together; grid k1 1.2–24, b 0–0.75, heading weight 1/3/6 (textbook values included), the
 * median of each parameter over the five fold winners. The generated pages are Markov-chain text
 * that keeps to one matter per page, with a bounded rate of verbatim quotation
 * (scripts/bench/mixedText.ts). All five fold winners were k1 24, b 0, heading weight 6 (with k1
 * up to 48 in the grid, one fold took 32: the median stays 24; with the same chain strewing words
 * over all pages instead, the folds chose k1 24, b 0.05, heading weight 3).
 * Counted apart, the corpus alone would choose k1 8, b 0.3, heading weight 1 (k1 8 in every fold);
 * among the generated pages textbook BM25 (k1 1.2, b 0.75) falls to recall@10 0.62 on the test
 * half, because the generated pages are mostly shorter than the documents our questions name
 * (median 988 bigrams against 2,926) and each is about one of their matters: length normalisation
 * lifts the short pages. Caveat: that length contrast is the benchmark dataset's, and a held-out set of
 * real pages without distractors preferred textbook BM25; this evaluation cannot see that.
 * Dropped: proximity of the query's bigrams (the index stores no positions) and a coverage
 * factor (the page's share of the query's weight): offered to the cross-validation (proximity
 * read from each candidate's best paragraph; coverage to the power 1, 2, 4), no fold chose either.
 */
export const RANKING = {
  k1: 24,
  b: 0,
  /** A heading word (title, 发文字号) weighs this many body words… */
  headingWeight: 6,
  /** …and its length is normalised apart, by this much. */
  headingB: 0.5,
} as const;
