/**
 * The one search module of the site: the browser's search page and the command line
 * (`npm run search`) both call `searchSite`, so tests measure what the public gets.
 */
import type { PagefindApi, PagefindResult, PagefindSearchOptions } from './pagefindApi.ts';
import { meaningfulQuery, queryWords } from './queryText.ts';

export type SortOrder = 'relevance' | 'newest' | 'oldest';

export interface SearchRequest {
  query: string;
  /** Facet name → the values to keep (any of them). */
  filters?: Record<string, string[]>;
  sort?: SortOrder;
  limit?: number;
}

export interface SearchHit {
  url: string;
  title: string;
  section: string;
  date?: string;
  docNumber?: string;
  /** Pagefind's excerpt, with matched words in `<mark>`. */
  excerpt: string;
}

export interface SearchResponse {
  query: string;
  total: number;
  hits: SearchHit[];
  /** Facet name → value → count, for the current query and filters. */
  facets: Record<string, Record<string, number>>;
}

/** Full-width letters, digits and spaces typed with a Chinese input method, folded to ASCII. */
export function normalizeQuery(query: string): string {
  return query
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

function pagefindOptions(request: SearchRequest): PagefindSearchOptions {
  const options: PagefindSearchOptions = {};
  const filters = Object.entries(request.filters ?? {}).filter(([, values]) => values.length > 0);
  if (filters.length > 0) options.filters = Object.fromEntries(filters.map(([name, values]) => [name, { any: values }]));
  if (request.sort === 'newest') options.sort = { date: 'desc' };
  if (request.sort === 'oldest') options.sort = { date: 'asc' };
  return options;
}

export async function searchSite(pagefind: PagefindApi, request: SearchRequest): Promise<SearchResponse> {
  const query = normalizeQuery(request.query);
  // Pagefind counts results per facet value only for filter data it has already loaded.
  const allFacets = await pagefind.filters();
  if (!query) return { query, total: 0, hits: [], facets: allFacets };
  const cleaned = meaningfulQuery(query) || query;
  const options = pagefindOptions(request);
  const search = await pagefind.search(cleaned, options);
  const limit = request.limit ?? 10;
  // Sorted by date, the documents that contain every word come in date order; when there are
  // none, the partial matches (ranked by relevance) are better than an empty page.
  const byDate = request.sort === 'newest' || request.sort === 'oldest';
  const ranked = byDate && search.results.length > 0 ? search.results : await rankWithFallback(pagefind, cleaned, options, search.results);
  const hits = await Promise.all(
    ranked.slice(0, limit).map(async (result) => {
      const data = await result.data();
      return {
        url: data.url,
        title: data.meta.title ?? data.url,
        section: data.meta.section ?? '',
        ...(data.meta.date ? { date: data.meta.date } : {}),
        ...(data.meta.docNumber ? { docNumber: data.meta.docNumber } : {}),
        excerpt: data.excerpt,
      };
    }),
  );
  return { query, total: ranked.length, hits, facets: await facetCounts(pagefind, cleaned, request, search.filters) };
}

/**
 * Pagefind finds a document only when every query word matches, and a question rarely uses
 * every word of its answer. So each word is also searched alone, and documents are ranked by
 * how many of the words they contain, rarer words counting more; matching the whole query
 * counts as matching one more, rarest, word.
 */
async function rankWithFallback(
  pagefind: PagefindApi,
  cleaned: string,
  options: PagefindSearchOptions,
  whole: PagefindResult[],
): Promise<PagefindResult[]> {
  const words = queryWords(cleaned);
  if (words.length < 2) return whole;
  const perWord = await Promise.all(words.map((word) => pagefind.search(word, options)));
  const scores = new Map<string, { result: PagefindResult; score: number }>();
  const add = (result: PagefindResult, weight: number) => {
    const entry = scores.get(result.id) ?? { result, score: 0 };
    entry.score += weight;
    scores.set(result.id, entry);
  };
  // Rarer words say more about which document is meant: an inverse document frequency, with
  // the commonest query word standing in for the collection size.
  const collection = Math.max(...perWord.map((found) => found.results.length), whole.length) + 1;
  for (const found of perWord) {
    const weight = Math.log((collection + 1) / (found.results.length + 0.5));
    found.results.forEach((result, rank) => add(result, weight * (1 + 0.5 / (1 + rank))));
  }
  const rarest = Math.log((collection + 1) / (Math.min(...perWord.map((found) => found.results.length)) + 0.5));
  whole.forEach((result, rank) => add(result, rarest * (1 + 0.5 / (1 + rank))));
  return [...scores.values()].sort((a, b) => b.score - a.score || b.result.score - a.result.score).map((entry) => entry.result);
}

/**
 * Values within one facet add up (any of them), so each facet's counts are those of the
 * query filtered by the *other* facets: ticking a value shows what it would add.
 */
async function facetCounts(
  pagefind: PagefindApi,
  query: string,
  request: SearchRequest,
  filtered: Record<string, Record<string, number>>,
): Promise<Record<string, Record<string, number>>> {
  const facets = { ...filtered };
  for (const [name, values] of Object.entries(request.filters ?? {})) {
    if (values.length === 0) continue;
    const others = Object.fromEntries(Object.entries(request.filters ?? {}).filter(([other]) => other !== name));
    const search = await pagefind.search(query, pagefindOptions({ ...request, filters: others }));
    if (search.filters[name]) facets[name] = search.filters[name];
  }
  return facets;
}
