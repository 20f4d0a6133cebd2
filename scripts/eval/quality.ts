/**
 * Running the evaluation's queries through a search engine and scoring the rankings: recall@K,
 * MRR@K and zero-result rate, overall and by half of the team's set (evalSplit.ts). The
 * project's engine is the site's own query module over the site's own index, as the browser and
 * the CLI run it; `npm run bench:search` adds stock Pagefind and byte and latency figures.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { INDEX_DIRECTORY } from '../../core/search/format/indexFormat.ts';
import { openSiteIndex } from '../../core/search/query/openSiteIndex.ts';
import type { SearchIndex } from '../../core/search/query/searchIndex.ts';
import { searchSite } from '../../core/search/query/searchSite.ts';
import { halfOf, type Half } from './evalSplit.ts';
import { meanRecallAt, mrrAt, type RankedRun, zeroResultRate } from './metrics.ts';
import type { EvalQuery, QuerySets } from './querySets.ts';
import { loadQuerySets } from './querySets.ts';

/** Results per query that are judged (recall@K, MRR@K). */
export const K = 10;

export interface Engine<Api = unknown> {
  name: 'project' | 'stock';
  /** The index folder the engine reads. */
  bundleDir: string;
  /** A ready instance; `fresh` drops whatever the previous instance had loaded (for cold queries). */
  load(fresh: boolean): Promise<Api>;
  /** Whether `load(true)` really starts from nothing. */
  canLoadFresh: boolean;
  /** The result URLs, best first, at most `limit`. */
  rank(api: Api, query: string, limit: number): Promise<{ urls: string[]; total: number }>;
  /** Bytes and files of the index (what a host serves for search). */
  indexBytes(): { files: number; bytes: number };
}

/** The project's search: the site's query module over the site's own index, as the browser and CLI run it. */
export async function projectEngine(siteDir: string, options: { exhaustive?: boolean } = {}): Promise<Engine<SearchIndex>> {
  let current = await openSiteIndex(siteDir, options);
  const bundleDir = join(siteDir, INDEX_DIRECTORY);
  return {
    name: 'project',
    bundleDir,
    canLoadFresh: true,
    async load(fresh) {
      // A new instance has nothing cached: every file is fetched again.
      if (fresh) current = await openSiteIndex(siteDir, options);
      return current;
    },
    async rank(index, query, limit) {
      const response = await searchSite(index, { query, limit });
      return { urls: response.hits.map((hit) => hit.url), total: response.total };
    },
    indexBytes: () => folderBytes(bundleDir),
  };
}

/** Every file under a folder. */
function folderBytes(directory: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

export interface QueryRun {
  id: string;
  query: string;
  relevant: string[];
  ranked: string[];
  total: number;
  warmMs?: number;
  warmBytes?: number;
  coldMs?: number;
  coldBytes?: number;
  coldRequests?: number;
}

export interface QualityFigures {
  recallAtK: number;
  mrrAtK: number;
  zeroResultRate: number;
  queries: number;
}

export function quality(runs: readonly RankedRun[]): QualityFigures {
  return { recallAtK: meanRecallAt(K, runs), mrrAtK: mrrAt(K, runs), zeroResultRate: zeroResultRate(runs), queries: runs.length };
}

/** What a query fetched, counted by the benchmark (its FetchMeter); reset before each query. */
export interface ByteMeter {
  bytes: number;
  reset(): void;
}

/** Lets fetches that Pagefind started but did not await finish inside the measured window. */
export const settle = () => new Promise<void>((resolveTick) => setImmediate(resolveTick));

/** Every query answered, in order, by one loaded instance of the engine (rankings, warm bytes and latency). */
export async function runWarm<Api>(engine: Engine<Api>, queries: readonly EvalQuery[], meter?: ByteMeter): Promise<QueryRun[]> {
  // The first query also pays for Pagefind's lazy init (entry, meta, wasm): one of hundreds.
  const api = await engine.load(false);
  const runs: QueryRun[] = [];
  for (const item of queries) {
    await settle();
    meter?.reset();
    const started = performance.now();
    const { urls, total } = await engine.rank(api, item.query, K);
    const warmMs = performance.now() - started;
    await settle();
    runs.push({
      id: item.id,
      query: item.query,
      relevant: item.relevant,
      ranked: urls,
      total,
      warmMs,
      ...(meter ? { warmBytes: meter.bytes } : {}),
    });
  }
  return runs;
}

/** Quality of the team's questions and known items by half: parameters were chosen on `tuning`, targets are judged on `test`. */
export interface Halves {
  questions: Record<Half, QualityFigures>;
  knownItems: Record<Half, QualityFigures>;
}

export function qualityByHalf(questions: readonly QueryRun[], knownItems: readonly QueryRun[]): Halves {
  const half = (runs: readonly QueryRun[], which: Half) => quality(runs.filter((run) => halfOf(run.query) === which));
  return {
    questions: { tuning: half(questions, 'tuning'), test: half(questions, 'test') },
    knownItems: { tuning: half(knownItems, 'tuning'), test: half(knownItems, 'test') },
  };
}

/** Rankings and quality only (no byte counting, no cold loads): what the regression test checks. */
export async function evaluateQuality(
  siteDir: string,
  sets: QuerySets = loadQuerySets(),
  options: { exhaustive?: boolean } = {},
): Promise<{ questions: QualityFigures; knownItems: QualityFigures; halves: Halves; independent: QualityFigures; runs: QueryRun[] }> {
  const engine = await projectEngine(siteDir, options);
  const runs = await runWarm(engine, [...sets.questions, ...sets.knownItems, ...sets.independent]);
  const questions = runs.slice(0, sets.questions.length);
  const knownItems = runs.slice(sets.questions.length, sets.questions.length + sets.knownItems.length);
  const independent = runs.slice(sets.questions.length + sets.knownItems.length);
  return {
    questions: quality(questions),
    knownItems: quality(knownItems),
    halves: qualityByHalf(questions, knownItems),
    independent: quality(independent),
    runs,
  };
}
