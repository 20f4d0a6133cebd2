/**
 * The local dataset as a workflow store: one NDJSON file, read, decided on and replaced under
 * the file's lock (core/content/fileLock.ts), so that concurrent commands apply one after the
 * other and each decides on the file as the previous one left it. The new text is validated
 * as a whole — pair rule included — before it replaces anything, and the replacement is one
 * rename that succeeds only while the lock still holds: a command that reports success has its
 * change in the file.
 */
import { readFile } from 'node:fs/promises';
import { FileWriteError } from '../content/atomicWrite.ts';
import { parseDataset } from '../content/dataset.ts';
import { LockLostError, withFileLock, type HeldLock, type LockOptions } from '../content/fileLock.ts';
import { toNdjson } from '../content/ndjson.ts';
import { applyPlan, type Plan } from './plan.ts';
import { Snapshot } from './snapshot.ts';
import type { WorkflowStore } from './store.ts';

// A lock taken over in a race costs the displaced command one more round; more than a few means something else is wrong.
const ATTEMPTS = 5;

/** How long a command waits for one other holder of the dataset: `WORKFLOW_LOCK_WAIT_S` seconds, else the lock's default (10 s). */
function lockWait(): LockOptions {
  const seconds = Number(process.env.WORKFLOW_LOCK_WAIT_S);
  return Number.isFinite(seconds) && seconds > 0 ? { waitMs: seconds * 1000 } : {};
}

/**
 * Runs `work` holding the dataset's lock. Write the dataset with `lock.replace`: it succeeds only
 * while the lock still holds, where a plain atomic write could overwrite a newer holder's change.
 */
export function withLock<T>(path: string, work: (lock: HeldLock) => Promise<T>, options: LockOptions = {}): Promise<T> {
  return withFileLock(path, work, { what: '数据集', ...options });
}

export interface DatasetStoreOptions {
  /** Replaces the file instead of the lock's own atomic replace (tests use it to fail a write). */
  write?: (path: string, data: string) => Promise<void>;
  lock?: LockOptions;
}

export class DatasetStore implements WorkflowStore {
  readonly description: string;
  private readonly path: string;
  private readonly options: DatasetStoreOptions;

  constructor(path: string, options: DatasetStoreOptions = {}) {
    this.path = path;
    this.description = path;
    this.options = options;
  }

  async read(): Promise<Snapshot> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new FileWriteError(this.path, `数据集 ${this.path} 不存在：请用 --dataset 指定数据集文件`);
      if (code === 'EACCES' || code === 'EPERM') throw new FileWriteError(this.path, `没有读取数据集 ${this.path} 的权限（${code}）`);
      throw error;
    }
    return new Snapshot(parseDataset(text, this.path).documents);
  }

  async transact(decide: (snapshot: Snapshot) => Plan): Promise<Plan> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await withFileLock(
          this.path,
          async (lock) => {
            // Read inside the lock, every time: the decision must see what the previous holder wrote.
            const snapshot = await this.read();
            const plan = decide(snapshot);
            const text = toNdjson(applyPlan(snapshot.documents, plan));
            parseDataset(text, this.path);
            await (this.options.write ? this.options.write(this.path, text) : lock.replace(text));
            return plan;
          },
          { what: '数据集', ...lockWait(), ...this.options.lock },
        );
      } catch (error) {
        if (error instanceof LockLostError && attempt < ATTEMPTS) continue;
        throw error;
      }
    }
  }
}
