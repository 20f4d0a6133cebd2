/**
 * A static server for latency benchmarks: each file is read from disk once, then answered from
 * memory, as a static host or CDN answers from its cache. The test suite's server streams every
 * file from disk (three file-system calls a request, about 0.8 ms of CPU here), work that a
 * visitor's machine never does but that, on a 2-core benchmark machine, the browser waits for.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
};

interface Answer {
  status: number;
  type: string;
  body: Buffer;
}

export async function serveFromMemory(site: string): Promise<{ url: string; close: () => Promise<void> }> {
  const directory = resolve(site);
  const answers = new Map<string, Answer>();
  const answer = (pathname: string): Answer => {
    let file = normalize(join(directory, pathname));
    if (!file.startsWith(directory)) return { status: 403, type: 'text/plain', body: Buffer.alloc(0) };
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file);
    const path = found ? file : join(directory, '404.html');
    return { status: found ? 200 : 404, type: TYPES[extname(path)] ?? 'application/octet-stream', body: existsSync(path) ? readFileSync(path) : Buffer.alloc(0) };
  };
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://site').pathname);
    let known = answers.get(pathname);
    if (!known) answers.set(pathname, (known = answer(pathname)));
    response.writeHead(known.status, { 'content-type': known.type, 'content-length': known.body.length });
    response.end(known.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
