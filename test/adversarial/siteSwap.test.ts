/**
 * The site swap (issue 11, finding 9): a reader of `<out>/index.html` — a web server resolving
 * the path on every request — must never find it missing or half-written while builds are
 * switched in, killed with SIGKILL at any moment, or fail.
 *
 * Most of it runs the swap module (core/build/siteSwap.ts) directly on small folders, many
 * times, in child processes so that kills land anywhere; one real `npm run build` checks the
 * build script switches the same way, with a reader polling throughout.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, realpath, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildsFolderOf, discardBuild, startBuild, switchTo } from '../../core/build/siteSwap.ts';
import { ROOT } from '../helpers/run.ts';

const PROJECT_NODE = join(ROOT, 'node_modules', 'node', 'bin', 'node');
const NODE = existsSync(PROJECT_NODE) ? PROJECT_NODE : process.execPath;
const FILES = ['index.html', 'a/index.html', 'b/index.html', 'search/index.json', 'feed.xml'];

/** A child process that switches in `builds` small sites, one after another, writing each file slowly enough to be killed mid-way. */
function swapper(target: string, builds: number, pauseMs: number) {
  const script = `
    import { mkdir, writeFile } from 'node:fs/promises';
    import { dirname, join } from 'node:path';
    import { startBuild, switchTo } from ${JSON.stringify(join(ROOT, 'core/build/siteSwap.ts'))};
    const [target, builds, pause] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3])];
    for (let n = 0; n < builds; n++) {
      const version = process.pid + '.' + n;
      const folder = await startBuild(target);
      for (const file of ${JSON.stringify(FILES)}) {
        await mkdir(dirname(join(folder, file)), { recursive: true });
        await writeFile(join(folder, file), 'site ' + version + ' ' + 'x'.repeat(4000));
        if (pause) await new Promise((r) => setTimeout(r, pause));
      }
      await switchTo(target, folder);
    }`;
  return spawn(NODE, ['--input-type=module', '-e', script, target, String(builds), String(pauseMs)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

const exited = (child: ReturnType<typeof spawn>) => new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

/** A site as the swap leaves it: every file present, all from one build. */
async function expectWholeSite(target: string): Promise<string> {
  const versions = new Set<string>();
  for (const file of FILES) versions.add((await readFile(join(target, file), 'utf8')).split(' ')[1]!);
  expect([...versions]).toHaveLength(1);
  return [...versions][0]!;
}

/** A site switched in by a build process that has ended, as every build before the next one is. */
async function builtSite(): Promise<string> {
  const target = join(await mkdtemp(join(tmpdir(), 'swap-')), 'site');
  expect(await exited(swapper(target, 1, 0))).toBe(0);
  return target;
}

/** Polls `<target>/index.html` until `until` settles; counts the reads that found no file or an incomplete one. */
async function poll(target: string, until: Promise<unknown>) {
  let done = false;
  void until.finally(() => (done = true));
  const seen = new Set<string>();
  let reads = 0;
  let missing = 0;
  let torn = 0;
  while (!done) {
    try {
      const text = await readFile(join(target, 'index.html'), 'utf8');
      reads++;
      if (!/^site \S+ /.test(text)) torn++;
      seen.add(text.split(' ')[1]!);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing++;
    }
  }
  return { reads, missing, torn, seen };
}

describe('switching a built site in', () => {
  it('a reader polling <out>/index.html during 300 switches never finds it missing or torn', async () => {
    const target = await builtSite();
    const child = swapper(target, 300, 0);
    const [read, code] = await Promise.all([poll(target, exited(child)), exited(child)]);
    expect(code).toBe(0);
    expect(read.missing).toBe(0);
    expect(read.torn).toBe(0);
    expect(read.reads).toBeGreaterThan(300);
    // The reader did see the site change under it, many times.
    expect(read.seen.size).toBeGreaterThan(10);
    // Only the site served and the one before it (for a rollback) are kept.
    expect(await readdir(buildsFolderOf(target))).toHaveLength(2);
    await expectWholeSite(target);
  });

  it('a build killed with SIGKILL at random moments leaves the previous site whole; the next build clears what it left', async () => {
    const target = await builtSite();
    let served = await expectWholeSite(target);
    for (let round = 0; round < 12; round++) {
      const child = swapper(target, 1, 15);
      // Anywhere from start-up to after the switch.
      setTimeout(() => child.kill('SIGKILL'), 200 + Math.random() * 600);
      await exited(child);
      const now = await expectWholeSite(target);
      // Either the site from before, or the killed build's — whole, if it had switched before the kill.
      if (now !== served) expect(now.startsWith(`${child.pid}.`)).toBe(true);
      served = now;
    }
    expect(await exited(swapper(target, 1, 0))).toBe(0);
    const builds = await readdir(buildsFolderOf(target));
    expect(builds).toHaveLength(2);
    expect((await readdir(join(target, '..'))).sort()).toEqual(['site', 'site.builds']);
  });

  it('a failed build is discarded and the site stays as it was', async () => {
    const target = await builtSite();
    const before = await readlink(target);
    const served = await expectWholeSite(target);
    const folder = await startBuild(target);
    await writeFile(join(folder, 'index.html'), 'half');
    await discardBuild(folder);
    expect(await readlink(target)).toBe(before);
    expect(await expectWholeSite(target)).toBe(served);
    expect(await readdir(buildsFolderOf(target))).toHaveLength(1);
  });

  it('a first switch where <out> is a real folder keeps that folder as the rollback and links the new build', async () => {
    const target = join(await mkdtemp(join(tmpdir(), 'swap-')), 'dist');
    await mkdir(join(target, 'a'), { recursive: true });
    await writeFile(join(target, 'index.html'), 'site old whole');
    await writeFile(join(target, 'a', 'index.html'), 'site old whole');
    const folder = await startBuild(target);
    await writeFile(join(folder, 'index.html'), 'site new whole');
    const { previous } = await switchTo(target, folder);
    expect((await lstat(target)).isSymbolicLink()).toBe(true);
    expect(await realpath(target)).toBe(await realpath(folder));
    expect(await readFile(join(target, 'index.html'), 'utf8')).toBe('site new whole');
    expect(previous).toBeDefined();
    expect(await readFile(join(previous!, 'a', 'index.html'), 'utf8')).toBe('site old whole');
    expect(resolve(previous!, '..')).toBe(buildsFolderOf(target));
  });
});

describe('npm run build', () => {
  it('a build killed mid-way leaves the site whole; the next switches in while a reader polls; a refused one leaves it alone', async () => {
    const target = await builtSite();
    const env = { ...process.env, CONTENT_DATASET: join(ROOT, 'content', 'dataset.ndjson') };

    // Killed with its Astro child (the whole process group), somewhere in the content check or the Astro build.
    const killed = spawn(NODE, ['scripts/build-site.ts', '--out', target], { cwd: ROOT, env, stdio: 'ignore', detached: true });
    const before = await readlink(target);
    setTimeout(() => process.kill(-killed.pid!, 'SIGKILL'), 300 + Math.random() * 2500);
    await exited(killed);
    // The sample builds in 2–3 s on a quiet machine, so the kill may come after its switch:
    // then the site is the new one, whole; otherwise it is still the old one, whole.
    if ((await readlink(target)) === before) await expectWholeSite(target);
    else expect(await readFile(join(target, 'index.html'), 'utf8')).toContain('<html');
    const build = spawn('npm', ['run', '--silent', 'build', '--', '--out', target], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    build.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    build.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [read, code] = await Promise.all([poll(target, exited(build)), exited(build)]);
    expect(code, output).toBe(0);
    expect(read.missing).toBe(0);
    const home = await readFile(join(target, 'index.html'), 'utf8');
    expect(home).toContain('<html');
    // The sample site from the build, the small site from before kept for a rollback; the killed build's folder is gone.
    const entries = await readdir(buildsFolderOf(target));
    const builds = entries.filter((entry) => !entry.endsWith('.json'));
    expect(builds).toHaveLength(2);
    // Each build's records for the next build (pages, index documents) are beside a build that is there.
    const records = entries.filter((entry) => entry.endsWith('.json'));
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) expect(builds).toContain(record.replace(/\.(pages|documents)\.json$/, ''));
    const linked = await readlink(target);

    const bad = join(await mkdtemp(join(tmpdir(), 'swap-bad-')), 'dataset.ndjson');
    await writeFile(bad, '');
    const refused = spawnSync('npm', ['run', '--silent', 'build', '--', '--out', target], {
      cwd: ROOT,
      env: { ...env, CONTENT_DATASET: bad },
      encoding: 'utf8',
    });
    expect(refused.status).not.toBe(0);
    expect(await readlink(target)).toBe(linked);
    expect(await readFile(join(target, 'index.html'), 'utf8')).toBe(home);
    expect(await readdir(buildsFolderOf(target))).toEqual(entries);
  }, 600_000);
});
