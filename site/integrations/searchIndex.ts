/**
 * Indexes the built site for search once Astro has written it (core/search/buildIndex.ts):
 * every page with a `data-pagefind-body`, split by the same terms as the queries. Runs before
 * the leak scan, which reads the index files as well.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex } from '../../core/search/buildIndex.ts';

export function searchIndex(): AstroIntegration {
  return {
    name: 'zhengwu:search-index',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const summary = buildSearchIndex(fileURLToPath(dir));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(
          `search index: ${summary.documents} documents, ${summary.terms} terms, ${summary.postings} postings, ${summary.files} files, ${(summary.bytes / 1024 / 1024).toFixed(1)} MB in ${seconds}s`,
        );
      },
    },
  };
}
