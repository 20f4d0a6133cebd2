/**
 * The listener (`/data/listen/<dataset>`): server-sent events for the documents a GROQ filter
 * matches. A `welcome` first; then, per committed transaction, one `mutation` event for each
 * matching document it changed, in the shape the Studio's document store replays:
 * `previousRev` → `resultRev`, the document mutations (the new state as createOrReplace, or a
 * delete), mendoza `effects`, the `transition`, and how many events the transaction has for
 * this listener (the Studio waits for all of them before it settles).
 */
import type { ServerResponse } from 'node:http';
import { evaluate } from 'groq-js';
import type { LakeContext, LakeRequest } from './context.ts';
import { effectsOf, mutationsOf, type CommittedTransaction } from './history.ts';
import { parseQuery, queryParams } from './query.ts';
import type { Change, LakeDocument } from './transaction.ts';

const KEEPALIVE_MS = 25_000;

function flag(search: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = search.get(name);
  return value === null ? fallback : value === 'true';
}

function send(res: ServerResponse, event: string, data: unknown, id?: string): void {
  res.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

export async function handleListen(request: LakeRequest, { lake }: LakeContext, res: ServerResponse): Promise<void> {
  const query = request.search.get('query');
  const params = queryParams(request.search);
  const tree = parseQuery(query, params);
  const options = {
    includeResult: flag(request.search, 'includeResult', true),
    includePreviousRevision: flag(request.search, 'includePreviousRevision', false),
    includeMutations: flag(request.search, 'includeMutations', true),
    includeAllVersions: flag(request.search, 'includeAllVersions', false),
    mendoza: request.search.get('effectFormat') === 'mendoza',
    enableResume: flag(request.search, 'enableResume', false),
  };
  const identity = request.user?.id ?? '';

  async function matches(doc: LakeDocument | null): Promise<boolean> {
    if (!doc) return false;
    if (!options.includeAllVersions && doc._id.startsWith('versions.')) return false;
    const result = await (await evaluate(tree, { dataset: [doc], params, identity })).get();
    return Array.isArray(result) ? result.length > 0 : Boolean(result);
  }

  async function eventsOf(transaction: CommittedTransaction) {
    const matching: Change[] = [];
    for (const change of transaction.changes) if ((await matches(change.before)) || (await matches(change.after))) matching.push(change);
    return matching.map((change, index) => ({
      id: `${transaction.id}#${change.id}`,
      data: {
        eventId: `${transaction.id}#${change.id}`,
        documentId: change.id,
        transactionId: transaction.id,
        transition: change.before === null ? 'appear' : change.after === null ? 'disappear' : 'update',
        identity: transaction.author,
        timestamp: transaction.timestamp,
        previousRev: change.before?._rev,
        resultRev: change.after?._rev ?? transaction.id,
        // Applied synchronously: a query run after this event sees the change.
        visibility: 'query',
        transactionTotalEvents: matching.length,
        transactionCurrentEvent: index + 1,
        ...(options.includeMutations ? { mutations: mutationsOf(change) } : {}),
        ...(options.includeResult && change.after ? { result: change.after } : {}),
        ...(options.includePreviousRevision && change.before ? { previous: change.before } : {}),
        ...(options.mendoza ? { effects: effectsOf(change) } : {}),
      },
    }));
  }

  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();

  // Events are sent in commit order even though matching them is asynchronous.
  let chain: Promise<void> = Promise.resolve();
  const deliver = (transaction: CommittedTransaction) => {
    chain = chain.then(async () => {
      for (const event of await eventsOf(transaction)) send(res, 'mutation', event.data, event.id);
    });
  };
  const unsubscribe = lake.subscribe(deliver);
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  request.raw.on('close', () => {
    unsubscribe();
    clearInterval(keepalive);
  });

  const lastEventId = request.raw.headers['last-event-id'];
  const resumeFrom = typeof lastEventId === 'string' && lastEventId ? lastEventId.split('#')[0]! : undefined;
  if (options.enableResume && resumeFrom) {
    const missed = lake.history.since(resumeFrom);
    if (missed) {
      for (const transaction of missed) deliver(transaction);
      chain = chain.then(() => send(res, 'welcomeback', { listenerName: `local-${Date.now()}` }));
    } else {
      send(res, 'reset', {});
    }
    return;
  }
  send(res, 'welcome', { listenerName: `local-${Date.now()}` });
}
