/**
 * Retrieval metrics for the search evaluation: pure functions over ranked result URLs and
 * the set of relevant URLs of each query.
 */

/** One evaluated query: the URLs the engine returned, best first, and the URLs that answer it. */
export interface RankedRun {
  ranked: readonly string[];
  relevant: readonly string[];
}

/**
 * Recall@k of one query: the share of its relevant URLs among the first k results
 * (duplicates in the ranking count once). A query without relevant URLs has recall 0.
 */
export function recallAt(k: number, ranked: readonly string[], relevant: readonly string[]): number {
  const wanted = new Set(relevant);
  if (wanted.size === 0) return 0;
  const found = new Set(ranked.slice(0, k).filter((url) => wanted.has(url)));
  return found.size / wanted.size;
}

/** Reciprocal rank of the first relevant URL within the first k results (0 when none is there). */
export function reciprocalRankAt(k: number, ranked: readonly string[], relevant: readonly string[]): number {
  const wanted = new Set(relevant);
  const index = ranked.slice(0, k).findIndex((url) => wanted.has(url));
  return index < 0 ? 0 : 1 / (index + 1);
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Mean recall@k over queries (macro average: every query weighs the same). */
export function meanRecallAt(k: number, runs: readonly RankedRun[]): number {
  return mean(runs.map((run) => recallAt(k, run.ranked, run.relevant)));
}

/** Mean reciprocal rank over queries, counting only the first k results. */
export function mrrAt(k: number, runs: readonly RankedRun[]): number {
  return mean(runs.map((run) => reciprocalRankAt(k, run.ranked, run.relevant)));
}

/** Share of queries that returned no result at all. */
export function zeroResultRate(runs: readonly Pick<RankedRun, 'ranked'>[]): number {
  return runs.length === 0 ? 0 : runs.filter((run) => run.ranked.length === 0).length / runs.length;
}

/**
 * The p-th percentile (0–100) by linear interpolation between closest ranks (as NumPy's
 * default and Excel's PERCENTILE.INC): p50 of [1, 2, 3, 4] is 2.5. NaN for no values.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0–100, got ${p}`);
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const weight = position - lower;
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * weight;
}
