/** The site built by test/globalSetup.ts, and a static server for it. */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative, resolve } from 'node:path';
import { ROOT } from './run.ts';

export const TEST_SITE = join(ROOT, '.tmp', 'test-dist');
export const TEST_PREVIEW = join(ROOT, '.tmp', 'test-preview');
/** Set while the test sites are built: it must appear in no output file. */
export const TEST_READ_TOKEN = 'skTestReadToken0123456789abcdef';

export async function siteFile(path: string): Promise<string> {
  return readFile(join(TEST_SITE, path), 'utf8');
}

export async function siteFiles(root = TEST_SITE, directory = root): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) out.push(...(await siteFiles(root, path)));
    else out.push(relative(root, path));
  }
  return out;
}

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
};

/**
 * Serves a built site on 127.0.0.1 like a plain static host (directory → index.html, else
 * 404.html), streaming each file from disk. With `fromMemory`, each file is read once and then
 * answered from memory, as a static host or CDN answers from its cache: for latency benchmarks,
 * where streaming (three file-system calls a request, about 0.8 ms of CPU here) would take the
 * CPU that, on a 2-core machine, the browser being measured is waiting for.
 */
export async function serveSite(directory = TEST_SITE, options: { fromMemory?: boolean } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const root = resolve(directory);
  const answers = new Map<string, { status: number; type: string; body: Buffer }>();
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://site').pathname);
    let file = normalize(join(root, pathname));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file);
    const path = found ? file : join(root, '404.html');
    const status = found ? 200 : 404;
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    if (!options.fromMemory) {
      res.writeHead(status, { 'content-type': type });
      createReadStream(path).pipe(res);
      return;
    }
    let answer = answers.get(pathname);
    if (!answer) answers.set(pathname, (answer = { status, type, body: readFileSync(path) }));
    res.writeHead(answer.status, { 'content-type': answer.type, 'content-length': answer.body.length });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
