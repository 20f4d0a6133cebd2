/**
 * A lock on one file that no process — killed at any moment, or racing fifty others over a lock
 * left behind — can break or leave stuck.
 *
 * The lock is a symbolic link `<file>.lock` → `<file>.lock-holder-<pid>-<host>-<random>`, a folder
 * of the holder's own. Creating a link is atomic and exclusive, and it names its holder in the same
 * step, so there is no moment when a lock exists without an owner to judge it by.
 *
 * A holder replaces the file by writing the new content into its own folder and renaming it into
 * place *through the link*: `rename("<file>.lock/next-<tag>", file)`. The kernel resolves the link
 * inside that one call, so the rename succeeds only while the link still points at this holder.
 * That fence is what makes a takeover safe: a process that judged a lock abandoned and moved it
 * aside may, in a race, have moved a newer, live one; the holder it displaced can then no longer
 * write anything — it gets `LockLostError` and starts again from a fresh read. A link, once moved
 * aside, is never put back, so a holder whose rename succeeds has held the lock without a break
 * since it read the file. (Locks that take over by stat-then-remove, proper-lockfile 4.1.2
 * included — its issue #121 — let two takers both believe they hold the lock.)
 *
 * A lock is abandoned when its holder no longer runs (a process of this machine, judged by its
 * pid), when its holder folder is gone, or when it has not been refreshed for `staleMs` (a holder
 * on another machine, a pid reused by another program, a lock of another shape such as the `<pid>`
 * files of older versions); an empty or dead-pid lock file counts as abandoned at once. A waiter gives up when
 * one holder keeps the lock longer than `waitMs`, with a message that names the file, the holder
 * and what to do.
 */
import { lstat, mkdir, readFile, readdir, readlink, rename, rm, stat, symlink, utimes } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  explainFileError,
  HOST,
  isRunning,
  ownerTag,
  parseOwnerTag,
  replacementMode,
  sweepTemporaryFiles,
  syncFolder,
  writeDurably,
} from './atomicWrite.ts';

export interface LockOptions {
  /** How long one holder may keep the lock before a waiter gives up (default 10 s). */
  waitMs?: number;
  /** After how long without a refresh a lock of another machine or another shape counts as abandoned (default 30 s). */
  staleMs?: number;
  /** What the file is, in messages (default 「文件」). */
  what?: string;
}

/** Another process holds the lock, and kept it longer than the wait. */
export class LockBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockBusyError';
  }
}

/** This holder's lock was taken over as abandoned; nothing was written. Start again from a fresh read. */
export class LockLostError extends Error {
  constructor(path: string) {
    super(`${path} 的锁已被其他进程接管，本次修改未写入，请重试`);
    this.name = 'LockLostError';
  }
}

export interface HeldLock {
  /** Replaces the locked file with `data`, atomically, keeping its permission bits — only while this lock still holds. */
  replace(data: string | Uint8Array): Promise<void>;
}

const HOLDER = '.lock-holder-';
const ASIDE = '.lock-aside-';

interface Paths {
  file: string;
  folder: string;
  name: string;
  link: string;
}

