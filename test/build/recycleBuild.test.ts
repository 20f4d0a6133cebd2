/**
 * An incremental build takes over the rollback build's folder (core/build/siteSwap.ts): its
 * directories, none of its files; never the served build's, never one a running build writes in.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneEmptyDirectories, servedFolder, startBuild, switchTo } from '../../core/build/siteSwap.ts';

async function build(target: string, pages: Record<string, string>, recycle = false): Promise<string> {
  const folder = await startBuild(target, { recycle });
  for (const [path, text] of Object.entries(pages)) {
    await mkdir(join(folder, path, '..'), { recursive: true });
    await writeFile(join(folder, path), text);
  }
  return folder;
}

describe('recycling the rollback build', () => {
  it('keeps the rollback’s folders and none of its files, and leaves the served build alone', async () => {
    const target = join(await mkdtemp(join(tmpdir(), 'recycle-')), 'dist');
    const first = await build(target, { 'index.html': '一', 'policies/a/index.html': 'A', 'policies/gone/index.html': 'G' });
    await switchTo(target, first);
    const second = await build(target, { 'index.html': '二', 'policies/a/index.html': 'A' });
    await switchTo(target, second);
    const rollback = (await stat(first)).ino;

    const third = await startBuild(target, { recycle: true });
    // The rollback's own folder, renamed, its folders kept and its files gone.
    expect((await stat(third)).ino).toBe(rollback);
    expect(existsSync(first)).toBe(false);
    expect(await readdir(join(third, 'policies'))).toEqual(expect.arrayContaining(['a', 'gone']));
    expect(await readdir(join(third, 'policies', 'a'))).toEqual([]);
    expect(existsSync(join(third, 'index.html'))).toBe(false);
    // The served build is as it was.
    expect(await servedFolder(target)).toBe(second);
    expect(await readFile(join(second, 'index.html'), 'utf8')).toBe('二');

    // What this build did not fill goes before the switch; kept folders stay even when empty.
    await writeFile(join(third, 'index.html'), '三');
    await writeFile(join(third, 'policies', 'a', 'index.html'), 'A');
    await mkdir(join(third, 'search-index', 'p'), { recursive: true });
    pruneEmptyDirectories(third, ['search-index']);
    expect(existsSync(join(third, 'policies', 'gone'))).toBe(false);
    expect(existsSync(join(third, 'policies', 'a', 'index.html'))).toBe(true);
    expect(existsSync(join(third, 'search-index', 'p'))).toBe(true);
  });

  it('starts from an empty folder when only the served build is there', async () => {
    const target = join(await mkdtemp(join(tmpdir(), 'recycle-')), 'dist');
    const first = await build(target, { 'index.html': '一' });
    await switchTo(target, first);
    const next = await startBuild(target, { recycle: true });
    expect(next).not.toBe(first);
    expect(await readdir(next)).toEqual([]);
    expect(await readFile(join(first, 'index.html'), 'utf8')).toBe('一');
  });
});
