/**
 * The pages of a built site the indexer reads, and the URL each is served at. The benchmark's
 * ranking model reads the same pages through these functions.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { INDEX_DIRECTORY } from '../format/indexFormat.ts';

/** The built site's pages, past the index itself, Astro's assets and Pagefind's (the benchmarks' stock) output. */
export function* htmlFiles(directory: string): Generator<string> {
  // In any order: document numbers and files do not depend on the order pages are read in.
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== INDEX_DIRECTORY && entry.name !== '_astro' && entry.name !== 'pagefind' && entry.name !== 'pagefind-stock')
        yield* htmlFiles(path);
    } else if (entry.name.endsWith('.html')) yield path;
  }
}

/** `policies/a/index.html` → `/policies/a/`. */
export function urlOf(site: string, file: string): string {
  const path = relative(site, file).split(sep).join('/');
  return `/${path.endsWith('index.html') ? path.slice(0, -'index.html'.length) : path}`;
}

/** `/policies/a/` → `policies/a/index.html` under the site: where the page served at `url` is written (urlOf's inverse). */
export function fileOf(site: string, url: string): string {
  // The site is built with trailingSlash 'always' and build.format 'directory' (astro.config.mjs).
  const path = decodeURI(url);
  return join(site, path.endsWith('/') ? `${path}index.html` : path);
}
