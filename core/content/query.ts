/**
 * A GROQ query paired with the zod schema its result must satisfy. The same query text
 * runs on the local dataset (groq-js) and on the Content Lake (@sanity/client).
 */
import type { z } from 'zod';
import { ContentError, type Problem } from '../model/problems.ts';

export interface Query<S extends z.ZodType = z.ZodType> {
  name: string;
  groq: string;
  result: S;
}

export type QueryResult<Q extends Query> = z.infer<Q['result']>;
/** The result type of a query, for modules that name it. */
export type QueryResultOf<Q extends Query> = QueryResult<Q>;

export function defineQuery<S extends z.ZodType>(name: string, groq: string, result: S): Query<S> {
  return { name, groq, result };
}

/** Validates a query's result; a failure names the document (found through the result's path) and field. */
export function checkResult<Q extends Query>(query: Q, value: unknown, source: string): QueryResult<Q> {
  const parsed = query.result.safeParse(value);
  if (parsed.success) return parsed.data as QueryResult<Q>;
  throw new ContentError(`${source} · 查询 ${query.name}`, problemsOf(query, value, parsed.error.issues));
}

/**
 * For previews of work in progress: the documents of a list result that are valid, and the
 * problems of those that are not — one unfinished draft must not hide all the others.
 */
export function checkResultLenient<Q extends Query>(query: Q, value: unknown): { data: QueryResult<Q>; problems: Problem[] } {
  const element = (query.result as unknown as { element?: z.ZodType }).element;
  if (!element || !Array.isArray(value)) return { data: checkResult(query, value, query.name), problems: [] };
  const data: unknown[] = [];
  const problems: Problem[] = [];
  for (const item of value) {
    const parsed = element.safeParse(item);
    if (parsed.success) data.push(parsed.data);
    else problems.push(...problemsOf({ ...query, result: element }, item, parsed.error.issues));
  }
  return { data: data as QueryResult<Q>, problems };
}

function problemsOf(query: Query, value: unknown, issues: z.core.$ZodIssue[]): Problem[] {
  return issues.map((issue) => {
    // Results are lists of documents or a single document: find the one the issue is in.
    const [first, ...rest] = issue.path;
    const inList = Array.isArray(value) && typeof first === 'number';
    const doc = (inList ? (value as unknown[])[first] : value) as { _id?: unknown; _type?: unknown } | null;
    const fieldPath = inList ? rest : issue.path;
    return {
      id: typeof doc?._id === 'string' ? doc._id : `<${query.name} 的结果>`,
      ...(typeof doc?._type === 'string' ? { type: doc._type } : {}),
      field: fieldPath.map(String).join('.'),
      message: issue.message,
    };
  });
}
