/**
 * The publisher's decisions with a stand-in build (fast and exact): bursts become one build, a
 * withdrawal does not wait for quiet and stops a release build in front of it, a failure is recorded and retried, two publishers on one
 * site never build at once and the second builds nothing that is already live. The real build,
 * server and command line are in goLive.test.ts.
 */
import { mkdir, mkdtemp, readlink, rename, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeployLog } from '../../core/publish/deployLog.ts';
import { goLiveLabel } from '../../core/publish/deployStatus.ts';
import type { PublicContent, WorkflowEvent } from '../../core/publish/publicContent.ts';
import { Publisher, type PublisherOptions } from '../../core/publish/publisher.ts';
import type { BuildResult } from '../../core/publish/siteBuild.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Content that changes when told: version n, with the workflow events so far. */
class FakeContent {
  version = 0;
  events: WorkflowEvent[] = [];
  change(event?: Omit<WorkflowEvent, 'seq' | 'at'>): void {
    this.version += 1;
    if (event) this.events.push({ ...event, seq: this.events.length + 1, at: new Date().toISOString() });
  }
  read = async (): Promise<PublicContent> => ({ fingerprint: `v${this.version}`, auditSeq: this.events.length, events: [...this.events] });
}

/** A build that takes `ms`, counts itself and how many ran at once, and fails while `failing`. */
class FakeBuild {
  started: { at: number; version: number }[] = [];
  running = 0;
  mostAtOnce = 0;
  failing = false;
  private readonly content: FakeContent;
  private readonly ms: number;
  constructor(content: FakeContent, ms: number) {
    this.content = content;
    this.ms = ms;
  }
  aborted = 0;
  run = async (signal?: AbortSignal): Promise<BuildResult> => {
    this.started.push({ at: Date.now(), version: this.content.version });
    this.running += 1;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.running);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.running -= 1;
    if (signal?.aborted) {
      this.aborted += 1;
      return { ok: false, error: '构建已中止' };
    }
    return this.failing
      ? { ok: false, error: '文档 policy-x（policy） 字段 title：必填' }
      : { ok: true, build: `build-${this.started.length}` };
  };
}

async function siteFolder(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'publisher-'));
  const site = join(directory, 'dist');
  await mkdir(site);
  return site;
}

function publisher(site: string, content: FakeContent, build: FakeBuild, options: Partial<PublisherOptions> = {}): Publisher {
  return new Publisher({
    site,
    source: 'file:/fake',
    readContent: content.read,
    build: build.run,
    debounceMs: 300,
    retryBaseMs: 200,
    ...options,
  });
}

async function until(condition: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}

