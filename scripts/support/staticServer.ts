/**
 * A built site or Studio served on 127.0.0.1 for the browser tests and the benchmarks, each file
 * from disk (or, with `fromMemory`, read once and then answered from memory).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export interface Served {
  url: string;
  close: () => Promise<void>;
}

interface ServeOptions {
  /** A single-page app: any path that is not a file gets the app's index.html. */
  app?: boolean;
  fromMemory?: boolean;
  port?: number;
  /** The host name of the URL handed back (the server listens on 127.0.0.1 either way). */
  hostname?: string;
}

async function serveFolder(directory: string, options: ServeOptions): Promise<Served> {
  const root = resolve(directory);
  const answers = new Map<string, { status: number; type: string; body: Buffer }>();
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://site').pathname);
    let file = normalize(join(root, pathname));
    const isFile = (path: string) => existsSync(path) && statSync(path).isFile();
    let status = 200;
    if (options.app) {
      if (!file.startsWith(root) || !isFile(file)) file = join(root, 'index.html');
    } else {
      if (!file.startsWith(root)) {
        res.writeHead(403).end();
        return;
      }
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) [file, status] = [join(root, '404.html'), 404];
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (!options.fromMemory) {
      res.writeHead(status, { 'content-type': type });
      createReadStream(file).pipe(res);
      return;
    }
    let answer = answers.get(pathname);
    if (!answer) {
      answer = { status, type, body: readFileSync(file) };
      answers.set(pathname, answer);
    }
    res.writeHead(answer.status, { 'content-type': answer.type, 'content-length': answer.body.length });
    res.end(answer.body);
  });
  await new Promise<void>((resolveListen, reject) => server.once('error', reject).listen(options.port ?? 0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.hostname ?? '127.0.0.1'}:${port}`,
    close: () => new Promise((resolveClose) => server.close(() => resolveClose())),
  };
}

/**
 * Serves a built site like a plain static host (directory → index.html, else 404.html). With
 * `fromMemory`, each file is read once and then answered from memory, as a static host or CDN
 * answers from its cache: for latency benchmarks, where streaming (three file-system calls a
 * request, about 0.8 ms of CPU here) would take the CPU that, on a 2-core machine, the browser
 * being measured is waiting for.
 */
export function serveSite(directory: string, options: { fromMemory?: boolean } = {}): Promise<Served> {
  return serveFolder(directory, options);
}

/** Serves a built Studio as a single-page app, at http://localhost:<port> as a developer opens it. */
export function serveStudio(folder: string, port = 0): Promise<Served> {
  return serveFolder(folder, { app: true, port, hostname: 'localhost' });
}
