/**
 * Indexes the built site with Pagefind's Node API once Astro has written it (as Starlight
 * does). Only elements marked `data-pagefind-body` are indexed.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'zhengwu:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await createIndex({ forceLanguage: 'zh-cn' });
        if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
        try {
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(`Pagefind 索引失败：${added.errors.join('；')}`);
          const written = await index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind/', dir)) });
          if (written.errors.length > 0) throw new Error(`Pagefind 写入失败：${written.errors.join('；')}`);
          // Pagefind reports every HTML file it read; only document pages (data-pagefind-body) are indexed.
          logger.info(`search index: ${added.page_count} HTML files read, written to pagefind/`);
        } finally {
          await close();
        }
      },
    },
  };
}
