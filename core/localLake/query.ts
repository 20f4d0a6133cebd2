/** GROQ queries (`/data/query`) and documents by id (`/data/doc`), with perspectives. */
import { evaluate, parse } from 'groq-js';
import type { LakeContext, LakeRequest, LakeResponse } from './context.ts';
import { dataError } from './errors.ts';
import { applyPerspective, parsePerspective } from './perspective.ts';
import { rewriteTextQueries } from './textSearch.ts';
import type { LakeDocument } from './transaction.ts';

/** `$name=<JSON>` search parameters, as @sanity/client encodes query parameters. */
export function queryParams(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of search) {
    if (!key.startsWith('$')) continue;
    try {
      params[key.slice(1)] = JSON.parse(value);
    } catch {
      throw dataError(400, 'httpBadRequest', `Unable to parse value of "${key}=${value}". Please quote string values.`);
    }
  }
  return params;
}

export function parseQuery(query: unknown, params: Record<string, unknown>) {
  if (typeof query !== 'string' || !query.trim()) throw dataError(400, 'httpBadRequest', 'The "query" parameter is required');
  try {
    return parse(query, { params });
  } catch (error) {
    const e = error as { message: string; position?: number };
    throw dataError(400, 'queryParseError', e.message, { query, start: e.position ?? 0, end: (e.position ?? 0) + 1 });
  }
}

async function runQuery(
  documents: LakeDocument[],
  query: string,
  params: Record<string, unknown>,
  identity: string | undefined,
): Promise<unknown> {
  const tree = rewriteTextQueries(parseQuery(query, params), documents);
  const byId = new Map(documents.map((doc) => [doc._id, doc]));
  try {
    const value = await evaluate(tree, {
      dataset: documents,
      params,
      identity: identity ?? '',
      dereference: ({ _ref }) => byId.get(_ref) ?? null,
    });
    return await value.get();
  } catch (error) {
    throw dataError(400, 'queryExecutionError', (error as Error).message, { query });
  }
}

export async function handleQuery(request: LakeRequest, { lake }: LakeContext): Promise<LakeResponse> {
  const started = performance.now();
  let query: unknown;
  let params: Record<string, unknown>;
  let perspective: unknown = request.search.get('perspective') ?? undefined;
  if (request.method === 'POST') {
    const body = (await request.json()) as { query?: unknown; params?: Record<string, unknown>; perspective?: unknown } | null;
    query = body?.query;
    params = body?.params ?? {};
    perspective = body?.perspective ?? perspective;
  } else {
    query = request.search.get('query');
    params = queryParams(request.search);
  }
  await lake.refresh();
  const documents = applyPerspective(lake.documents(), parsePerspective(perspective, request.apiVersion));
  const result = await runQuery(documents, query as string, params, request.user?.id);
  const ms = Math.round(performance.now() - started);
  return { body: request.search.get('returnQuery') === 'false' ? { result, ms } : { query, result, ms } };
}

export async function handleDocuments(request: LakeRequest, { lake }: LakeContext): Promise<LakeResponse> {
  await lake.refresh();
  const ids = decodeURIComponent(request.params[1] ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const allVersions = request.search.get('includeAllVersions') === 'true';
  const documents: LakeDocument[] = [];
  const omitted: { id: string; reason: string }[] = [];
  for (const id of ids) {
    const doc = lake.get(id);
    if (doc) documents.push(doc);
    else omitted.push({ id, reason: 'existence' });
    if (allVersions) {
      for (const other of lake.documents())
        if (other._id !== id && (other._id === `drafts.${id}` || (other._id.startsWith('versions.') && other._id.endsWith(`.${id}`))))
          documents.push(other);
    }
  }
  return { body: { documents, omitted } };
}
