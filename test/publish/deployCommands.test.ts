/**
 * The go-live clock and the 上线记录 through the real commands, on a copy of the sample:
 * - a release that no live deploy has yet stays on `npm run deadlines` as 「已发布 · 待上线」 and
 *   `npm run workflow -- status` says 待上线; once a deploy puts it live after its due date, it
 *   leaves the list and status counts 公开用时 to that deploy's day, late;
 * - a dataset holding a 上线记录 (as the local Content Lake keeps it once the publisher has written
 *   one) builds, and nothing of the record reaches the public output.
 * policy-2026-changzhutan-consumer (待审签 in the sample) was formed 2026-11-24: due 2026-12-22;
 * live on 2026-12-23 is 21 working days after 生成日期.
 */
import { appendFile, copyFile, mkdtemp, readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployRecord } from './fixtures/deployRecord.ts';
import { DEFAULT_DATASET } from '../../core/content/dataset.ts';
import { contentSourceKey, type DeployRecord } from '../../core/publish/deployLog.ts';
import { buildSite } from '../../core/publish/siteBuild.ts';
import { ROOT, runNpm } from '../helpers/run.ts';

const POLICY = 'policy-2026-changzhutan-consumer';

async function sampleCopy() {
  const directory = await mkdtemp(join(tmpdir(), 'deploy-commands-'));
  const dataset = join(directory, 'dataset.ndjson');
  await copyFile(join(ROOT, DEFAULT_DATASET), dataset);
  return { directory, dataset, site: join(directory, 'dist') };
}

const record = (dataset: string, auditSeq: number, finishedAt: string): DeployRecord =>
  deployRecord({ source: contentSourceKey({ kind: 'local', path: dataset }), auditSeq, finishedAt });

describe('the go-live clock through the commands', () => {
  it('keeps a released unit on npm run deadlines until a deploy has it, then judges it by that deploy', async () => {
    const { dataset, site } = await sampleCopy();
    const run = (...args: string[]) => runNpm([...args, '--dataset', dataset, '--site', site]);
    const seqs = (text: string) => [...text.matchAll(/"_type":"workflowAudit"[^\n]*?"seq":(\d+)/g)].map((m) => Number(m[1]));
    // The publisher had put the sample live before this release.
    const before = Math.max(...seqs(await readFile(dataset, 'utf8')));
    await writeFile(`${site}.deploys.ndjson`, `${JSON.stringify(record(dataset, before, '2026-11-25T02:00:00Z'))}\n`);

    expect(run('workflow', '--', 'signoff', POLICY, '--as', '李审核', '--confidentiality-checked').status).toBe(0);
    const released = run('workflow', '--', 'release', POLICY, '--as', '李审核');
    expect(released.status, released.stderr).toBe(0);
    expect(released.stdout).toContain('[已发布 · 待上线]');

    const waiting = run('deadlines', '--', '--today', '2026-12-23');
    expect(waiting.status, waiting.stderr).toBe(0);
    expect(waiting.stdout).toMatch(
      new RegExp(`${POLICY} .*\\n\\s+生成日期 2026-11-24 · 公开期限 2026-12-22 · 已超期 1 个工作日 · 已发布 · 待上线`),
    );

    // Live at 09:00 in Beijing on 23 December, the day after the due date.
    const release = Math.max(...seqs(await readFile(dataset, 'utf8')));
    await appendFile(`${site}.deploys.ndjson`, `${JSON.stringify(record(dataset, release, '2026-12-23T01:00:00Z'))}\n`);
    expect(run('deadlines', '--', '--today', '2026-12-23').stdout).not.toContain(POLICY);
    const status = run('workflow', '--', 'status', POLICY).stdout;
    expect(status).toContain('[已发布 · 已上线 2026-12-23 09:00]');
    expect(status).toContain('公开用时 21 个工作日（至上线，已超过公开期限 2026-12-22）');
  });

  it('builds a dataset holding a 上线记录 without any of it in the public output', async () => {
    const { dataset, site } = await sampleCopy();
    const planted = '上线记录探针7Q2W';
    const document = {
      _id: 'siteDeployment.0123456789abcdef0123456789abcdef',
      _type: 'siteDeployment',
      _rev: 'r1',
      _createdAt: '2026-11-25T02:00:00Z',
      _updatedAt: '2026-11-25T02:00:00Z',
      site: `/srv/${planted}/dist`,
      source: 'sanity:localdev/production',
      records: [{ _key: 'k1', ...record(dataset, 1, '2026-11-25T02:00:00Z'), source: undefined, error: planted, includedCount: 0 }],
    };
    await appendFile(dataset, `${JSON.stringify(document)}\n`);
    const result = await buildSite({ site, env: { ...process.env, CONTENT_DATASET: dataset } });
    expect(result.ok, result.ok ? '' : result.error).toBe(true);
    const root = await realpath(site);
    const files = (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = await readFile(join(file.parentPath, file.name), 'utf8');
      expect(text.includes(planted) || text.includes('siteDeployment'), file.name).toBe(false);
    }
  });
});
