/**
 * After the build: scan every output file for text of drafts, release versions and information
 * that is not proactive, in any spelling (leakScan.ts), and fail the build when any is found.
 * The pages are scanned while the search index is still being written (on the other core);
 * its files once it is done. Postings are not scanned (the tail files, and the heads inside
 * dictionary shards, of which only the terms are read): their format holds only document
 * numbers and weights, no text.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { forbiddenPhrases, type ScanScope, scanForLeaks } from '../../core/build/leakScan.ts';
import { allDocumentsForScan } from '../../core/content/scanSource.ts';
import { INDEX_DIRECTORY } from '../../core/search/format/indexFormat.ts';
import type { SearchIndexIntegration } from './searchIndexIntegration.ts';

/** What the pages scan reads: everything but the search index, which is scanned once it is written. */
export const PAGES_SCOPE: ScanScope = { except: [INDEX_DIRECTORY] };
/** The search index, but not its postings (numbers, no text) and of dictionary shards only the terms. */
export const INDEX_SCOPE: ScanScope = { within: INDEX_DIRECTORY, except: [`${INDEX_DIRECTORY}/p`], termsOnly: [`${INDEX_DIRECTORY}/t`] };

export function publicOutputChecks(options: { searchIndex: SearchIndexIntegration }): AstroIntegration {
  return {
    name: 'zhengwu:public-output-checks',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const documents = await allDocumentsForScan();
        const phrases = forbiddenPhrases(documents);
        const site = fileURLToPath(dir);
        const started = performance.now();
        const pages = await scanForLeaks(site, phrases, PAGES_SCOPE);
        const pagesScanned = performance.now();
        await options.searchIndex.written();
        const indexReady = performance.now();
        const index = await scanForLeaks(site, phrases, INDEX_SCOPE);
        const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
        const timing = `pages ${seconds(pagesScanned - started)}, waited for the search index ${seconds(indexReady - pagesScanned)}, index ${seconds(performance.now() - indexReady)}`;
        const leaks = [...pages.leaks, ...index.leaks];
        const files = pages.files + index.files;
        if (leaks.length > 0) {
          const lines = leaks.slice(0, 30).map((leak) => `  - ${leak.file}: 文档 ${leak.id} 的「${leak.text}」`);
          throw new Error(`公开输出中出现了草稿或非主动公开信息（${leaks.length} 处）：\n${lines.join('\n')}`);
        }
        logger.info(`leak scan: ${files} files clean of ${phrases.length} non-public phrases (${timing})`);
      },
    },
  };
}
