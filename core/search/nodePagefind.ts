/**
 * Loads a built site's own `pagefind/pagefind.js` in Node, so the command line and the tests
 * search exactly the index and code the browser uses (the benchmark's stock Pagefind).
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installFileFetch } from './fileFetch.ts';
import type { PagefindApi } from './pagefindApi.ts';

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