interface Seen {
  /** Changes whenever the lock changes hands. */
  identity: string;
  /** Who holds it, for messages. */
  holder: string;
  abandoned: boolean;
  /** A lock this module did not make: it may be removed by hand once nothing uses it. */
  foreign: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function describeOwner(pid: number, host: string): string {
  return host === HOST ? `进程 ${pid}` : `主机 ${host} 上的进程 ${pid}`;
}

/** What is at the lock path now; `undefined` when nothing is. */
async function inspect(paths: Paths, staleMs: number): Promise<Seen | undefined> {
  let info: Awaited<ReturnType<typeof lstat>>;
  try {
    info = await lstat(paths.link);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  const age = Date.now() - info.mtimeMs;
  if (info.isSymbolicLink()) {
    const target = await readlink(paths.link).catch(() => undefined);
    if (target === undefined) return undefined;
    const owner = target.startsWith(`${paths.name}${HOLDER}`) ? parseOwnerTag(target.slice(paths.name.length + HOLDER.length)) : undefined;
    if (!owner)
      return { identity: `link:${target}`, holder: `未知程序（${paths.link} → ${target}）`, abandoned: age > staleMs, foreign: true };
    const folderAge = await stat(join(paths.folder, target)).then(
      (s) => Date.now() - s.mtimeMs,
      () => undefined,
    );
    // A holder refreshes its folder while it runs: one not refreshed for `staleMs` is gone even if its
    // pid runs — that pid now belongs to another program.
    const abandoned = folderAge === undefined || folderAge > staleMs || (owner.host === HOST && !isRunning(owner.pid));
    return { identity: `link:${target}`, holder: describeOwner(owner.pid, owner.host), abandoned, foreign: false };
  }
  const identity = `${info.ino}:${info.mtimeMs}`;
  if (info.isFile()) {
    // Older versions wrote their pid into a plain file; an empty one was left by a process killed while creating it.
    const text = (await readFile(paths.link, 'utf8').catch(() => '')).trim();
    const pid = /^\d+$/.test(text) ? Number(text) : undefined;
    if (pid === undefined) return { identity, holder: `空的锁文件 ${paths.link}`, abandoned: true, foreign: false };
    return { identity, holder: `进程 ${pid}`, abandoned: !isRunning(pid) || age > staleMs, foreign: false };
  }
  return { identity, holder: `未知程序（${paths.link}）`, abandoned: age > staleMs, foreign: true };
}

/** Moves an abandoned lock out of the way; one taker wins the rename, the others find the path changed. */
async function moveAside(paths: Paths): Promise<void> {
  const aside = join(paths.folder, `${paths.name}${ASIDE}${ownerTag()}`);
  try {
    await rename(paths.link, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
}

/** Removes what holders and takers killed mid-way left: their folders, moved-aside locks, temporary files. */
async function sweep(paths: Paths, mine: string, staleMs: number): Promise<void> {
  const entries = await readdir(paths.folder).catch(() => [] as string[]);
  for (const entry of entries) {
    if (entry === mine) continue;
    const prefix = [HOLDER, ASIDE].find((p) => entry.startsWith(`${paths.name}${p}`));
    if (!prefix) continue;
    const owner = parseOwnerTag(entry.slice(paths.name.length + prefix.length));
    if (!owner) continue;
    const path = join(paths.folder, entry);
    // Gone by the same measure as an abandoned lock: its process ended, or it stopped refreshing.
    const gone =
      (owner.host === HOST && !isRunning(owner.pid)) ||
      (await lstat(path).then(
        (s) => Date.now() - s.mtimeMs > staleMs,
        () => false,
      ));
    if (gone) await rm(path, { recursive: true, force: true });
  }
  await sweepTemporaryFiles(paths.file);
}

async function release(paths: Paths, holderName: string): Promise<void> {
  try {
    if ((await readlink(paths.link).catch(() => undefined)) === holderName) await moveAside(paths);
  } catch {
    // A lock left behind is abandoned (its holder folder is gone below) and taken over by the next writer.
  }
  await rm(join(paths.folder, holderName), { recursive: true, force: true }).catch(() => undefined);
}

/** Runs `work` holding the lock of `file` (see the module comment). */
export async function withFileLock<T>(file: string, work: (lock: HeldLock) => Promise<T>, options: LockOptions = {}): Promise<T> {
  const waitMs = options.waitMs ?? 10_000;
  const staleMs = options.staleMs ?? 30_000;
  const what = options.what ?? '文件';
  const paths: Paths = { file, folder: dirname(file), name: basename(file), link: `${file}.lock` };
  const tag = ownerTag();
  const holderName = `${paths.name}${HOLDER}${tag}`;
  const holderFolder = join(paths.folder, holderName);

  try {
    await mkdir(holderFolder);
  } catch (error) {
    throw explainFileError(error, file, what);
  }
  // Refreshed so that a process on another machine sharing the folder does not take the lock over.
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(holderFolder, now, now).catch(() => undefined);
  }, staleMs / 3);
  heartbeat.unref();

  try {
    let waitingFor: string | undefined;
    let since = Date.now();
    // The lock may change hands many times while others go first; give up only when no one lets go.
    const giveUpAt = Date.now() + Math.max(120_000, waitMs * 6);
    for (;;) {
      try {
        await symlink(holderName, paths.link);
        break;
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw explainFileError(error, file, what);
      }
      const seen = await inspect(paths, staleMs);
      if (!seen) continue;
      if (seen.abandoned) {
        await moveAside(paths);
        continue;
      }
      if (seen.identity !== waitingFor) {
        waitingFor = seen.identity;
        since = Date.now();
      } else if (Date.now() - since > waitMs || Date.now() > giveUpAt) {
        const seconds = Math.round((Date.now() - since) / 1000);
        const remedy = seen.foreign
          ? `若确认没有程序在使用它，删除 ${paths.link} 后重试。`
          : '请等该操作完成后重试；若该进程已不再运行或卡住，结束它后重试（锁会自动失效，无需手工删除）。';
        throw new LockBusyError(`${what} ${file} 正被${seen.holder} 修改，已等待 ${seconds} 秒仍未释放，本次未作任何修改。${remedy}`);
      }
      await sleep(10 + Math.random() * 40);
    }
  } catch (error) {
    clearInterval(heartbeat);
    await rm(holderFolder, { recursive: true, force: true }).catch(() => undefined);
    throw error instanceof LockBusyError ? error : explainFileError(error, file, what);
  }

  try {
    await sweep(paths, holderName, staleMs);
    const staged = `next-${tag}`;
    return await work({
      async replace(data) {
        const mode = await replacementMode(file, what);
        try {
          await writeDurably(join(holderFolder, staged), data, mode);
        } catch (error) {
          throw explainFileError(error, file, what);
        }
        try {
          // Through the link, not the folder: this succeeds only while the link still points here.
          await rename(join(paths.link, staged), file);
        } catch (error) {
          const code = errorCode(error);
          if (code === 'ENOENT' || code === 'ENOTDIR') throw new LockLostError(file);
          throw explainFileError(error, file, what);
        }
        await syncFolder(paths.folder);
      },
    });
  } finally {
    clearInterval(heartbeat);
    await release(paths, holderName);
  }
}
