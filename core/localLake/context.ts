/** What every endpoint handler receives, and what it answers with. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalLake } from './lake.ts';
import type { LocalUser } from './users.ts';

export interface LakeContext {
  lake: LocalLake;
  projectId: string;
  dataset: string;
  /** Where uploaded asset files are kept. */
  assetsDir: string;
}

export interface LakeRequest {
  method: string;
  /** The path without its `/v<apiVersion>` prefix, e.g. `/data/query/production`. */
  path: string;
  /** `2025-02-19`, `1`, `X` … */
  apiVersion: string;
  search: URLSearchParams;
  /** Path parameters of the matched route. */
  params: string[];
  /** The signed-in user, from the bearer token. */
  user: LocalUser | undefined;
  /** `http://<host the request came to>`: asset URLs point back at it. */
  origin: string;
  raw: IncomingMessage;
  body(): Promise<Buffer>;
  json(): Promise<unknown>;
}

export interface LakeResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A handler answers with a response, or writes to `res` itself (streams) and answers nothing. */
export type Handler = (
  request: LakeRequest,
  context: LakeContext,
  res: ServerResponse,
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that streams its own answer (listen, asset files) returns nothing
) => Promise<LakeResponse | void> | LakeResponse | void;
