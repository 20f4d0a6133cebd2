/**
 * Loads a built site's own `pagefind/pagefind.js` in Node, so the command line and the tests
 * search exactly the index and code the browser uses. Pagefind fetches its index files;
 * Node's fetch cannot read `file:` URLs, so those requests are served from disk.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PagefindApi } from './pagefindApi.ts';

let fetchShimInstalled = false;

function installFileFetch(): void {
  if (fetchShimInstalled) return;
  const networkFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file:')) return networkFetch(input, init);
    try {
      const body = await readFile(fileURLToPath(url.split('?')[0]!));
      const type = url.endsWith('.wasm') || url.includes('wasm.') ? 'application/wasm' : 'application/octet-stream';
      return new Response(body, { status: 200, headers: { 'content-type': type } });
    } catch {
      return new Response(null, { status: 404 });
    }
  };
  fetchShimInstalled = true;
}

/** The Pagefind API of the site built in `siteDirectory` (e.g. `dist`). */
export async function loadPagefind(siteDirectory: string, language = 'zh-cn'): Promise<PagefindApi> {
  installFileFetch();
  const bundle = resolve(siteDirectory, 'pagefind');
  const module = (await import(pathToFileURL(join(bundle, 'pagefind.js')).href)) as PagefindApi & {
    options(options: Record<string, unknown>): Promise<void>;
    init(language?: string): Promise<void>;
  };
  await module.options({ basePath: `${pathToFileURL(bundle).href}/`, baseUrl: '/' });
  await module.init(language);
  return module;
}
