/**
 * Builds the public site and the reviewers' preview from the sample dataset once per test
 * run, with the real `npm run build` / `npm run build:preview`, into `.tmp/test-dist` and
 * `.tmp/test-preview`; the `site` and `browser` projects (vitest.config.ts) read them there,
 * and only a run with tests of theirs builds them.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './helpers/run.ts';
import { TEST_PREVIEW, TEST_READ_TOKEN, TEST_SITE } from './helpers/site.ts';

function build(script: string, out: string): void {
  // No removal first: the build switches the new site in with one rename, so tests of another
  // run reading the site meanwhile never find it missing.
  const result = spawnSync('npm', ['run', '--silent', script, '--', '--out', out], {
    cwd: ROOT,
    // A read token in the environment must never reach any output file.
    env: { ...process.env, CONTENT_DATASET: join(ROOT, 'content', 'dataset.ndjson'), SANITY_API_READ_TOKEN: TEST_READ_TOKEN },
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (result.status !== 0) throw new Error(`${script} for the tests failed:\n${result.stdout}\n${result.stderr}`);
}

/** Set when this run has built the sites: Vitest loads this file afresh for each project that names it. */
const BUILT = Symbol.for('zhengwu-gongkai.testSitesBuilt');

export default function setup(): void {
  const run = globalThis as { [BUILT]?: boolean };
  if (run[BUILT]) return;
  build('build', TEST_SITE);
  build('build:preview', TEST_PREVIEW);
  run[BUILT] = true;
}
