/**
 * `npm run publisher` serving a copy of the sample dataset, driven the way people drive it: a
 * 同步发布 and a 同步撤回 through `npm run workflow` reach the served site (pages and search), a
 * build that fails keeps the old site and says so in the deploy log and in status, a burst of
 * changes makes at most two builds, and a publisher killed mid-build leaves the site whole and
 * catches up when started again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, readFile, readlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATASET } from '../../core/content/dataset.ts';
import { readDeployLog, type DeployRecord } from '../../core/publish/deployLog.ts';
import { rawEdit } from '../helpers/rawEdit.ts';
import { ROOT, runNpm } from '../helpers/run.ts';

const POLICY = 'policy-2026-changzhutan-consumer';
const INTERPRETATION = 'interpretation-2026-changzhutan-consumer';
const POLICY_PAGE = '/policies/2026-changzhutan-consumer/';
const INTERPRETATION_PAGE = '/interpretations/2026-changzhutan-consumer/';
const TITLE = '株洲市市场监督管理局关于推进长株潭消费投诉异地受理和联动处置的实施意见';
const EDITED = 'policy-2022-registration-facilitation';
const EDITED_PAGE = '/policies/2022-registration-facilitation/';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
});

interface Run {
  directory: string;
  dataset: string;
  site: string;
}

async function newRun(): Promise<Run> {
  const directory = await mkdtemp(join(tmpdir(), 'golive-'));
  const dataset = join(directory, 'dataset.ndjson');
  await copyFile(join(ROOT, DEFAULT_DATASET), dataset);
  return { directory, dataset, site: join(directory, 'dist') };
}

interface Started {
  child: ChildProcess;
  output: () => string;
  /** The publisher's own process (npm runs it under a shell). */
  pid: Promise<number>;
  url: Promise<string>;
}

