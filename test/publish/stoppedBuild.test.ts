/**
 * A build stopped for a withdrawal (core/publish/siteBuild.ts): stopped before its swap, the live
 * site is the one before and the build reports itself stopped; stopped after its swap, it is what
 * the public reads, and must say it went live — else the publisher, believing the old site still
 * served, would find the withdrawal's content "already live" and never build it.
 */
import { mkdtemp, readFile, readlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../core/publish/siteBuild.ts';

const FAKE_BUILD = fileURLToPath(new URL('./fixtures/fakeSiteBuild.ts', import.meta.url));

async function stoppedAt(swapMs: number, stopMs: number) {
  const site = join(await mkdtemp(join(tmpdir(), 'stopped-build-')), 'dist');
  const controller = new AbortController();
  const env = { ...process.env, FAKE_SWAP_MS: String(swapMs), FAKE_TOTAL_MS: String(swapMs + 5000) };
  const result = buildSite({ site, env, signal: controller.signal, script: FAKE_BUILD });
  setTimeout(() => controller.abort(), stopMs);
  return { site, result: await result };
}

describe('a build stopped for a withdrawal', () => {
  it('before its swap: reports itself stopped, and no site was switched in', async () => {
    const { site, result } = await stoppedAt(3000, 600);
    expect(result).toEqual({ ok: false, error: '构建已中止（撤回优先）' });
    await expect(readlink(site)).rejects.toThrow();
  });

  it('after its swap: reports the build it put live, which is the one served', async () => {
    const { site, result } = await stoppedAt(300, 1500);
    expect(result.ok).toBe(true);
    const served = basename(await readlink(site));
    expect(result).toEqual({ ok: true, build: served });
    expect(await readFile(join(site, 'index.html'), 'utf8')).toBe(served);
  });
});
