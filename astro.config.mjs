// The public site: static HTML from site/, written to dist/, indexed for search after the build;
// the leak scan then proves no draft or non-public text reached the output.
import { defineConfig } from 'astro/config';
import { publicOutputChecks } from './site/integrations/publicOutputChecks.ts';
import { searchIndex } from './site/integrations/searchIndex.ts';
import { previewRoutes } from './site/integrations/previewRoutes.ts';

// `npm run preview` builds the reviewers' draft preview: drafts over published, into dist-preview/.
const preview = process.env.SITE_MODE === 'preview';
// The public build's leak scan reads the pages while the search index is being finished.
const search = searchIndex({ deferred: !preview });

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  srcDir: './site',
  publicDir: './site/public',
  outDir: preview ? './dist-preview' : './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  server: { port: preview ? 4322 : 4321, host: true },
  preview: { port: preview ? 4322 : 4321, host: true },
  devToolbar: { enabled: false },
  integrations: [previewRoutes(preview), search, ...(preview ? [] : [publicOutputChecks({ searchIndex: search })])],
});
