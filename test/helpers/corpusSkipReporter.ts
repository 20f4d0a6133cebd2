/**
 * Says, after a run, which tests were skipped for want of the corpora and why: a clone without
 * ../shared passes, and the reader learns what it did not check. (Vitest's own summary only counts
 * skipped tests.)
 */
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { corpusMissing } from '../../scripts/support/corpus.ts';
import { ROOT } from './run.ts';

export default class CorpusSkipReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    if (corpusMissing === null) return;
    const byFile = new Map<string, number>();
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        if (!test.tags.includes('corpus') || test.result().state !== 'skipped') continue;
        const file = relative(ROOT, module.moduleId);
        byFile.set(file, (byFile.get(file) ?? 0) + 1);
      }
    }
    const skipped = [...byFile.values()].reduce((sum, count) => sum + count, 0);
    if (skipped === 0) return;
    const files = [...byFile].map(([file, count]) => `  ${file} (${count})`).join('\n');
    process.stdout.write(`\nSkipped ${skipped} tests that read the corpora: ${corpusMissing}\n${files}\n`);
  }
}
