/**
 * Puts a finished site build in place so that a reader — a web server resolving
 * `dist/index.html` on every request — only ever sees one whole build: never a mix of two,
 * never nothing, whenever the build is stopped, killed or fails.
 *
 * `<out>` (`dist`, `dist-preview`, any `--out`) is a symbolic link to a build folder in
 * `<out>.builds/`, named `<name>-<time>-<pid>-<host>-<random>`. A build is written into a new
 * folder there, which nobody serves, and switched in by making a new link beside `<out>` and
 * renaming it over the old one: a single rename(), which the file system performs whole. The
 * folder the link pointed at before is kept for a quick rollback
 * (`ln -sfn <out>.builds/<previous> <out>`); older folders, and those of builds that were
 * killed, are removed after the switch.
 *
 * A first build where `<out>` is still a real folder moves that folder into `<out>.builds/`
 * (it becomes the rollback) and links the new build: the one moment `<out>` is missing, for
 * two renames, once.
 */
import { readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { lstat, mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { HOST, isLeftover, isLeftoverTemporary, ownerTag, parseOwnerTag, syncFolder } from '../content/atomicWrite.ts';

/** Where the build folders of `target` live: beside it, so that every rename stays on one file system. */
export function buildsFolderOf(target: string): string {
  return `${resolve(target)}.builds`;
}

// `<name>-20261129T210500123Z-<pid>-<host>-<random>`
const BUILD = /^(.+)-(\d{8}T\d{9}Z)-(\d+-[A-Za-z0-9_]+-[0-9a-f]{8})$/;

function newFolderName(target: string): string {
  const stamp = new Date().toISOString().replace(/[-:.]/g, '');
  return `${basename(target)}-${stamp}-${ownerTag()}`;
}

/**
 * A new folder for the next build of `target`, with no file in it. With `recycle` (incremental
 * builds), the folder of the build before the served one — the rollback, which this build's switch
 * would remove — is taken over when there is one: its files go, its directories stay. A site of
 * 10,000 documents is some 14,000 directories, and creating directories, unlike linking files, is
 * what a build on this file system waits on; the next build needs nearly all the same ones.
 * Directories the build leaves empty are removed before the switch (`pruneEmptyDirectories`).
 */
export async function startBuild(target: string, options: { recycle?: boolean } = {}): Promise<string> {
  const builds = buildsFolderOf(target);
  await mkdir(builds, { recursive: true });
  const folder = join(builds, newFolderName(target));
  const old = options.recycle ? await recyclableBuild(target) : undefined;
  if (old) {
    try {
      await rename(old, folder);
      for (const kind of RECORD_KINDS) await rm(recordBeside(old, kind), { force: true });
      removeFiles(folder);
      return folder;
    } catch {
      // Taken by another build meanwhile, or half emptied: start from nothing.
      await rm(folder, { recursive: true, force: true });
    }
  }
  await mkdir(folder);
  return folder;
}

/** Whether a build folder's owner is gone, or is this process (which builds one site at a time): nobody writes in it. */
function unowned(tag: string): boolean {
  const owner = parseOwnerTag(tag);
  return (owner?.pid === process.pid && owner.host === HOST) || isLeftover(tag);
}

/** The newest build folder that nobody serves or builds in (the rollback, or a killed build's), if any. */
async function recyclableBuild(target: string): Promise<string | undefined> {
  const builds = buildsFolderOf(target);
  const serving = await servedFolder(target);
  const candidates = (await readdir(builds).catch(() => [] as string[]))
    .map((entry) => ({ entry, match: BUILD.exec(entry) }))
    .filter(({ entry, match }) => match && join(builds, entry) !== serving && unowned(match[3]!))
    .sort((a, c) => (a.match![2]! < c.match![2]! ? 1 : -1));
  return candidates[0] ? join(builds, candidates[0].entry) : undefined;
}

/**
 * Removes every file under `folder`, keeping its directories. Synchronous on purpose: tens of
 * thousands of small calls, each a round trip through the thread pool when asynchronous.
 */
function removeFiles(folder: string): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) removeFiles(path);
    else unlinkSync(path);
  }
}

/**
 * Removes the directories a recycled build folder still has but this build did not use (a
 * withdrawn document's page, a list page no longer needed), deepest first, so that they answer
 * 404 like any missing page. The search index's own folders are left as the indexer wrote them.
 */
