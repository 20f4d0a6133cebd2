/**
 * Serves the built site from the `<site>` link, resolved anew on every request: after a swap
 * the next request reads the new build, and a request is always answered from one build (each
 * file is opened through the link once). Listens on 127.0.0.1 unless a host is named, like the
 * project's other servers. For production, nginx or Caddy pointed at the same link do the same.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.gz': 'application/gzip',
};

async function fileAt(path: string): Promise<'file' | 'dir' | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'dir' : undefined;
  } catch {
    return undefined;
  }
}

export function createSiteServer(site: string): Server {
  const root = resolve(site);
  return createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const relativePath = normalize(pathname).replace(/^([/\\])+/, '');
    if (relativePath.split(sep).includes('..') || pathname.includes('\0')) {
      res.writeHead(400).end();
      return;
    }
    let file = join(root, relativePath);
    let status = 200;
    const kind = await fileAt(file);
    if (kind === 'dir') {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${pathname}/` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (kind === undefined || (kind === 'dir' && (await fileAt(file)) !== 'file')) {
      status = 404;
      file = join(root, '404.html');
      if ((await fileAt(file)) !== 'file') {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 未找到');
        return;
      }
    }
    const stream = createReadStream(file);
    stream.on('open', () => {
      // Pages change with every deploy: caches ask again rather than show a withdrawn page.
      res.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      if (req.method === 'HEAD') {
        stream.destroy();
        res.end();
      } else stream.pipe(res);
    });
    stream.on('error', () => {
      if (!res.headersSent) res.writeHead(404).end();
      else res.destroy();
    });
  });
}
