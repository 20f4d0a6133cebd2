/**
 * The Studio built for one local Content Lake and one preview address, once per source: the
 * build bakes both addresses in (SANITY_STUDIO_LOCAL_LAKE_URL, SANITY_STUDIO_PREVIEW_URL), and
 * takes a minute or more on 2 cores, so it is kept under .tmp/studio-builds/<key>, the key
 * hashing the Studio's sources, the shared code, the lock file and both addresses. The
 * journey's tests and `npm run bench:studio` use it; the Studio's other browser tests build a
 * temporary one for their own lake (startTemporaryStudio).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Served, serveStudio } from './staticServer.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILDS = join(ROOT, '.tmp', 'studio-builds');
/** What the Studio bundle is made of. */
const SOURCES = ['studio', 'core', 'package-lock.json'];
const SKIPPED = new Set(['node_modules', 'dist', '.sanity']);

async function filesUnder(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const out: string[] = [];
  for (const entry of (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIPPED.has(entry.name)) continue;
    out.push(...(await filesUnder(join(path, entry.name))));
  }
  return out;
}

async function studioSourceKey(addresses: Record<string, string>): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(addresses));
  for (const source of SOURCES) {
    for (const file of await filesUnder(join(ROOT, source))) {
      hash.update(relative(ROOT, file));
      hash.update(await readFile(file));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** Runs `npm run …` without blocking this process (the lake it talks to runs here too). */
export function runNpmAsync(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 600_000,
): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', ...args], {
      cwd: ROOT,
      env: { ...process.env, DO_NOT_TRACK: '1', SANITY_TELEMETRY_DISABLED: '1', ...env },
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGTERM'), timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    });
  });
}

/** Keeps the few latest builds (another run may be serving one of them), removes the rest. */
async function removeOldBuilds(keep: string): Promise<void> {
  const builds = [];
  for (const name of await readdir(BUILDS)) {
    if (name === keep || name.includes('.partial-')) continue;
    builds.push({ name, time: (await stat(join(BUILDS, name))).mtimeMs });
  }
  builds.sort((a, b) => b.time - a.time);
  for (const { name } of builds.slice(3)) await rm(join(BUILDS, name), { recursive: true, force: true });
}

/**
 * The folder of a Studio built for `lakeUrl` and `previewUrl`: the kept one when the sources
 * have not changed since, else a new build (the older ones are removed).
 */
export async function builtStudio(lakeUrl: string, previewUrl: string): Promise<string> {
  const key = await studioSourceKey({ lakeUrl, previewUrl });
  const folder = join(BUILDS, key);
  if (await stat(join(folder, 'index.html')).catch(() => undefined)) return folder;
  await mkdir(BUILDS, { recursive: true });
  const partial = `${folder}.partial-${process.pid}`;
  const result = await runNpmAsync(['build', '-w', 'studio', '--', partial], {
    SANITY_STUDIO_LOCAL_LAKE_URL: lakeUrl,
    SANITY_STUDIO_PREVIEW_URL: previewUrl,
  });
  if (result.status !== 0) throw new Error(`Studio build failed:\n${result.output}`);
  await removeOldBuilds(key);
  await rename(partial, folder).catch(async (error: NodeJS.ErrnoException) => {
    // Another run built the same key meanwhile: keep theirs.
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    await rm(partial, { recursive: true, force: true });
  });
  return folder;
}

/**
 * A Studio built for the local Content Lake at `lakeUrl` alone (as `npm run studio` builds it
 * for its own) into a temporary folder, and served; `close` stops it and removes the build.
 */
export async function startTemporaryStudio(lakeUrl: string): Promise<Served> {
  const build = await mkdtemp(join(tmpdir(), 'studio-build-'));
  const result = await runNpmAsync(['build', '-w', 'studio', '--', build], { SANITY_STUDIO_LOCAL_LAKE_URL: lakeUrl }, 240_000);
  if (result.status !== 0) throw new Error(`Studio build failed:\n${result.output}`);
  const served = await serveStudio(build);
  return {
    url: served.url,
    close: async () => {
      await served.close();
      await rm(build, { recursive: true, force: true });
    },
  };
}
