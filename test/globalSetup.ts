/**
 * Builds the public site from the sample dataset once per test run, with the real
 * `npm run build`, into `.tmp/test-dist`; site, search and browser tests read it there.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers/run.ts';
import { TEST_SITE } from './helpers/site.ts';

export default function setup(): void {
  rmSync(TEST_SITE, { recursive: true, force: true });
  const result = spawnSync('npm', ['run', '--silent', 'build', '--', '--out', TEST_SITE], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DATASET: join(ROOT, 'content', 'dataset.ndjson') },
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (result.status !== 0) throw new Error(`building the test site failed:\n${result.stdout}\n${result.stderr}`);
}
