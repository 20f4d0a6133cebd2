/**
 * Where content comes from. The site, the scripts and the tests ask a ContentSource; it is
 * either the local dataset or the Sanity Content Lake, chosen by the environment.
 */
import type { Perspective } from './perspective.ts';
import type { Problem } from '../model/problems.ts';
import type { Query, QueryResult } from './query.ts';

export interface ContentSource {
  /** For messages: the dataset file, or `sanity:<projectId>/<dataset>`. */
  readonly description: string;
  readonly perspective: Perspective;
  fetch<Q extends Query>(query: Q, params?: Record<string, unknown>): Promise<QueryResult<Q>>;
  /** The valid documents of a list query and the problems of the others (for draft previews). */
  fetchLenient<Q extends Query>(query: Q, params?: Record<string, unknown>): Promise<{ data: QueryResult<Q>; problems: Problem[] }>;
}
