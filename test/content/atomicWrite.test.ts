import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileWriteError, HOST, ownerTag, writeFileAtomic } from '../../core/content/atomicWrite.ts';
import { ROOT } from '../helpers/run.ts';

const PROJECT_NODE = join(ROOT, 'node_modules', 'node', 'bin', 'node');
const NODE = existsSync(PROJECT_NODE) ? PROJECT_NODE : process.execPath;
const STACK_FRAME = /^\s+at .+[:(]/m;

async function folderWith(content: string) {
  const directory = await mkdtemp(join(tmpdir(), 'atomic-'));
  const path = join(directory, 'dataset.ndjson');
  await writeFile(path, content);
  return { directory, path };
}

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

function deadPid(): number {
  return Number(spawnSync(NODE, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim());
}

/** A workflow command on a copy of the sample dataset, as a user without root's privileges when the tests run as root. */
function withdraw(dataset: string, asNobody = false) {
  const nobody = asNobody && process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  return spawnSync(
    NODE,
    ['scripts/workflow.ts', 'withdraw', 'analysis-2024-q1', '--as', '李审核', '--reason', '测试', '--dataset', dataset],
    {
      cwd: ROOT,
      encoding: 'utf8',
      ...nobody,
    },
  );
}

describe('atomic file replace', () => {
  it('replaces the content and leaves no temporary file', async () => {
    const { directory, path } = await folderWith('old\n');
    await writeFileAtomic(path, 'new\n');
    expect(await readFile(path, 'utf8')).toBe('new\n');
    expect(await readdir(directory)).toEqual(['dataset.ndjson']);
  });

  it('leaves the old file intact when the write fails', async () => {
    const { directory, path } = await folderWith('old\n');
    // A value that cannot be written: the failure happens after the temporary file is opened.
    await expect(writeFileAtomic(path, 42 as unknown as string)).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('old\n');
    expect(await readdir(directory)).toEqual(['dataset.ndjson']);
  });

  it('keeps the file’s permissions: a 0600 file stays 0600, a 0640 one 0640', async () => {
    for (const mode of [0o600, 0o640]) {
      const { path } = await folderWith('old\n');
      await chmod(path, mode);
      await writeFileAtomic(path, 'new\n');
      expect(await modeOf(path)).toBe(mode);
    }
  });

  it('refuses to replace a read-only (0444) file, naming it, and leaves it as it was', async () => {
    const { path } = await folderWith('old\n');
    await chmod(path, 0o444);
    const error = await writeFileAtomic(path, 'new\n').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FileWriteError);
    expect((error as Error).message).toContain(`${path} 是只读的（权限 0444）`);
    expect(await readFile(path, 'utf8')).toBe('old\n');
    expect(await modeOf(path)).toBe(0o444);
  });

  it('removes temporary files that killed writers left, and only theirs', async () => {
    const { directory, path } = await folderWith('old\n');
    const dead = deadPid();
    const leftovers = [`.dataset.ndjson.tmp-${dead}-${HOST}-0badc0de`, `.dataset.ndjson.${dead}.1767225600000.tmp`];
    // A writer that still runs (this process) is mid-way through its own replace.
    const inProgress = `.dataset.ndjson.tmp-${ownerTag()}`;
    for (const name of [...leftovers, inProgress]) await writeFile(join(directory, name), 'partial');
    await writeFileAtomic(path, 'new\n');
    expect((await readdir(directory)).sort()).toEqual([inProgress, 'dataset.ndjson'].sort());
  });
});

describe('the workflow command on a dataset it must not or cannot replace', () => {
  it('keeps a 0600 dataset 0600', async () => {
    const { path } = await folderWith('');
    await copyFile(join(ROOT, 'content', 'dataset.ndjson'), path);
    await chmod(path, 0o600);
    const result = withdraw(path);
    expect(result.status, result.stderr).toBe(0);
    expect(await modeOf(path)).toBe(0o600);
  });

  it('refuses a read-only (0444) dataset with a message naming it, exit 1, nothing changed', async () => {
    const { path } = await folderWith('');
    await copyFile(join(ROOT, 'content', 'dataset.ndjson'), path);
    await chmod(path, 0o444);
    const before = await readFile(path, 'utf8');
    const result = withdraw(path);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`数据集 ${path} 是只读的（权限 0444），未作任何修改`);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('explains a folder it may not write into (EACCES), naming it, exit 1, nothing changed', async () => {
    const { directory, path } = await folderWith('');
    await copyFile(join(ROOT, 'content', 'dataset.ndjson'), path);
    await chmod(path, 0o644);
    await chmod(directory, 0o555);
    const before = await readFile(path, 'utf8');
    // Root writes into read-only folders; the command then runs as `nobody`.
    const result = withdraw(path, true);
    expect(result.status, result.stdout).toBe(1);
    expect(result.stderr).toContain(`不能写入数据集 ${path}：没有写入文件夹 ${directory} 的权限（EACCES）`);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(await readFile(path, 'utf8')).toBe(before);
    expect(await readdir(directory)).toEqual(['dataset.ndjson']);
  });
});
