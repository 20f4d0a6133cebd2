/** The site built by test/globalSetup.ts, and a static server for it. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative } from 'node:path';
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

/** Serves a built site on 127.0.0.1 like a plain static host (directory → index.html, else 404.html). */
export async function serveSite(directory = TEST_SITE): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://site').pathname);
    let file = normalize(join(directory, pathname));
    if (!file.startsWith(directory)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file);
    const path = found ? file : join(directory, '404.html');
    res.writeHead(found ? 200 : 404, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    createReadStream(path).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
