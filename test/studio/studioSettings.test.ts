/**
 * The Studio's settings (SANITY_STUDIO_…) reach the browser: its bundler replaces each
 * `process.env.SANITY_STUDIO_<NAME>` written out in full by the value at build time, and
 * nothing else — `process.env` alone becomes `{}`, so a setting read through it is silently
 * the default in every build (「预览」 opened http://localhost:4322 whatever the build said).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.ts';

const SKIPPED = new Set(['node_modules', 'dist', '.sanity']);

async function sources(directory: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(path)));
    else if (/\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** The code without its comments (which may name a setting in prose). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

describe('Studio settings', () => {
  it('reads every SANITY_STUDIO_ setting as process.env.SANITY_STUDIO_<NAME>, which the bundler replaces', async () => {
    const misread: string[] = [];
    let read = 0;
    for (const file of await sources(join(ROOT, 'studio'))) {
      const text = code(await readFile(file, 'utf8'));
      for (const match of text.matchAll(/(\S{0,12})\bSANITY_STUDIO_[A-Z0-9_]+/g)) {
        read += 1;
        if (!match[1]!.endsWith('process.env.')) misread.push(`${relative(ROOT, file)}: ${match[0]}`);
      }
    }
    expect(read).toBeGreaterThan(0);
    expect(misread).toEqual([]);
  });
});
