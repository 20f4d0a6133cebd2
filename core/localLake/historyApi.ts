/**
 * The History API: transactions of documents (NDJSON, one transaction a line) and documents as
 * they were at a revision or a time. The workflow reads the author of a draft's latest
 * transaction from it (`?excludeContent=true&reverse=true&limit=1`); the Studio's history
 * panel reads mendoza effects.
 */
import type { LakeContext, LakeRequest, LakeResponse } from './context.ts';
import { effectsOf, mutationsOf, type CommittedTransaction } from './history.ts';

function ids(raw: string | undefined): string[] {
  return decodeURIComponent(raw ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}

function between(entries: CommittedTransaction[], search: URLSearchParams): CommittedTransaction[] {
  let list = entries;
  const from = search.get('fromTransaction');
  const to = search.get('toTransaction');
  if (from) {
    const index = list.findIndex((entry) => entry.id === from);
    if (index >= 0) list = list.slice(index);
  }
  if (to) {
    const index = list.findIndex((entry) => entry.id === to);
    if (index >= 0) list = list.slice(0, index + 1);
  }
  const fromTime = search.get('fromTime');
  const toTime = search.get('toTime');
  if (fromTime) list = list.filter((entry) => entry.timestamp >= fromTime);
  if (toTime) list = list.filter((entry) => entry.timestamp <= toTime);
  const authors = search.get('authors');
  if (authors) {
    const wanted = new Set(authors.split(','));
    list = list.filter((entry) => wanted.has(entry.author));
  }
  return list;
}

export function handleTransactions(request: LakeRequest, { lake }: LakeContext): LakeResponse {
  const wanted = ids(request.params[1]);
  const { search } = request;
  let list = between(lake.history.touching(wanted), search);
  if (search.get('reverse') === 'true') list = [...list].reverse();
  const limit = Number(search.get('limit') ?? '');
  if (Number.isInteger(limit) && limit > 0) list = list.slice(0, limit);
  const onlyIdentified = search.get('includeIdentifiedDocumentsOnly') === 'true';
  const withContent = search.get('excludeContent') !== 'true';
  const withMutations = search.get('excludeMutations') !== 'true' && withContent;
  const withEffects = search.get('effectFormat') === 'mendoza';
  const lines = list.map((entry) => {
    const changes = onlyIdentified ? entry.changes.filter((change) => wanted.includes(change.id)) : entry.changes;
    return JSON.stringify({
      id: entry.id,
      timestamp: entry.timestamp,
      author: entry.author,
      documentIDs: changes.map((change) => change.id),
      ...(withMutations ? { mutations: changes.flatMap(mutationsOf) } : {}),
      ...(withEffects ? { effects: Object.fromEntries(changes.map((change) => [change.id, effectsOf(change)])) } : {}),
    });
  });
  return { headers: { 'content-type': 'application/x-ndjson' }, body: lines.length ? `${lines.join('\n')}\n` : '' };
}

export function handleHistoryDocuments(request: LakeRequest, { lake }: LakeContext): LakeResponse {
  const revision = request.search.get('revision') ?? undefined;
  const time = request.search.get('time') ?? undefined;
  const documents = ids(request.params[1]).flatMap((id) => {
    const found = revision || time ? lake.history.documentAt(id, { revision, time }) : lake.get(id);
    // Not in the log (written before it began): the current state is the best answer there is.
    const doc = found === undefined ? lake.get(id) : found;
    return doc ? [doc] : [];
  });
  return { body: { documents } };
}

/**
 * The document events the history panel lists. The local lake keeps transactions, not
 * Sanity's derived events: none are listed, and the Studio builds its edit history from the
 * transactions instead.
 */
export function handleDocumentEvents(request: LakeRequest): LakeResponse {
  return { body: { events: Object.fromEntries(ids(request.params[1]).map((id) => [id, []])), nextCursor: '' } };
}
