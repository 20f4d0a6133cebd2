/**
 * Nothing lost under concurrency (issue 11, finding 1): real `workflow` commands, fifty at a
 * time, on a copy of the sample dataset — over a lock left by a dead process, over an empty lock
 * file, with some commands killed with SIGKILL mid-run — and a lock held by a live process.
 * Every success a command reports must be in the file afterwards, a unit is released at most
 * once, the file stays valid, and nothing temporary is left behind.
 *
 * The commands are spawned as `node scripts/workflow.ts` (what `npm run workflow` runs) with the
 * project's Node: fifty `npm` wrappers would triple the time on a small machine, and a SIGKILL
 * must reach the process that holds the lock, not its npm parent.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownerTag } from '../../core/content/atomicWrite.ts';
import { readDataset } from '../../core/content/dataset.ts';
import { LockLostError, withFileLock } from '../../core/content/fileLock.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { withLock } from '../../core/workflow/datasetStore.ts';
import { ROOT } from '../helpers/run.ts';

const PROJECT_NODE = join(ROOT, 'node_modules', 'node', 'bin', 'node');
const NODE = existsSync(PROJECT_NODE) ? PROJECT_NODE : process.execPath;
const SAMPLE = join(ROOT, 'content', 'dataset.ndjson');
// Submitted in the sample, waiting for sign-off: signed off once, then released by many at once.
const READY_UNIT = 'policy-2026-changzhutan-consumer';
const STACK_FRAME = /^\s+at .+[:(]/m;

interface Outcome {
  args: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  killed: boolean;
}

async function sampleCopy(): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'concurrency-')), 'dataset.ndjson');
  await copyFile(SAMPLE, path);
  return path;
}

/**
 * A workflow command, running alongside the others. `waitS`: how long it may wait for one other
 * holder of the lock — fifty commands starting at once on two busy cores can keep one holder
 * past the default 10 s, and a command that gives up (cleanly) is not what these tests look for.
 */
function workflow(dataset: string, args: string[], options: { killAfterMs?: number; waitS?: number } = {}): Promise<Outcome> {
  const { killAfterMs, waitS = 120 } = options;
  return new Promise((resolve) => {
    const env = { ...process.env, WORKFLOW_LOCK_WAIT_S: String(waitS) };
    const child = spawn(NODE, ['scripts/workflow.ts', ...args, '--dataset', dataset], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer =
      killAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            killed = true;
            child.kill('SIGKILL');
          }, killAfterMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ args, code, signal, stdout, stderr, killed: killed && signal === 'SIGKILL' });
    });
  });
}

function runSync(dataset: string, args: string[]): Outcome {
  const result = spawnSync(NODE, ['scripts/workflow.ts', ...args, '--dataset', dataset], { cwd: ROOT, encoding: 'utf8' });
  return { args, code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr, killed: false };
}

/**
 * Released units of the sample (published, nothing pending), from the command users run — less
 * the inspection plans, whose withdrawal the rules refuse while published results cite them.
 */
function releasedUnits(dataset: string): string[] {
  const { stdout } = runSync(dataset, ['status']);
  return [...stdout.matchAll(/^(\S+) \[已发布\]$/gm)].map((m) => m[1]!).filter((unit) => !unit.startsWith('plan-'));
}

