/**
 * Indexes the built site for search (core/search/): a child process reads every page with a
 * `data-pagefind-body`, split by the same terms as the queries. It starts with the build and
 * is handed each document page's article as the page is rendered (site/components/IndexedArticle.astro
 * through core/search/index/pageChannel.ts), so reading pages overlaps rendering; at build:done
 * it reads from disk the pages of indexing routes it was not handed (filesToRead), so none can be
 * missed, and writes the index.
 * With `deferred`, the build:done hook does not wait for it: the leak scan reads the pages
 * meanwhile, and waits for `written()` before it reads the index files.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listenForRenderedPages } from '../../core/search/index/pageChannel.ts';
import { fileOf } from '../../core/search/index/sitePages.ts';
import { startIndexer, type Indexer } from '../../core/search/index/startIndexer.ts';
import type { IndexSummary } from '../../core/search/index/buildIndex.ts';

/**
 * The pages the indexer reads from disk at the end, so that no indexed page silently goes missing
 * without reading the whole site again (at 100,000 documents, some 40,000 list and navigation pages):
 * every page not handed over of a route that handed some (a document route), and every page of a
 * route that handed none but whose first page has a `data-pagefind-body` (a template that indexes
 * without IndexedArticle.astro). Routes of lists and navigation are passed over after one page each.
 */
export function filesToRead(assets: Map<string, URL[]>, handingRoutes: ReadonlySet<string>, handedFiles: ReadonlySet<string>): string[] {
  const read: string[] = [];
  for (const [route, urls] of assets) {
    const files = urls.map((url) => fileURLToPath(url)).filter((file) => file.endsWith('.html'));
    if (handingRoutes.has(route)) read.push(...files.filter((file) => !handedFiles.has(file)));
    else if (files[0] && readFileSync(files[0], 'utf8').includes('data-pagefind-body')) read.push(...files);
  }
  return read;
}

export type SearchIndexIntegration = AstroIntegration & {
  /**
   * Resolves once the index is written (rejects when it could not be); with `scanText`, with what
   * the scan of its document files as they were written found (IndexSummary.scanned).
   */
  written(): Promise<IndexSummary['scanned']>;
  /**
   * With `scanText`, at build:start: the leak scan's forbidden phrases, once known. The indexer
   * scans the document files it writes for them; the index is not finished without them.
   */
  scanFor(phrases: Promise<string[]>): void;
  /** A page an incremental build reuses instead of rendering (site/integrations/renderCache.ts): its file here, and where it can be read now. */
  reusedPage(file: string, from: string): void;
  /** Before the build starts: the served build whose pages an incremental build may reuse (none: a full build). */
  mayReuse(folder: string | undefined): void;
};

/**
 * `deferred`: see above. `record`: keep a record of the index's document files beside the build's
 * folder. An incremental build names the served build first (`mayReuse`): its indexed pages are read
 * ahead, and reused pages' document files linked from it. `scanText`: the document files are scanned
 * for leaks as they are written (scanFor), not read back by the leak scan.
 */
export function searchIndex(options: { deferred?: boolean; record?: boolean; scanText?: boolean } = {}): SearchIndexIntegration {
  let reuseFrom: string | undefined;
  let site = '';
  let indexer: Indexer | undefined;
  let stopListening = () => {};
  const handedFiles = new Set<string>();
  const handingRoutes = new Set<string>();
  let written: Promise<IndexSummary['scanned']> | undefined;
  /** The forbidden phrases on their way to the indexer (scanFor). */
  let phrasesSent: Promise<void> | undefined;
  return {
    name: 'zhengwu:search-index',
    written() {
      if (!written) return Promise.reject(new Error('搜索索引尚未开始写入'));
      return written;
    },
    scanFor(phrases) {
      if (!options.scanText) throw new Error('搜索索引未开启写入时的泄露检查（scanText）');
      phrasesSent = phrases.then((list) => {
        if (!indexer) throw new Error('搜索索引进程尚未启动，无法接收泄露检查的非公开文本');
        indexer.forbiddenPhrases(list);
      });
      // Awaited at build:done; a failure before then must not go unhandled.
      phrasesSent.catch(() => {});
    },
    mayReuse(folder) {
      reuseFrom = folder;
    },
    reusedPage(file, from) {
      handedFiles.add(file);
      indexer!.pageFrom(file, from);
    },
    hooks: {
      'astro:config:done': ({ config }) => {
        site = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        const started = startIndexer(site, {
          record: options.record,
          previous: options.record ? reuseFrom : undefined,
          scan: options.scanText,
        });
        indexer = started;
        phrasesSent = undefined;
        handedFiles.clear();
        handingRoutes.clear();
        // The page is handed over keyed by the file it is written to, which the fallback reads otherwise.
        stopListening = listenForRenderedPages(({ url, route, html }) => {
          const file = fileOf(site, url);
          handedFiles.add(file);
          handingRoutes.add(route);
          started.page(file, html);
        });
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        stopListening();
        if (fileURLToPath(dir) !== site) throw new Error(`搜索索引：输出目录 ${fileURLToPath(dir)} 与配置的 ${site} 不一致`);
        if (options.scanText) {
          if (!phrasesSent) throw new Error('搜索索引：未收到泄露检查的非公开文本（scanFor），索引文件未经检查');
          // Sent before the finish message (IPC keeps the order): every document file is scanned.
          await phrasesSent;
        }
        written = indexer!.finish(filesToRead(assets, handingRoutes, handedFiles)).then(({ summary, handed, read }) => {
          const { readPages, terms } = summary.timings;
          const s = (ms: number) => (ms / 1000).toFixed(1);
          logger.info(
            `search index: ${summary.documents} documents, ${summary.terms} terms, ${summary.postings} postings, ${summary.files} files, ${(summary.bytes / 1024 / 1024).toFixed(1)} MB; ${handed} pages handed over by the renderer, ${read} HTML files read from disk at the end; reading ${s(readPages)}s, dictionary and postings ${s(terms)}s`,
          );
          return summary.scanned;
        });
        // Whoever defers it awaits it; a failure before then must not go unhandled.
        written.catch(() => {});
        if (!options.deferred) await written;
      },
    },
  };
}