export function pruneEmptyDirectories(folder: string, keep: readonly string[] = []): void {
  // Synchronous, as removeFiles: one small call per directory.
  const prune = (directory: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory() && !keep.includes(relative(folder, path)) && prune(path)) rmdirSync(path);
      else empty = false;
    }
    return empty;
  };
  prune(folder);
}

/**
 * What a build records for the next one, kept beside its folder: `pages` (site/integrations/renderCache.ts:
 * each page's inputs, so that unchanged pages are reused) and `documents` (core/search/index/buildIndex.ts:
 * each indexed page's document file, so that unchanged ones are linked). Beside, not inside: nothing
 * but the site is served from the folder. They go when their build goes.
 */
export function recordBeside(folder: string, kind: RecordKind): string {
  return `${resolve(folder)}.${kind}.json`;
}
type RecordKind = 'pages' | 'documents';
const RECORD_KINDS: RecordKind[] = ['pages', 'documents'];
const RECORD = /^(.+)\.(?:pages|documents)\.json$/;

/** Removes the folder of a build that failed; the site stays as it was. */
export async function discardBuild(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  for (const kind of RECORD_KINDS) await rm(recordBeside(folder, kind), { force: true });
}

class SiteSwapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteSwapError';
  }
}

/** The build folder `target` links to now; undefined when it is no link to one. */
export async function servedFolder(target: string): Promise<string | undefined> {
  target = resolve(target);
  return readlink(target).then(
    (to) => resolve(dirname(target), to),
    () => undefined,
  );
}

/** The build folder `target` links to now, or `undefined`. A real folder is first moved into `<out>.builds/`. */
async function currentBuild(target: string): Promise<string | undefined> {
  let info: Awaited<ReturnType<typeof lstat>>;
  try {
    info = await lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (info.isSymbolicLink()) return resolve(dirname(target), await readlink(target));
  if (!info.isDirectory()) throw new SiteSwapError(`${target} 既不是文件夹也不是链接，不能放置网站：请移走它后重新构建`);
  const moved = join(buildsFolderOf(target), newFolderName(target));
  await rename(target, moved);
  return moved;
}

/**
 * Points `target` at the finished build in `folder` with one rename, then removes the build
 * folders no one needs: all but the new one, the one it replaced, and those of builds still running.
 */
export async function switchTo(target: string, folder: string): Promise<{ previous?: string }> {
  target = resolve(target);
  const previous = await currentBuild(target);
  const parent = dirname(target);
  const link = join(parent, `.${basename(target)}.link-${ownerTag()}`);
  await symlink(relative(parent, folder), link);
  try {
    await rename(link, target);
  } catch (error) {
    await rm(link, { force: true });
    throw error;
  }
  await syncFolder(parent);
  await sweep(target, [folder, previous]);
  return previous === undefined ? {} : { previous };
}

async function sweep(target: string, keep: (string | undefined)[]): Promise<void> {
  const builds = buildsFolderOf(target);
  // Another build may have switched in meanwhile; its folder is the one being served now.
  const serving = await servedFolder(target);
  const kept = new Set([...keep, serving].filter((f): f is string => f !== undefined).map((f) => resolve(f)));
  for (const entry of await readdir(builds).catch(() => [] as string[])) {
    const match = BUILD.exec(entry);
    if (!match || kept.has(join(builds, entry))) continue;
    // A folder whose process still runs is a build in progress — unless that process is this one, which builds one site at a time.
    if (unowned(match[3]!)) await rm(join(builds, entry), { recursive: true, force: true });
  }
  // Records whose build is gone (removed now, or by hand), and records half written by a killed build.
  const left = new Set(await readdir(builds).catch(() => [] as string[]));
  for (const entry of left) {
    const build = RECORD.exec(entry)?.[1];
    if ((build && BUILD.test(build) && !left.has(build)) || isLeftoverTemporary(entry)) await rm(join(builds, entry), { force: true });
  }
  const parent = dirname(target);
  const linkPrefix = `.${basename(target)}.link-`;
  for (const entry of await readdir(parent).catch(() => [] as string[])) {
    if (entry.startsWith(linkPrefix) && isLeftover(entry.slice(linkPrefix.length))) await rm(join(parent, entry), { force: true });
  }
}
