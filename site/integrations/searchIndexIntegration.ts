/**
 * Indexes the built site for search (core/search/): a child process reads every page with a
 * `data-pagefind-body`, split by the same terms as the queries. It starts with the build and
 * is handed each document page's article as the page is rendered (site/components/IndexedArticle.astro
 * through core/search/index/pageChannel.ts), so reading pages overlaps rendering; at build:done
 * it reads from disk every page it was not handed, so none can be missed, and writes the index.
 * With `deferred`, the build:done hook does not wait for it: the leak scan reads the pages
 * meanwhile, and waits for `written()` before it reads the index files.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listenForRenderedPages } from '../../core/search/index/pageChannel.ts';
import { fileOf } from '../../core/search/index/sitePages.ts';
import { startIndexer, type Indexer } from '../../core/search/index/startIndexer.ts';

export type SearchIndexIntegration = AstroIntegration & {
  /** Resolves once the index is written (rejects when it could not be). */
  written(): Promise<void>;
};

export function searchIndex(options: { deferred?: boolean } = {}): SearchIndexIntegration {
  let site = '';
  let indexer: Indexer | undefined;
  let stopListening = () => {};
  let written: Promise<void> | undefined;
  return {
    name: 'zhengwu:search-index',
    written() {
      if (!written) return Promise.reject(new Error('搜索索引尚未开始写入'));
      return written;
    },
    hooks: {
      'astro:config:done': ({ config }) => {
        site = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        const started = startIndexer(site);
        indexer = started;
        // The page is handed over keyed by the file it is written to, which the fallback reads otherwise.
        stopListening = listenForRenderedPages(({ url, html }) => started.page(fileOf(site, url), html));
      },
      'astro:build:done': async ({ dir, logger }) => {
        stopListening();
        if (fileURLToPath(dir) !== site) throw new Error(`搜索索引：输出目录 ${fileURLToPath(dir)} 与配置的 ${site} 不一致`);
        written = indexer!.finish().then(({ summary, handed, read }) => {
          const { readPages, terms } = summary.timings;
          const s = (ms: number) => (ms / 1000).toFixed(1);
          logger.info(
            `search index: ${summary.documents} documents, ${summary.terms} terms, ${summary.postings} postings, ${summary.files} files, ${(summary.bytes / 1024 / 1024).toFixed(1)} MB; ${handed} pages handed over by the renderer, ${read} HTML files read from disk at the end; reading ${s(readPages)}s, dictionary and postings ${s(terms)}s`,
          );
        });
        // Whoever defers it awaits it; a failure before then must not go unhandled.
        written.catch(() => {});
        if (!options.deferred) await written;
      },
    },
  };
}
