/**
 * The HTTP face of the local Content Lake: CORS as the Studio's browser needs it (every
 * request is preflighted; the request's Origin is echoed with credentials allowed), the
 * `/v<apiVersion>` prefix, the bearer token, routing, and errors in Sanity's shapes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleAssetFile, handleUpload } from './assets.ts';
import { handleDeploys } from './deploys.ts';
import type { Handler, LakeContext, LakeRequest } from './context.ts';
import { LakeError, httpError } from './errors.ts';
import { handleDocumentEvents, handleHistoryDocuments, handleTransactions } from './historyApi.ts';
import { handleListen } from './listen.ts';
import { handleDocuments, handleQuery } from './query.ts';
import { startupRoutes } from './startup.ts';
import { userByToken } from './users.ts';
import { handleActions, handleMutate } from './write.ts';

/** Bodies larger than this are refused (uploads of 附件 included). */
const MAX_BODY_BYTES = 200 * 1024 * 1024;

const ROUTES: [string, RegExp, Handler][] = [
  ['GET', /^\/data\/query\/([^/]+)$/, handleQuery],
  ['POST', /^\/data\/query\/([^/]+)$/, handleQuery],
  ['GET', /^\/data\/doc\/([^/]+)\/(.+)$/, handleDocuments],
  ['POST', /^\/data\/mutate\/([^/]+)$/, handleMutate],
  ['POST', /^\/data\/actions\/([^/]+)$/, handleActions],
  ['GET', /^\/data\/listen\/([^/]+)$/, handleListen],
  ['GET', /^\/data\/history\/([^/]+)\/transactions\/(.+)$/, handleTransactions],
  ['GET', /^\/data\/history\/([^/]+)\/documents\/(.+)$/, handleHistoryDocuments],
  ['GET', /^\/data\/history\/([^/]+)\/events\/documents\/(.+)$/, handleDocumentEvents],
  ['POST', /^\/assets\/(files|images)\/([^/]+)$/, handleUpload],
  ['GET', /^\/(files|images)\/([^/]+)\/([^/]+)\/([^/?]+)$/, handleAssetFile],
  // The publisher's deploy records (npm run publisher), for the Studio's badge: not part of Sanity's API.
  ['GET', /^\/publish\/deploys\/([^/]+)$/, handleDeploys],
  ...startupRoutes,
];

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? 'authorization, content-type'),
    'access-control-expose-headers': 'content-type, content-length, x-sanity-shard',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(httpError(413, `请求体超过 ${MAX_BODY_BYTES} 字节`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

/** Unknown paths are logged once each, so what the Studio still misses can be seen. */
const reportedMissing = new Set<string>();

export function createRequestHandler(context: LakeContext, log: (line: string) => void = () => undefined) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const cors = corsHeaders(req);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    // Handlers that stream (the listener) write their own head: it carries these too.
    for (const [name, value] of Object.entries(cors)) res.setHeader(name, value);
    const url = new URL(req.url ?? '/', 'http://lake');
    const versioned = /^\/v(\d{4}-\d{2}-\d{2}|\d+|X)(\/.*)$/.exec(url.pathname);
    const path = versioned ? versioned[2]! : url.pathname;
    const method = req.method ?? 'GET';
    let bodyPromise: Promise<Buffer> | undefined;
    const body = () => (bodyPromise ??= readBody(req));
    try {
      const route = ROUTES.find(([routeMethod, pattern]) => routeMethod === method && pattern.test(path));
      if (!route) {
        const known = ROUTES.some(([, pattern]) => pattern.test(path));
        if (!known && !reportedMissing.has(`${method} ${path}`)) {
          reportedMissing.add(`${method} ${path}`);
          log(`本地内容库没有这个接口：${method} ${path}`);
        }
        throw known ? httpError(405, `不支持 ${method} ${path}`) : httpError(404, `本地内容库没有这个接口：${path}`);
      }
      const request: LakeRequest = {
        method,
        path,
        apiVersion: versioned ? versioned[1]! : '1',
        search: url.searchParams,
        params: route[1].exec(path)!.slice(1),
        user: userByToken(bearer(req)),
        origin: `http://${req.headers.host ?? 'localhost'}`,
        raw: req,
        body,
        json: async () => {
          const raw = await body();
          if (raw.length === 0) return undefined;
          try {
            return JSON.parse(raw.toString('utf8')) as unknown;
          } catch {
            throw httpError(400, '请求体不是有效的 JSON');
          }
        },
      };
      const response = await route[2](request, context, res);
      if (!response) return;
      const headers: Record<string, string> = { ...cors, ...response.headers };
      const payload = response.body;
      if (payload === undefined) {
        res.writeHead(response.status ?? 200, headers).end();
      } else if (Buffer.isBuffer(payload) || typeof payload === 'string') {
        res.writeHead(response.status ?? 200, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(payload);
      } else {
        res
          .writeHead(response.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...headers })
          .end(JSON.stringify(payload));
      }
    } catch (error) {
      const lakeError = error instanceof LakeError ? error : undefined;
      if (!lakeError) log(`本地内容库内部错误：${method} ${path}：${(error as Error).stack ?? String(error)}`);
      const status = lakeError?.status ?? 500;
      const payload = lakeError?.body ?? { statusCode: 500, error: 'Internal Server Error', message: (error as Error).message };
      if (res.headersSent) {
        res.end();
        return;
      }
      res.writeHead(status, { ...cors, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(payload));
    }
  };
}