/** The pid of a process that has just ended. */
function deadPid(): number {
  const child = spawnSync(NODE, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

const transactionOf = (outcome: Outcome) => /：完成（事务 (\S+)）/.exec(outcome.stdout)?.[1];

/** Whether the file holds the audit entry a reported success wrote (every document a transaction writes gets its id as `_rev`). */
function recorded(documents: StoredDocument[], unit: string, action: string, transaction: string): boolean {
  return documents.some((doc) => doc._type === 'workflowAudit' && doc._rev === transaction && doc.unit === unit && doc.action === action);
}

/** Every success a command reported is in the file; every failure said why without a stack trace. */
async function expectNothingLost(dataset: string, outcomes: Outcome[]): Promise<StoredDocument[]> {
  // Reads and validates the whole file: it must still be a dataset.
  const { documents } = await readDataset(dataset);
  for (const outcome of outcomes) {
    if (outcome.killed) continue;
    const [action, unit] = outcome.args;
    const transaction = transactionOf(outcome);
    if (outcome.code === 0) {
      expect(transaction, outcome.stdout).toBeDefined();
      expect(
        recorded(documents, unit!, action!, transaction!),
        `${action} ${unit} reported 完成 (${transaction}) but is not in the file`,
      ).toBe(true);
    } else {
      expect(outcome.code, outcome.stderr).toBe(1);
      expect(outcome.stderr, outcome.stderr).not.toMatch(STACK_FRAME);
    }
  }
  return documents;
}

async function expectOnlyTheDataset(dataset: string): Promise<void> {
  const folder = join(dataset, '..');
  expect(await readdir(folder)).toEqual(['dataset.ndjson']);
}

describe('fifty workflow commands at once', () => {
  it('over a lock left by a dead process: every withdrawal is saved and one of ten releases wins', async () => {
    const dataset = await sampleCopy();
    const units = releasedUnits(dataset);
    expect(units.length).toBeGreaterThanOrEqual(40);
    expect(runSync(dataset, ['signoff', READY_UNIT, '--as', '李审核', '--confidentiality-checked']).code).toBe(0);
    // What a process killed while holding the lock (older versions) left behind.
    await writeFile(`${dataset}.lock`, String(deadPid()));

    const commands = [
      ...units.slice(0, 40).map((unit) => ['withdraw', unit, '--as', '李审核', '--reason', '并发撤回测试']),
      ...Array.from({ length: 10 }, () => ['release', READY_UNIT, '--as', '李审核', '--late-reason', '测试：到期与否都可发布']),
    ];
    const outcomes = await Promise.all(commands.map((args) => workflow(dataset, args)));

    const withdrawals = outcomes.filter((o) => o.args[0] === 'withdraw');
    expect(withdrawals.filter((o) => o.code !== 0).map((o) => o.stderr)).toEqual([]);
    const releases = outcomes.filter((o) => o.args[0] === 'release' && o.code === 0);
    expect(releases).toHaveLength(1);
    for (const refused of outcomes.filter((o) => o.args[0] === 'release' && o.code !== 0)) {
      expect(refused.stderr).toContain('已发布');
    }
    const documents = await expectNothingLost(dataset, outcomes);
    expect(documents.filter((doc) => doc._type === 'workflowAudit' && doc.unit === READY_UNIT && doc.action === 'release')).toHaveLength(1);
    await expectOnlyTheDataset(dataset);
  }, 300_000);

  it('over an empty lock file, with a third of the commands killed mid-run: the rest are saved, the file stays whole', async () => {
    const dataset = await sampleCopy();
    const units = releasedUnits(dataset);
    await writeFile(`${dataset}.lock`, '');

    const commands = units.slice(0, 40).map((unit) => ['withdraw', unit, '--as', '李审核', '--reason', '并发撤回测试']);
    // Killed at random moments of their run: starting, waiting, reading, writing, releasing.
    const outcomes = await Promise.all(
      commands.map((args, index) => workflow(dataset, args, { killAfterMs: index % 3 === 0 ? 300 + Math.random() * 4000 : undefined })),
    );

    const survivors = outcomes.filter((o) => !o.killed);
    expect(survivors.length).toBeGreaterThanOrEqual(26);
    expect(survivors.filter((o) => o.code !== 0).map((o) => o.stderr)).toEqual([]);
    await expectNothingLost(dataset, outcomes);
    // A kill may leave its holder folder or temporary file; the next writer sweeps them.
    const last = runSync(dataset, ['withdraw', units[45]!, '--as', '李审核', '--reason', '收尾']);
    expect(last.code, last.stderr).toBe(0);
    await expectNothingLost(dataset, [last]);
    await expectOnlyTheDataset(dataset);
  }, 300_000);

  it('a lock held by a live process ends in a clear message naming the dataset, after the wait, with nothing changed', async () => {
    const dataset = await sampleCopy();
    const before = await readFile(dataset, 'utf8');
    const [unit] = releasedUnits(dataset);
    // This test's own process holds the lock, the way a running command does.
    const holder = `dataset.ndjson.lock-holder-${ownerTag()}`;
    await mkdir(join(dataset, '..', holder));
    await symlink(holder, `${dataset}.lock`);

    const started = Date.now();
    const outcome = await workflow(dataset, ['withdraw', unit!, '--as', '李审核', '--reason', '等待'], { waitS: 3 });
    expect(outcome.code).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
    expect(outcome.stderr).toMatch(/已等待 [34] 秒仍未释放/);
    expect(outcome.stderr).toContain(`数据集 ${dataset} 正被进程 ${process.pid} 修改`);
    expect(outcome.stderr).toContain('请等该操作完成后重试');
    expect(outcome.stderr).not.toMatch(STACK_FRAME);
    expect(await readFile(dataset, 'utf8')).toBe(before);
  });
});

describe('the lock', () => {
  it('takes over at once a lock whose holder’s pid runs but which no one has refreshed for a while (a reused pid)', async () => {
    const dataset = await sampleCopy();
    // This process's pid, so the holder looks alive; its folder untouched for a minute, so it is not.
    const holder = `dataset.ndjson.lock-holder-${ownerTag()}`;
    await mkdir(join(dataset, '..', holder));
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(join(dataset, '..', holder), minuteAgo, minuteAgo);
    await symlink(holder, `${dataset}.lock`);
    const started = Date.now();
    await expect(withLock(dataset, async () => 'ran')).resolves.toBe('ran');
    expect(Date.now() - started).toBeLessThan(5_000);
    await expectOnlyTheDataset(dataset);
  });

  it('a holder whose lock was taken over cannot write, even though its own folder is still there', async () => {
    const dataset = await sampleCopy();
    const before = await readFile(dataset, 'utf8');
    const attempt = withFileLock(dataset, async (lock) => {
      // Another process judged this lock abandoned, moved it aside and took the lock itself.
      await rename(`${dataset}.lock`, `${dataset}.moved`);
      await mkdir(join(dataset, '..', 'other-holder'));
      await symlink('other-holder', `${dataset}.lock`);
      await lock.replace('{"_id":"lost","_type":"x"}\n');
    });
    await expect(attempt).rejects.toBeInstanceOf(LockLostError);
    expect(await readFile(dataset, 'utf8')).toBe(before);
  });

  it('twelve processes racing over the same abandoned lock lose no increment of a counter', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'counter-'));
    const counter = join(folder, 'counter');
    await writeFile(counter, '0');
    await writeFile(`${counter}.lock`, String(deadPid()));
    // Read inside the lock, wait a little to widen every race, write back through the lock;
    // a holder whose lock was taken over starts again, as the dataset store does.
    const script = `
      import { readFileSync } from 'node:fs';
      import { LockLostError, withFileLock } from ${JSON.stringify(join(ROOT, 'core/content/fileLock.ts'))};
      for (;;) {
        try {
          await withFileLock(process.argv[1], async (lock) => {
            const n = Number(readFileSync(process.argv[1], 'utf8'));
            await new Promise((r) => setTimeout(r, 20));
            await lock.replace(String(n + 1));
          });
          break;
        } catch (error) {
          if (!(error instanceof LockLostError)) throw error;
        }
      }`;
    const children = Array.from(
      { length: 12 },
      () =>
        new Promise<number | null>((resolve) =>
          spawn(NODE, ['--input-type=module', '-e', script, counter], { stdio: 'inherit' }).on('close', resolve),
        ),
    );
    expect(await Promise.all(children)).toEqual(Array(12).fill(0));
    expect(await readFile(counter, 'utf8')).toBe('12');
    expect(await readdir(folder)).toEqual(['counter']);
  });
});
