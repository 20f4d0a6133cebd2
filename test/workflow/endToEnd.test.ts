/**
 * End to end on a copy of the sample dataset, through the command line a reviewer uses:
 * a submitted draft pair is signed off by someone else, released — and the next public
 * build shows both documents with their 索引号; withdrawn, both are gone from the next build.
 */
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATASET } from '../../core/content/dataset.ts';
import { ROOT, runNpm } from '../helpers/run.ts';

const POLICY = 'policy-2026-changzhutan-consumer';
const INTERPRETATION = 'interpretation-2026-changzhutan-consumer';

describe('draft pair → sign-off → release → build → withdraw → build', () => {
  it('publishes and withdraws both halves together', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'e2e-'));
    const dataset = join(directory, 'dataset.ndjson');
    await copyFile(join(ROOT, DEFAULT_DATASET), dataset);
    const workflow = (...args: string[]) => runNpm(['workflow', '--', ...args, '--dataset', dataset]);
    const build = (out: string) => runNpm(['build', '--', '--out', out], { env: { CONTENT_DATASET: dataset }, timeout: 300_000 });

    // A refusal says which rule and what to do, and exits 1.
    const early = workflow('release', POLICY, '--as', '李审核');
    expect(early.status).toBe(1);
    expect(early.stderr).toContain('规则4 同步发布');
    expect(early.stderr).toContain('处理办法');

    // The sample pair was submitted by 刘芳, who therefore cannot sign it off herself.
    expect(workflow('status', INTERPRETATION).stdout).toContain('[待审签]');
    const self = workflow('signoff', POLICY, '--as', '刘芳（消费者权益保护科）', '--confidentiality-checked');
    expect(self.status).toBe(1);
    expect(self.stderr).toContain('规则3 四眼原则');
    // 先审查后公开: without the signer's 保密审查 confirmation the sign-off is refused.
    const unconfirmed = workflow('signoff', POLICY, '--as', '李审核');
    expect(unconfirmed.status).toBe(1);
    expect(unconfirmed.stderr).toContain('不能执行（保密审查：先审查、后公开）');
    expect(unconfirmed.stderr).toContain('--confidentiality-checked');
    expect(workflow('status', POLICY).stdout).toContain('[待审签]');
    expect(workflow('signoff', POLICY, '--as', '李审核', '--confidentiality-checked').status).toBe(0);
    const released = workflow('release', POLICY, '--as', '李审核', '--late-reason', '测试：到期与否都可发布');
    expect(released.status, released.stderr).toBe(0);
    expect(released.stdout).toContain('[已发布]');

    const first = join(directory, 'dist-1');
    expect(build(first).status).toBe(0);
    const policyPage = await readFile(join(first, 'policies', '2026-changzhutan-consumer', 'index.html'), 'utf8');
    const index = /MB1D50237\/2026-\d{5}/.exec(policyPage)?.[0];
    expect(index).toBeDefined();
    const interpretationDir = join(first, 'interpretations');
    const interpretationSlug = JSON.parse(
      (await readFile(dataset, 'utf8')).split('\n').find((l) => l.includes(`"_id":"${INTERPRETATION}"`))!,
    ).slug.current;
    const interpretationPage = await readFile(join(interpretationDir, interpretationSlug, 'index.html'), 'utf8');
    expect(interpretationPage).toMatch(/MB1D50237\/2026-\d{5}/);
    expect(interpretationPage).not.toContain(index);

    const withdrawn = workflow('withdraw', INTERPRETATION, '--as', '李审核', '--reason', '长株潭协作机制调整');
    expect(withdrawn.status, withdrawn.stderr).toBe(0);
    const second = join(directory, 'dist-2');
    expect(build(second).status).toBe(0);
    expect(existsSync(join(second, 'policies', '2026-changzhutan-consumer'))).toBe(false);
    expect(existsSync(join(second, 'interpretations', interpretationSlug))).toBe(false);

    const status = workflow('status', POLICY);
    expect(status.stdout).toContain('[已撤回]');
  }, 600_000);
});
