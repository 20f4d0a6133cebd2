/** The part of stock Pagefind's JavaScript API the search benchmark calls (its stock column). */
interface PagefindResultData {
  url: string;
  excerpt: string;
  content?: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
  word_count?: number;
}

interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<PagefindResultData>;
}

interface PagefindSearchOptions {
  filters?: Record<string, string | string[] | Record<string, unknown>>;
  sort?: Record<string, 'asc' | 'desc'>;
}

interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface PagefindApi {
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindSearch>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
