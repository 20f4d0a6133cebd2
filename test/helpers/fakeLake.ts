/**
 * A stand-in Content Lake on 127.0.0.1 for the adapter tests: GROQ queries (GET or POST) are
 * answered as the Content Lake answers them, in the raw perspective (groq-js over the test's
 * documents of the moment); any other request (Actions, History, users) gets what the test says.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type SanityClient } from '@sanity/client';
import { evaluate, parse } from 'groq-js';
import { SANITY_API_VERSION } from '../../core/content/lakeSource.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';

export interface LakeRequest {
  method: string;
  url: URL;
  /** The request body as sent ('' when none). */
  raw: string;
  headers: IncomingHttpHeaders;
}

/** An answer in JSON, or in NDJSON (the History API's). */
export type LakeAnswer = { status?: number; json: unknown } | { status?: number; ndjson: string };

export interface FakeLake {
  /** A client of the lake, as the project makes one (no CDN, this API version). */
  client(token?: string): SanityClient;
  close(): Promise<void>;
}

export async function startFakeLake(options: {
  /** What the lake holds when a query arrives. */
  documents: () => StoredDocument[];
  /** Every request, as it arrives. */
  onRequest?: (request: LakeRequest) => void;
  /** Every query's result, as it is answered. */
  onQuery?: (result: unknown) => void;
  /** The answer to any request that is not a query. */
  answer: (request: LakeRequest) => LakeAnswer;
}): Promise<FakeLake> {
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', async () => {
      const request: LakeRequest = { method: req.method ?? '', url: new URL(req.url ?? '/', 'http://lake'), raw, headers: req.headers };
      options.onRequest?.(request);
      if (request.url.pathname.includes('/data/query/')) {
        const result = await answerQuery(request, options.documents());
        options.onQuery?.(result);
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result, ms: 1 }));
      }
      const answer = options.answer(request);
      if ('ndjson' in answer)
        return void res.writeHead(answer.status ?? 200, { 'content-type': 'application/x-ndjson' }).end(answer.ndjson);
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(answer.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    client: (token) =>
      createClient({
        projectId: 'abc123xy',
        dataset: 'production',
        apiVersion: SANITY_API_VERSION,
        ...(token ? { token } : {}),
        useCdn: false,
        apiHost,
        useProjectHostname: false,
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A query sent as a POST body or in the URL (`?query=…&$name=<JSON>`). */
async function answerQuery(request: LakeRequest, dataset: StoredDocument[]): Promise<unknown> {
  const posted = request.raw ? (JSON.parse(request.raw) as { query: string; params?: Record<string, unknown> }) : undefined;
  const search = request.url.searchParams;
  const query = posted?.query ?? search.get('query') ?? '';
  const params =
    posted?.params ??
    Object.fromEntries([...search].filter(([key]) => key.startsWith('$')).map(([key, value]) => [key.slice(1), JSON.parse(value)]));
  return (await evaluate(parse(query, { params }), { dataset, params })).get();
}
