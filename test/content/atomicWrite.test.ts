import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../core/content/atomicWrite.ts';

describe('atomic file replace', () => {
  it('replaces the content and leaves no temporary file', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'atomic-'));
    const path = join(directory, 'dataset.ndjson');
    await writeFile(path, 'old\n');
    await writeFileAtomic(path, 'new\n');
    expect(await readFile(path, 'utf8')).toBe('new\n');
    expect(await readdir(directory)).toEqual(['dataset.ndjson']);
  });

  it('leaves the old file intact when the write fails', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'atomic-'));
    const path = join(directory, 'dataset.ndjson');
    await writeFile(path, 'old\n');
    // A value that cannot be written: the failure happens after the temporary file is opened.
    await expect(writeFileAtomic(path, 42 as unknown as string)).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('old\n');
    expect(await readdir(directory)).toEqual(['dataset.ndjson']);
  });
});
