/**
 * The local dataset as a workflow store: one NDJSON file, replaced atomically (temporary
 * file, fsync, rename) under a lock file, so two processes cannot interleave and an
 * interrupted write leaves the previous file intact. The result is validated as a whole —
 * pair rule included — before it replaces anything.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { writeFileAtomic } from '../content/atomicWrite.ts';
import { parseDataset } from '../content/dataset.ts';
import { toNdjson } from '../content/ndjson.ts';
import { applyPlan, type Plan } from './plan.ts';
import { Snapshot } from './snapshot.ts';
import type { WorkflowStore } from './store.ts';

const LOCK_WAIT_MS = 10_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs `work` holding `<path>.lock`; a lock left by a process that no longer runs is taken over. */
export async function withLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(lock, 'utf8').catch(() => '0'));
      if (holder && !isAlive(holder)) {
        await rm(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`数据集正被另一个进程（${holder}）修改：${lock}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}

export class DatasetStore implements WorkflowStore {
  readonly description: string;
  private readonly path: string;
  private readonly write: (path: string, data: string) => Promise<void>;

  constructor(path: string, options: { write?: (path: string, data: string) => Promise<void> } = {}) {
    this.path = path;
    this.description = path;
    this.write = options.write ?? writeFileAtomic;
  }

  async read(): Promise<Snapshot> {
    return new Snapshot(parseDataset(await readFile(this.path, 'utf8'), this.path).documents);
  }

  async transact(decide: (snapshot: Snapshot) => Plan): Promise<Plan> {
    return withLock(this.path, async () => {
      const snapshot = await this.read();
      const plan = decide(snapshot);
      const text = toNdjson(applyPlan(snapshot.documents, plan));
      parseDataset(text, this.path);
      await this.write(this.path, text);
      return plan;
    });
  }
}