describe('publisher', () => {
  it('turns a burst of 20 changes into one build, and changes during a build into at most one more', async () => {
    const site = await siteFolder();
    const content = new FakeContent();
    const build = new FakeBuild(content, 400);
    const p = publisher(site, content, build);
    await p.start();
    await until(() => build.started.length === 1);
    await p.idle();

    for (let i = 0; i < 20; i++) {
      content.change({ unit: `u${i}`, action: 'release' });
      p.changed();
      await sleep(40);
    }
    await sleep(100);
    await p.idle();
    expect(build.started.length).toBe(2);
    expect(build.started[1]!.version).toBe(20);

    // A burst that starts while a build runs: that build, then exactly one more with the last version.
    content.change();
    p.changed();
    await until(() => build.running === 1);
    for (let i = 0; i < 20; i++) {
      content.change();
      p.changed();
      await sleep(15);
    }
    await p.idle();
    expect(build.started.length).toBe(4);
    expect(build.started[3]!.version).toBe(content.version);
    expect(build.mostAtOnce).toBe(1);
    const live = (await readDeployLog(site)).filter((r) => r.outcome === 'live');
    expect(live.at(-1)!.fingerprint).toBe(`v${content.version}`);
    p.stop();
  });

  it('builds nothing when what the public reads did not change', async () => {
    const site = await siteFolder();
    const content = new FakeContent();
    const build = new FakeBuild(content, 50);
    const p = publisher(site, content, build);
    await p.start();
    await until(() => build.started.length === 1);
    await p.idle();
    for (let i = 0; i < 5; i++) p.changed(); // a draft edit: the fingerprint is the same
    await sleep(600);
    await p.idle();
    expect(build.started.length).toBe(1);
    p.stop();
    // A restarted publisher finds the content live in the deploy log and does not build either.
    const again = publisher(site, content, build);
    await again.start();
    await sleep(600);
    await again.idle();
    expect(build.started.length).toBe(1);
    again.stop();
  });

  it('starts a withdrawal at once, without waiting for quiet', async () => {
    const site = await siteFolder();
    const content = new FakeContent();
    const build = new FakeBuild(content, 50);
    const p = publisher(site, content, build, { debounceMs: 3000, maxDelayMs: 10_000 });
    await p.start();
    await until(() => build.started.length === 1, 5000);
    await p.idle();

    content.change({ unit: 'policy-a', action: 'release' });
    p.changed();
    await sleep(800);
    expect(build.started.length).toBe(1); // the release waits for the burst to end

    const withdrawnAt = Date.now();
    content.change({ unit: 'policy-b', action: 'withdraw' });
    p.changed();
    await until(() => build.started.length === 2, 2000);
    expect(build.started[1]!.at - withdrawnAt).toBeLessThan(500);
    await p.idle();
    const last = (await readDeployLog(site)).at(-1)!;
    expect(last.includes.map((e) => `${e.action} ${e.unit}`)).toEqual(['release policy-a', 'withdraw policy-b']);
    p.stop();
  });

  it('stops a running release build for a withdrawal, which is online after one build, never two', async () => {
    const site = await siteFolder();
    const content = new FakeContent();
    const build = new FakeBuild(content, 1500);
    const p = publisher(site, content, build, { debounceMs: 100 });
    await p.start();
    await until(() => build.started.length === 1, 5000);
    await p.idle();

    content.change({ unit: 'policy-a', action: 'release' });
    p.changed();
    await until(() => build.running === 1 && build.started.length === 2, 3000);
    await sleep(200);
    const withdrawnAt = Date.now();
    content.change({ unit: 'policy-b', action: 'withdraw' });
    p.changed();
    await until(async () => (await readDeployLog(site)).some((r) => r.includes.some((e) => e.action === 'withdraw')), 6000);
    const liveAfter = Date.now() - withdrawnAt;
    await p.idle();
    expect(build.aborted).toBe(1);
    expect(build.mostAtOnce).toBe(1);
    // One build of 1.5 s after the withdrawal, not the rest of the release build first.
    expect(liveAfter).toBeLessThan(2500);
    const records = await readDeployLog(site);
    // The stopped build is no failure and leaves no record; the next one carries the release too.
    expect(records.filter((r) => r.outcome === 'failed')).toEqual([]);
    expect(records.at(-1)!.includes.map((e) => `${e.action} ${e.unit}`)).toEqual(['release policy-a', 'withdraw policy-b']);
    p.stop();
  });

  it('does not stop a build that is itself putting a withdrawal online', async () => {
    const site = await siteFolder();
    const content = new FakeContent();
    const build = new FakeBuild(content, 800);
    const p = publisher(site, content, build, { debounceMs: 100 });
    await p.start();
    await until(() => build.started.length === 1, 5000);
    await p.idle();
    content.change({ unit: 'policy-a', action: 'withdraw' });
    p.changed();
    await until(() => build.running === 1 && build.started.length === 2, 3000);
    content.change({ unit: 'policy-b', action: 'withdraw' });
    p.changed();
    await p.idle();
    expect(build.aborted).toBe(0);
    expect(build.started.length).toBe(3);
    p.stop();
  });

  it('builds again when the site serves another build than the log says is live (switched by hand)', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'publisher-link-'));
    const site = join(directory, 'dist');
    const content = new FakeContent();
    let builds = 0;
    // Switches the site link to a build folder of its own, as the real build does.
    const switchTo = async (name: string) => {
      await mkdir(join(directory, 'builds', name), { recursive: true });
      await symlink(join('builds', name), join(directory, `link-${name}`));
      await rename(join(directory, `link-${name}`), site);
    };
    const build = async (): Promise<BuildResult> => {
      builds += 1;
      await switchTo(`build-${builds}`);
      return { ok: true, build: `build-${builds}` };
    };
    const start = async () => {
      const p = new Publisher({ site, source: 'file:/fake', readContent: content.read, build, debounceMs: 50 });
      await p.start();
      await sleep(300);
      await p.idle();
      p.stop();
    };
    await start();
    expect(builds).toBe(1);
    await start(); // the log's live build is the one served: nothing to do
    expect(builds).toBe(1);
    await switchTo('by-hand');
    await start();
    expect(builds).toBe(2);
    expect(basename(await readlink(site))).toBe('build-2');
  });

  it('records a failed build, says 上线失败, retries with growing delays and goes live when it passes', async () => {
    const site = await siteFolder();
    const content = new FakeContent();
    const build = new FakeBuild(content, 20);
    const p = publisher(site, content, build, { retryBaseMs: 300 });
    await p.start();
    await until(() => build.started.length === 1);
    await p.idle();

    build.failing = true;
    content.change({ unit: 'policy-a', action: 'release' });
    p.changed();
    const failures = async () => (await readDeployLog(site)).filter((r) => r.outcome === 'failed');
    await until(async () => (await failures()).length === 3, 10_000);
    const gaps = build.started
      .slice(1)
      .map((s, i, all) => (i === 0 ? 0 : s.at - all[i - 1]!.at))
      .slice(1);
    expect(gaps[0]).toBeGreaterThanOrEqual(280); // 300 ms, then 600 ms
    expect(gaps[1]).toBeGreaterThanOrEqual(580);
    const records = await readDeployLog(site);
    const failed = await failures();
    expect(failed[0]!.error).toContain('policy-x');
    const released = { state: 'released', last: { action: 'release', seq: 1 } };
    expect(goLiveLabel(released, records, 'file:/fake')).toMatch(/^上线失败：文档 policy-x/);

    build.failing = false;
    await until(async () => (await readDeployLog(site)).at(-1)!.outcome === 'live', 10_000);
    expect(goLiveLabel(released, await readDeployLog(site), 'file:/fake')).toMatch(/^已上线 \d\d:\d\d$/);
    p.stop();
  });

  it('lets two publishers on one site build one at a time, and the second builds nothing already live', async () => {
    const site = await siteFolder();
    const content = new FakeContent();
    const build = new FakeBuild(content, 500);
    const a = publisher(site, content, build);
    const b = publisher(site, content, build);
    await Promise.all([a.start(), b.start()]);
    await sleep(200);
    await Promise.all([a.idle(), b.idle()]);
    content.change({ unit: 'policy-a', action: 'release' });
    a.changed();
    b.changed();
    await sleep(400);
    await Promise.all([a.idle(), b.idle()]);
    expect(build.mostAtOnce).toBe(1);
    // One build for the first content, one for the change: the second publisher found each live.
    expect(build.started.map((s) => s.version)).toEqual([0, 1]);
    a.stop();
    b.stop();
  });
});
