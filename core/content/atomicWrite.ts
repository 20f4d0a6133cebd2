/**
 * Replaces a file so that readers — and a process killed at any moment — see either the old
 * content or the new, never a part: the new content goes into a temporary file on the same file
 * system, is flushed to disk, and is renamed over the target in one step.
 *
 * The replacement keeps what the owner decided about the file: it gets the target's permission
 * bits (a 0600 dataset stays 0600), and a target without its owner's write bit (0444) is refused,
 * because renaming over it would silently undo a deliberate "do not change". Permission problems
 * and full disks become a `FileWriteError` that names the path and says what to do, with nothing
 * changed.
 *
 * Temporary files carry the writer's process id (`.<name>.tmp-<pid>-<host>-<random>`), so a
 * writer killed before its rename leaves a file that the next writer recognises and removes.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** A file could not be written for a reason the operator must fix; the message says which path and what to do. */
export class FileWriteError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(message);
    this.name = 'FileWriteError';
    this.path = path;
  }
}

const NOT_PERMITTED = new Set(['EACCES', 'EPERM']);

/** Turns a file-system failure into a FileWriteError naming `path`; anything unexpected is returned as it is. */
export function explainFileError(error: unknown, path: string, what = '文件'): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const folder = dirname(path);
  if (code && NOT_PERMITTED.has(code)) {
    return new FileWriteError(
      path,
      `不能写入${what} ${path}：没有写入文件夹 ${folder} 的权限（${code}），未作任何修改。请检查该文件夹的权限（需可写），或换一个可写的位置。`,
    );
  }
  if (code === 'EROFS')
    return new FileWriteError(path, `不能写入${what} ${path}：文件夹 ${folder} 所在的文件系统是只读的（EROFS），未作任何修改。`);
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new FileWriteError(path, `不能写入${what} ${path}：磁盘空间或配额已满（${code}），未作任何修改。请腾出空间后重试。`);
  if (code === 'ENOENT') return new FileWriteError(path, `不能写入${what} ${path}：文件夹 ${folder} 不存在（ENOENT），未作任何修改。`);
  return error;
}

/**
 * The permission bits the new file must get: the target's own, or the default for a new file.
 * Refuses a target whose owner has no write permission.
 */
export async function replacementMode(path: string, what = '文件'): Promise<number | undefined> {
  let mode: number;
  try {
    mode = (await stat(path)).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw explainFileError(error, path, what);
  }
  if ((mode & 0o200) === 0) {
    const octal = mode.toString(8).padStart(4, '0');
    throw new FileWriteError(path, `${what} ${path} 是只读的（权限 ${octal}），未作任何修改。若确需修改，先恢复写权限：chmod u+w ${path}`);
  }
  return mode;
}

/** Writes `data` into a new file at `temporary` with `mode`, flushed to disk. Removes it again on failure. */
export async function writeDurably(temporary: string, data: string | Uint8Array, mode: number | undefined): Promise<void> {
  const handle = await open(temporary, 'wx', mode ?? 0o666);
  try {
    // open() applies the umask; the replacement must have exactly the target's bits.
    if (mode !== undefined) await handle.chmod(mode);
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
}

/** Flushes a folder, so that a rename in it survives a power cut. */
export async function syncFolder(folder: string): Promise<void> {
  const directory = await open(folder, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}

/** This machine, as file names written by `ownerTag` spell it. */
export const HOST =
  hostname()
    .replace(/[^A-Za-z0-9]/g, '_')
    .slice(0, 32) || 'host';

/** A name part that says which process on which machine made a file, for recognising leftovers. */
export function ownerTag(): string {
  return `${process.pid}-${HOST}-${randomBytes(4).toString('hex')}`;
}

/** Reads back what `ownerTag` wrote; `undefined` for a name it did not write. */
export function parseOwnerTag(tag: string): { pid: number; host: string } | undefined {
  const match = /^(\d+)-([A-Za-z0-9_]+)-[0-9a-f]{8}$/.exec(tag);
  return match ? { pid: Number(match[1]), host: match[2]! } : undefined;
}

/** Whether a process of this machine with `pid` still runs. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a file tagged by `ownerTag` was left by a process of this machine that no longer runs. */
export function isLeftover(tag: string): boolean {
  const owner = parseOwnerTag(tag);
  return owner !== undefined && owner.host === HOST && !isRunning(owner.pid);
}

const TEMPORARY = /^\.(.+)\.tmp-(.+)$/;
// What versions before this one left behind: `.<name>.<pid>.<milliseconds>.tmp`.
const OLD_TEMPORARY = /^\.(.+)\.(\d+)\.\d+\.tmp$/;

/** Whether a directory entry is the temporary file of a writer killed before its rename (any target). */
export function isLeftoverTemporary(entry: string): boolean {
  const current = TEMPORARY.exec(entry);
  return current !== null && isLeftover(current[2]!);
}

/** Removes the temporary files of `path` that writers killed before their rename left behind. */
export async function sweepTemporaryFiles(path: string): Promise<void> {
  const name = basename(path);
  let entries: string[];
  try {
    entries = await readdir(dirname(path));
  } catch {
    return;
  }
  for (const entry of entries) {
    const current = TEMPORARY.exec(entry);
    const old = OLD_TEMPORARY.exec(entry);
    const dead = (current && current[1] === name && isLeftover(current[2]!)) || (old && old[1] === name && !isRunning(Number(old[2])));
    if (dead) await rm(join(dirname(path), entry), { force: true });
  }
}

/** Replaces `path` with `data` atomically (see the module comment). */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const mode = await replacementMode(path);
  await sweepTemporaryFiles(path);
  const temporary = join(dirname(path), `.${basename(path)}.tmp-${ownerTag()}`);
  try {
    await writeDurably(temporary, data, mode);
  } catch (error) {
    throw explainFileError(error, path);
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw explainFileError(error, path);
  }
  await syncFolder(dirname(path));
}
