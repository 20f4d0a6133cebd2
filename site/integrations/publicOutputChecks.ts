/**
 * After the build: scan every output file for text of drafts, release versions and information
 * that is not proactive, in any spelling (leakScan.ts), and fail the build when any is found.
 * The pages are scanned while the search index is still being written (on the other core);
 * its document files (200,000 at 100,000 documents) by the indexer as it writes them, the rest
 * of it once it is done. Postings are not scanned (the tail files, and the heads inside
 * dictionary shards, of which only the terms are read): their format holds only document
 * numbers and weights, no text.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { type ForbiddenPhrase, forbiddenPhrasesInChild, type ScanScope, scanForLeaks } from '../../core/build/leakScan.ts';
import { documentOfFile, INDEX_DIRECTORY } from '../../core/search/format/indexFormat.ts';
import type { SearchIndexIntegration } from './searchIndexIntegration.ts';

/** What the pages scan reads: everything but the search index, which is scanned once it is written. */
export const PAGES_SCOPE: ScanScope = { except: [INDEX_DIRECTORY] };
/** The search index, but not its postings (numbers, no text) and of dictionary shards only the terms. */
export const INDEX_SCOPE: ScanScope = {
  within: INDEX_DIRECTORY,
  except: [`${INDEX_DIRECTORY}/p`],
  termsOnly: [`${INDEX_DIRECTORY}/t`, `${INDEX_DIRECTORY}/c`],
};
/**
 * The search index once the indexer has scanned its document files as it wrote them: every other
 * file of it, including any file in its document folder that is not one of those (whoever wrote it).
 */
export const INDEX_SCOPE_AFTER_WRITE_SCAN: ScanScope = {
  ...INDEX_SCOPE,
  alreadyScanned: (path) => path.startsWith(`${INDEX_DIRECTORY}/`) && documentOfFile(path.slice(INDEX_DIRECTORY.length + 1)) !== undefined,
};

export function publicOutputChecks(options: { searchIndex: SearchIndexIntegration }): AstroIntegration {
  let reading: Promise<ForbiddenPhrase[]> | undefined;
  return {
    name: 'zhengwu:public-output-checks',
    hooks: {
      // What to look for is worked out while the pages render (on the other core), so the scan can
      // start when they are written.
      'astro:build:start': () => {
        reading = forbiddenPhrasesInChild();
        // Awaited at build:done; a failure before then must not go unhandled.
        reading.catch(() => {});
        // The search index's document files (two per indexed page) are scanned as they are written.
        options.searchIndex.scanFor(reading.then((phrases) => phrases.map((p) => p.text)));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const waiting = performance.now();
        // Started at build:start, which always comes first (the indexer was given the same phrases).
        if (!reading) throw new Error('泄露检查：构建开始时未读取非公开文本');
        const phrases = await reading;
        reading = undefined;
        const site = fileURLToPath(dir);
        const started = performance.now();
        // A second scanning thread joins once the index is written: until then the indexer, finishing
        // it, has the other core (two scan threads from the start only slowed it).
        const pages = await scanForLeaks(site, phrases, { ...PAGES_SCOPE, secondThreadWhen: options.searchIndex.written() });
        const pagesScanned = performance.now();
        const scanned = await options.searchIndex.written();
        if (!scanned) throw new Error('泄露检查：搜索索引未报告其文档文件的检查结果');
        const indexReady = performance.now();
        const index = await scanForLeaks(site, phrases, INDEX_SCOPE_AFTER_WRITE_SCAN);
        const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
        const timing = `waited for the phrases ${seconds(started - waiting)}, pages ${seconds(pagesScanned - started)}, waited for the search index ${seconds(indexReady - pagesScanned)}, index ${seconds(performance.now() - indexReady)}, ${index.skipped} index document files scanned as written`;
        const whileWritten = scanned.leaks.map(({ file, phrase }) => ({ file, id: phrases[phrase]!.id, text: phrases[phrase]!.text }));
        const leaks = [...pages.leaks, ...whileWritten, ...index.leaks];
        const files = pages.files + index.files + index.skipped;
        if (leaks.length > 0) {
          const lines = leaks.slice(0, 30).map((leak) => `  - ${leak.file}: 文档 ${leak.id} 的「${leak.text}」`);
          throw new Error(`公开输出中出现了草稿或非主动公开信息（${leaks.length} 处）：\n${lines.join('\n')}`);
        }
        logger.info(`leak scan: ${files} files clean of ${phrases.length} non-public phrases (${timing})`);
      },
    },
  };
}
