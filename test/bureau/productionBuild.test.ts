/** `npm run build -- --production` without SITE_URL is refused before anything is read or written. */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runNpm } from '../helpers/run.ts';

describe('a production build', () => {
  it('is refused without SITE_URL, with a message saying how to set it, and writes nothing', () => {
    const out = join('.tmp', `refused-${process.pid}`);
    const env = { SITE_URL: '', SITE_ENV: '' };
    for (const [args, extra] of [
      [['build', '--', '--production', '--out', out], {}],
      [['build', '--', '--out', out], { SITE_ENV: 'production' }],
    ] as const) {
      const result = runNpm([...args], { env: { ...env, ...extra } });
      expect(result.status, result.stdout).toBe(2);
      expect(result.stderr).toContain('必须设置 SITE_URL');
      expect(result.stderr).toContain('SITE_URL=https://');
      expect(existsSync(join(ROOT, out)), out).toBe(false);
      expect(existsSync(join(ROOT, `${out}.builds`)), out).toBe(false);
    }
  });
});
