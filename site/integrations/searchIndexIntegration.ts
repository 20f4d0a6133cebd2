/**
 * Indexes the built site for search (core/search/): a child process reads every page with a
 * `data-pagefind-body`, split by the same terms as the queries. It starts with the build and
 * is handed each HTML file as Astro writes it, so reading pages overlaps rendering; at
 * build:done it reads whatever it was not handed and writes the index. With `deferred`, the
 * build:done hook does not wait for it: the leak scan reads the pages meanwhile, and waits for
 * `written()` before it reads the index files.
 */
import { promises as fsPromises } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { startIndexer, type Indexer } from '../../core/search/index/startIndexer.ts';

/**
 * Astro writes each page with fs.promises.writeFile and has no per-page hook; while the build
 * runs, that function also tells the indexer about the HTML files written under the site. The
 * indexer does not depend on it: whatever it was not told about, it finds at the end.
 */
function forwardWrittenPages(site: string, indexer: Indexer): () => void {
  const original = fsPromises.writeFile;
  const prefix = resolve(site);
  fsPromises.writeFile = async function (this: unknown, ...args: Parameters<typeof original>) {
    await original.apply(this, args);
    const target = args[0];
    const file = target instanceof URL ? fileURLToPath(target) : typeof target === 'string' ? resolve(target) : undefined;
    if (file?.startsWith(prefix) && file.endsWith('.html')) indexer.page(file);
  } as typeof original;
  return () => {
    fsPromises.writeFile = original;
  };
}

export type SearchIndexIntegration = AstroIntegration & {
  /** Resolves once the index is written (rejects when it could not be). */
  written(): Promise<void>;
};

export function searchIndex(options: { deferred?: boolean } = {}): SearchIndexIntegration {
  let site = '';
  let indexer: Indexer | undefined;
  let restore = () => {};
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
        indexer = startIndexer(site);
        restore = forwardWrittenPages(site, indexer);
      },
      'astro:build:done': async ({ dir, logger }) => {
        restore();
        if (fileURLToPath(dir) !== site) throw new Error(`搜索索引：输出目录 ${fileURLToPath(dir)} 与配置的 ${site} 不一致`);
        written = indexer!.finish().then(({ summary, early, pages }) => {
          const { readPages, terms } = summary.timings;
          const s = (ms: number) => (ms / 1000).toFixed(1);
          logger.info(
            `search index: ${summary.documents} documents, ${summary.terms} terms, ${summary.postings} postings, ${summary.files} files, ${(summary.bytes / 1024 / 1024).toFixed(1)} MB; ${early} of ${pages} HTML files read while rendering; reading ${s(readPages)}s, dictionary and postings ${s(terms)}s`,
          );
        });
        // Whoever defers it awaits it; a failure before then must not go unhandled.
        written.catch(() => {});
        if (!options.deferred) await written;
      },
    },
  };
}
