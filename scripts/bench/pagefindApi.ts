/** The part of stock Pagefind's JavaScript API the search benchmark calls (its stock column). */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  content?: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
  word_count?: number;
}

export interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearchOptions {
  filters?: Record<string, string | string[] | Record<string, unknown>>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface PagefindApi {
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindSearch>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
