// The public site: static HTML from site/, written to dist/, indexed by Pagefind after the build.
import { defineConfig } from 'astro/config';
import { publicOutputChecks } from './site/integrations/publicOutputChecks.ts';
import { pagefindIndex } from './site/integrations/pagefindIndex.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  srcDir: './site',
  publicDir: './site/public',
  outDir: './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  server: { port: 4321, host: true },
  preview: { port: 4321, host: true },
  devToolbar: { enabled: false },
  integrations: [pagefindIndex(), publicOutputChecks()],
});
