/** Runs a project command the way a user does (`npm run …`), under the project's own Node. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runNpm(args: string[], options: { cwd?: string; env?: Record<string, string>; timeout?: number } = {}): RunResult {
  const result = spawnSync('npm', ['run', '--silent', ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, DO_NOT_TRACK: '1', SANITY_TELEMETRY_DISABLED: '1', ...options.env },
    encoding: 'utf8',
    timeout: options.timeout ?? 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
