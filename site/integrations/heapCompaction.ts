/**
 * The public build's heap, compacted where the build drops most of what it held
 * (core/content/collectGarbage.ts): when the last page is written, before Astro's own end-of-build
 * work and the other integrations' (which add a few hundred MB at 100,000 documents), and again
 * once those are done, so the build process holds little more than the content while the indexer
 * writes the postings — the build's peak (measured at 100,000 documents: 3,407 / 3,626 MB with the
 * second alone, 3,020 / 3,005 MB with both).
 *
 * Listed after the sitemap and before the leak scan (astro.config.mjs): Astro runs each hook of
 * the integrations in their order, so the second compaction comes when the others' end-of-build
 * work is done and before the leak scan reads the output.
 */
import type { AstroIntegration } from 'astro';
import { collectGarbage } from '../../core/content/collectGarbage.ts';

export function heapCompaction(): AstroIntegration {
  return {
    name: 'zhengwu:heap-compaction',
    hooks: {
      'astro:build:generated': ({ logger }) => {
        const started = performance.now();
        collectGarbage(0, { compact: true });
        logger.info(
          `rendering done: heap compacted in ${((performance.now() - started) / 1000).toFixed(1)}s, resident ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MB`,
        );
      },
      'astro:build:done': () => collectGarbage(0, { compact: true }),
    },
  };
}