function startPublisher(run: Run, ...args: string[]): Started {
  const child = spawn('npm', ['run', '--silent', 'publisher', '--', '--site', run.site, '--dataset', run.dataset, '--quiet', ...args], {
    cwd: ROOT,
    env: { ...process.env, DO_NOT_TRACK: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let text = '';
  const seen = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const look = () => {
        const match = pattern.exec(text);
        if (match) resolve(match[1]!);
      };
      child.stdout!.on('data', look);
      child.on('exit', () => reject(new Error(`publisher ended:\n${text}`)));
      look();
    });
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const url = seen(/网站：(http:\/\/\S+\/)/);
  url.catch(() => undefined);
  return { child, output: () => text, pid: seen(/进程 (\d+)；/).then(Number), url };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

const statusOf = async (url: string) => (await fetch(url)).status;
const textOf = async (url: string) => (await fetch(url)).text();
const liveRecords = async (run: Run) => (await readDeployLog(run.site)).filter((r) => r.outcome === 'live');
const firstLive = (run: Run) => until('the first deploy', async () => (await liveRecords(run))[0]);

function workflow(run: Run, ...args: string[]) {
  return runNpm(['workflow', '--', ...args, '--dataset', run.dataset, '--site', run.site]);
}

function searchTitles(run: Run, query: string): string[] {
  const result = runNpm(['search', '--', '--site', run.site, '--json', '--limit', '20', query]);
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { title: string }[]).map((hit) => hit.title);
}

describe('npm run publisher', () => {
  it('puts a release through the workflow command on the served site, and takes a withdrawal down, search included', async () => {
    const run = await newRun();
    const publisher = startPublisher(run, '--serve', '--port', '0', '--debounce-ms', '1000');
    const site = await publisher.url;
    await firstLive(run);
    expect(await statusOf(`${site}`)).toBe(200);
    expect(await statusOf(`${site}${POLICY_PAGE.slice(1)}`)).toBe(404);

    expect(workflow(run, 'signoff', POLICY, '--as', '李审核', '--confidentiality-checked').status).toBe(0);
    const released = workflow(run, 'release', POLICY, '--as', '李审核');
    expect(released.status, released.stderr).toBe(0);
    expect(released.stdout).toContain('[已发布 · 待上线]');
    const releasedAt = Date.now();

    await until('the released pages', async () => ((await statusOf(`${site}${POLICY_PAGE.slice(1)}`)) === 200 ? true : undefined));
    expect(Date.now() - releasedAt).toBeLessThan(60_000);
    expect(await textOf(`${site}${POLICY_PAGE.slice(1)}`)).toContain(TITLE);
    expect(await statusOf(`${site}${INTERPRETATION_PAGE.slice(1)}`)).toBe(200);
    expect(searchTitles(run, TITLE)).toContain(TITLE);
    const status = workflow(run, 'status', INTERPRETATION).stdout;
    expect(status).toMatch(/\[已发布 · 已上线 \d\d:\d\d\]/);
    const releaseDeploy = (await liveRecords(run)).at(-1)!;
    expect(releaseDeploy.includes).toEqual([expect.objectContaining({ unit: POLICY, action: 'release' })]);
    // The time said is the deploy's, in Beijing time.
    const beijing = new Date(new Date(releaseDeploy.finishedAt).getTime() + 8 * 3600_000).toISOString().slice(11, 16);
    expect(status).toContain(`已上线 ${beijing}`);

    const withdrawn = workflow(run, 'withdraw', INTERPRETATION, '--as', '李审核', '--reason', '长株潭协作机制调整');
    expect(withdrawn.status, withdrawn.stderr).toBe(0);
    expect(withdrawn.stdout).toContain('[已撤回 · 待下线]');
    await until('the withdrawn pages gone', async () => ((await statusOf(`${site}${POLICY_PAGE.slice(1)}`)) === 404 ? true : undefined));
    expect(await statusOf(`${site}${INTERPRETATION_PAGE.slice(1)}`)).toBe(404);
    expect(searchTitles(run, TITLE)).not.toContain(TITLE);
    expect(searchTitles(run, TITLE).join('\n')).not.toContain('长株潭消费投诉异地受理');
    expect(workflow(run, 'status', POLICY).stdout).toMatch(/\[已撤回 · 已下线 \d\d:\d\d\]/);
    // A draft edit does not rebuild the site.
    const deploys = (await readDeployLog(run.site)).length;
    await rawEdit(run.dataset, `drafts.${POLICY}`, (doc) => (doc.title = '草稿标题改动'));
    await sleep(4000);
    expect((await readDeployLog(run.site)).length).toBe(deploys);
  }, 240_000);

  it('keeps the old site when a build fails, reports it in the deploy log and in status, and goes live once fixed', async () => {
    const run = await newRun();
    const publisher = startPublisher(run, '--serve', '--port', '0', '--debounce-ms', '1000', '--retry-base-s', '60');
    const site = await publisher.url;
    const first = await firstLive(run);
    const oldPage = await textOf(`${site}${EDITED_PAGE.slice(1)}`);

    // A raw edit leaves a published policy without its title: the build refuses it, naming it.
    await rawEdit(run.dataset, EDITED, (doc) => delete doc.title);
    const failure = await until('the failed deploy', async () => (await readDeployLog(run.site)).find((r) => r.outcome === 'failed'));
    expect(failure.error).toContain(EDITED);
    expect(failure.error).toContain('title');
    expect(basename(await readlink(run.site))).toBe(first.build);
    expect(await textOf(`${site}${EDITED_PAGE.slice(1)}`)).toBe(oldPage);
    await rawEdit(run.dataset, EDITED, (doc) => (doc.title = '株洲市市场监督管理局关于进一步优化市场主体登记服务的若干措施（修订）'));
    await until('the fixed deploy', async () =>
      (await textOf(`${site}${EDITED_PAGE.slice(1)}`)).includes('（修订）') ? true : undefined,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${publisher.output()}`);
    });
    process.kill(await publisher.pid, 'SIGTERM');

    // A release whose build fails (here: a publisher whose builds are stopped after 1 s) says so in status.
    expect(workflow(run, 'signoff', POLICY, '--as', '李审核', '--confidentiality-checked').status).toBe(0);
    expect(workflow(run, 'release', POLICY, '--as', '李审核').stdout).toContain('[已发布 · 待上线]');
    const served = await readlink(run.site);
    const failing = startPublisher(run, '--build-timeout-s', '1', '--retry-base-s', '60');
    await until('the timed-out deploy', async () =>
      (await readDeployLog(run.site)).filter((r) => r.outcome === 'failed').length === 2 ? true : undefined,
    );
    expect(workflow(run, 'status', POLICY).stdout).toContain('[已发布 · 上线失败：构建超过 1 秒仍未完成，已停止]');
    expect(await readlink(run.site)).toBe(served);
    expect(await readFile(join(run.site, POLICY_PAGE, 'index.html')).catch(() => 'missing')).toBe('missing');
    process.kill(await failing.pid, 'SIGTERM');

    startPublisher(run);
    await until('the release live', async () =>
      (await readFile(join(run.site, POLICY_PAGE, 'index.html'), 'utf8').catch(() => '')).includes(TITLE) ? true : undefined,
    );
    expect(workflow(run, 'status', POLICY).stdout).toMatch(/\[已发布 · 已上线 \d\d:\d\d\]/);
  }, 240_000);

  it('makes at most two builds of a burst of 20 changes', async () => {
    const run = await newRun();
    startPublisher(run, '--debounce-ms', '1500');
    await firstLive(run);
    for (let i = 1; i <= 20; i++) {
      await rawEdit(run.dataset, EDITED, (doc) => (doc.title = `优化市场主体登记服务的若干措施（第 ${i} 次修改）`));
      await sleep(150);
    }
    const last = await until('the last change live', async () => {
      const page = await readFile(join(run.site, EDITED_PAGE, 'index.html'), 'utf8').catch(() => '');
      return page.includes('第 20 次修改') ? true : undefined;
    });
    expect(last).toBe(true);
    await sleep(5000);
    const records = await readDeployLog(run.site);
    expect(records.every((r) => r.outcome === 'live')).toBe(true);
    expect(records.length - 1).toBeGreaterThanOrEqual(1);
    expect(records.length - 1).toBeLessThanOrEqual(2);
  }, 240_000);

  it('leaves the live site whole when killed mid-build, and catches up when started again', async () => {
    const run = await newRun();
    const first = startPublisher(run, '--debounce-ms', '500');
    const live = await firstLive(run);
    const pid = await first.pid;
    await rawEdit(run.dataset, EDITED, (doc) => (doc.title = '登记服务措施（杀死前的修改）'));
    await until('the build to start', async () => ((first.output().match(/开始构建/g) ?? []).length >= 2 ? true : undefined), 30_000);
    await sleep(1000);
    process.kill(pid, 'SIGKILL');
    // The build it had started must not switch in on its own, and the site stays the one that was live.
    await sleep(6000);
    expect(basename(await readlink(run.site))).toBe(live.build);
    expect(await readFile(join(run.site, EDITED_PAGE, 'index.html'), 'utf8')).not.toContain('杀死前的修改');
    expect((await readDeployLog(run.site)).length).toBe(1);

    const second = startPublisher(run);
    const caughtUp: DeployRecord = await until('the restarted publisher to deploy', async () => (await liveRecords(run))[1]);
    expect(basename(await readlink(run.site))).toBe(caughtUp.build);
    expect(await readFile(join(run.site, EDITED_PAGE, 'index.html'), 'utf8')).toContain('杀死前的修改');
    expect(await second.pid).not.toBe(pid);
  }, 240_000);

  it('lets only one of two publishers on one site build and swap the same content', async () => {
    const run = await newRun();
    const a = startPublisher(run);
    const b = startPublisher(run);
    await firstLive(run);
    await sleep(5000);
    expect(await liveRecords(run)).toHaveLength(1);
    expect(`${a.output()}${b.output()}`).toContain('网站已是最新');
  }, 240_000);
});
