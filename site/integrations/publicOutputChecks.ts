/**
 * After the build (and the search index) is written: scan every output file for text of
 * drafts and of information that is not proactive, and fail the build when any is found.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { forbiddenPhrases, scanForLeaks } from '../../core/build/leakScan.ts';
import { allDocumentsForScan } from '../../core/content/scanSource.ts';

export function publicOutputChecks(): AstroIntegration {
  return {
    name: 'zhengwu:public-output-checks',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const documents = await allDocumentsForScan();
        const phrases = forbiddenPhrases(documents);
        const { leaks, files } = await scanForLeaks(fileURLToPath(dir), phrases);
        if (leaks.length > 0) {
          const lines = leaks.slice(0, 30).map((leak) => `  - ${leak.file}: 文档 ${leak.id} 的「${leak.text}」`);
          throw new Error(`公开输出中出现了草稿或非主动公开信息（${leaks.length} 处）：\n${lines.join('\n')}`);
        }
        logger.info(`leak scan: ${files} files clean of ${phrases.length} non-public phrases`);
      },
    },
  };
}
