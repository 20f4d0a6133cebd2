// The public site: static HTML from site/, written to dist/, indexed for search after the build;
// the leak scan then proves no draft or non-public text reached the output.
import { defineConfig } from 'astro/config';
import { publicOutputChecks } from './site/integrations/publicOutputChecks.ts';
import { searchIndex } from './site/integrations/searchIndexIntegration.ts';
import { previewRoutes } from './site/integrations/previewRoutes.ts';
import { publicSitemap } from './site/integrations/sitemap.ts';
import { renderCache } from './site/integrations/renderCache.ts';
import { heapCompaction } from './site/integrations/heapCompaction.ts';
import { LOCAL_SITE_URL } from './core/bureau/siteUrl.ts';

// `npm run preview` builds the reviewers' draft preview: drafts over published, into dist-preview/.
const preview = process.env.SITE_MODE === 'preview';
// The public site on :4321 and the reviewers' preview on :4322 run side by side (Studio's 「预览」
// opens the preview while the public site runs). They serve drafts and unreleased pages, so they
// listen on this machine only unless HOST names an address (HOST=0.0.0.0 for every address).
const port = preview ? 4322 : 4321;
const host = process.env.HOST?.trim() || '127.0.0.1';
// Incremental builds (scripts/build-site.ts --incremental): pages whose inputs did not change are
// linked from the served build; the sitemap and the index are told of them.
const record = !preview && process.env.SITE_PAGE_RECORD === '1';
const reuseFrom = process.env.SITE_REUSE_FROM || undefined;
// The public build's leak scan reads the pages while the search index is being finished; the
// indexer scans the index's document files for it as it writes them.
const search = searchIndex({ deferred: !preview, record, scanText: !preview });
const reusedPages = [];
const cache = renderCache({
  record,
  reuseFrom,
  sitemapPages: reusedPages,
  indexReused: (file, from) => search.reusedPage(file, from),
  indexMayReuse: (folder) => search.mayReuse(folder),
});

export default defineConfig({
  // The public address (README 「网站地址 SITE_URL」): origin of canonical links, sitemap, RSS and
  // robots.txt. scripts/build-site.ts refuses a production build without it (core/bureau/siteUrl.ts).
  site: process.env.SITE_URL?.trim() || LOCAL_SITE_URL,
  srcDir: './site',
  publicDir: './site/public',
  outDir: preview ? './dist-preview' : './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  server: { port, host },
  preview: { port, host },
  // A busy port is an error, never a quiet move to the next one — which is the other site's.
  // A build by scripts/build-site.ts writes into a new, empty folder, and its search indexer starts
  // writing at build:start (reading ahead the served build's pages): Astro must not empty it after.
  vite: { server: { strictPort: true }, preview: { strictPort: true }, build: { emptyOutDir: !record } },
  devToolbar: { enabled: false },
  // The public build only: a sitemap (the preview is never to be indexed), the heap compacted once
  // the others' end-of-build work is done, then the leak scan, which runs after the sitemap and so
  // scans it too.
  // The render cache first: at the end of the build it links the reused pages before the others read the output.
  integrations: [
    previewRoutes(preview),
    ...(preview ? [] : [cache]),
    search,
    ...(preview ? [] : [publicSitemap(reusedPages), heapCompaction(), publicOutputChecks({ searchIndex: search })]),
  ],
});
