/**
 * The local Content Lake's documents: the dataset file held in memory, written through the
 * same lock, validation and atomic replace as `npm run workflow` (datasetStore.ts), so the
 * two never interleave and a write that fails leaves the file as it was. Changes made to the
 * file by others are picked up (checked before each request and every second) and told to
 * listeners like any other transaction.
 */
import { readFile, stat } from 'node:fs/promises';
import { parseDataset } from '../content/dataset.ts';
import { datasetProblems, DocumentRuleMemo } from '../model/datasetRules.ts';
import { formatProblem } from '../model/problems.ts';
import { withLock } from '../workflow/datasetStore.ts';
import { dataError } from './errors.ts';
import { TransactionHistory, transactionLogPathFor, type CommittedTransaction } from './history.ts';
import { newTransactionId, Transaction, type Change, type LakeDocument } from './transaction.ts';

export interface LocalLakeOptions {
  datasetPath: string;
  /** Defaults to `<dataset>.transactions.ndjson` beside the dataset. */
  transactionLogPath?: string;
  now?: () => Date;
  /** How often the dataset file is checked for changes made by others; 0 turns the check off. */
  watchIntervalMs?: number;
}

async function fileStamp(path: string): Promise<string> {
  const info = await stat(path);
  return `${info.ino}:${info.size}:${info.mtimeMs}`;
}

function sameContent(a: LakeDocument, b: LakeDocument): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class LocalLake {
  readonly datasetPath: string;
  readonly history: TransactionHistory;
  private docs = new Map<string, LakeDocument>();
  private stamp = '';
  private queue: Promise<unknown> = Promise.resolve();
  private readonly subscribers = new Set<(transaction: CommittedTransaction) => void>();
  private readonly now: () => Date;
  private timer: NodeJS.Timeout | undefined;
  /**
   * A write changes a few documents of thousands: what is known of the others — that they are
   * valid, their references, their line of the file — is kept, keyed by the (never mutated)
   * document object, so a write checks and serialises only what it changes.
   */
  private readonly memo = new DocumentRuleMemo();
  private readonly lines = new WeakMap<LakeDocument, string>();
  /** Why the file on disk could not be read last time, if it could not (writes refuse until fixed). */
  private unreadable: string | undefined;

  private constructor(options: LocalLakeOptions, history: TransactionHistory) {
    this.datasetPath = options.datasetPath;
    this.history = history;
    this.now = options.now ?? (() => new Date());
  }

  static async open(options: LocalLakeOptions): Promise<LocalLake> {
    const history = await TransactionHistory.open(options.transactionLogPath ?? transactionLogPathFor(options.datasetPath));
    const lake = new LocalLake(options, history);
    const text = await readFile(options.datasetPath, 'utf8');
    lake.docs = new Map(parseDataset(text, options.datasetPath).documents.map((doc) => [doc._id, doc as LakeDocument]));
    lake.stamp = await fileStamp(options.datasetPath);
    const interval = options.watchIntervalMs ?? 1000;
    if (interval > 0) {
      lake.timer = setInterval(() => void lake.refresh().catch(() => undefined), interval);
      lake.timer.unref();
    }
    return lake;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.subscribers.clear();
  }

  documents(): LakeDocument[] {
    return [...this.docs.values()];
  }

  get(id: string): LakeDocument | undefined {
    return this.docs.get(id);
  }

  subscribe(listener: (transaction: CommittedTransaction) => void): () => void {
    this.subscribers.add(listener);
    return () => this.subscribers.delete(listener);
  }

  /** Reads the file again if someone else changed it; returns once the memory matches the disk. */
  refresh(): Promise<void> {
    return this.serially(() => this.refreshNow());
  }

  /**
   * Runs `work` as one transaction under the dataset lock and commits what it changed: the
   * whole dataset is validated, then written atomically, then logged and told to listeners.
   * Throws (a LakeError for the client) with nothing written when any step refuses.
   */
  write<R>(
    author: string,
    transactionId: string | undefined,
    work: (tx: Transaction, all: () => LakeDocument[]) => Promise<R> | R,
  ): Promise<{ transaction: CommittedTransaction; value: R }> {
    return this.serially(() =>
      withLock(this.datasetPath, async (lock) => {
        await this.refreshNow();
        if (this.unreadable) throw dataError(500, 'datasetUnreadableError', this.unreadable);
        // A client that retries a write it did not hear back from must not apply it twice.
        if (transactionId && this.history.has(transactionId))
          throw dataError(409, 'conflict', `Transaction ID "${transactionId}" has already been used`);
        const id = transactionId || newTransactionId();
        const timestamp = this.now().toISOString();
        const tx = new Transaction(this.docs, id, timestamp);
        const value = await work(tx, () => this.documents());
        const changes = tx.changes();
        const transaction: CommittedTransaction = { id, timestamp, author, changes };
        if (changes.length === 0) return { transaction, value };
        const next = this.apply(changes);
        const documents = [...next.values()];
        // The rules parseDataset applies to a file, applied to the documents before they become
        // one (reading the text back would only add a JSON parse: 0.45 s at 10,000 documents).
        const problems = datasetProblems(
          documents.map((doc, index) => ({ doc, line: index + 1 })),
          { memo: this.memo },
        );
        if (problems.length > 0) {
          throw dataError(400, 'validationError', `数据集校验未通过，未写入：\n${problems.slice(0, 20).map(formatProblem).join('\n')}`, {
            items: problems.map((problem) => ({
              error: { description: formatProblem(problem), id: problem.id, field: problem.field, type: 'validationError' },
            })),
          });
        }
        await lock.replace(this.serialise(documents));
        this.docs = next;
        this.stamp = await fileStamp(this.datasetPath);
        await this.commit(transaction);
        return { transaction, value };
      }),
    );
  }

  /** The dataset file's text (what toNdjson writes), each unchanged document's line reused. */
  private serialise(documents: LakeDocument[]): string {
    return `${documents
      .map((doc) => {
        let line = this.lines.get(doc);
        if (line === undefined) {
          line = JSON.stringify(doc);
          this.lines.set(doc, line);
        }
        return line;
      })
      .join('\n')}\n`;
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** The documents after `changes`, in file order: changed ones in place, new ones at the end. */
  private apply(changes: Change[]): Map<string, LakeDocument> {
    const next = new Map(this.docs);
    for (const { id, after } of changes) {
      if (after) next.set(id, after);
      else next.delete(id);
    }
    return next;
  }

  private async commit(transaction: CommittedTransaction): Promise<void> {
    await this.history.append(transaction);
    for (const subscriber of this.subscribers) subscriber(transaction);
  }

  private async refreshNow(): Promise<void> {
    const stamp = await fileStamp(this.datasetPath).catch(() => undefined);
    if (stamp === undefined || stamp === this.stamp) return;
    let documents: LakeDocument[];
    try {
      documents = parseDataset(await readFile(this.datasetPath, 'utf8'), this.datasetPath).documents as LakeDocument[];
    } catch (error) {
      this.unreadable = `数据集文件已被修改且无法读取（${(error as Error).message.split('\n')[0]}），请先修复：${this.datasetPath}`;
      return;
    }
    this.unreadable = undefined;
    this.stamp = stamp;
    const id = newTransactionId();
    const changes: Change[] = [];
    const next = new Map<string, LakeDocument>();
    for (let doc of documents) {
      const before = this.docs.get(doc._id) ?? null;
      if (before && sameContent(before, doc)) {
        next.set(doc._id, before);
        continue;
      }
      // An edit by hand that kept the revision still needs a new one, or clients miss it.
      if (!doc._rev || doc._rev === before?._rev) doc = { ...doc, _rev: id };
      next.set(doc._id, doc);
      changes.push({ id: doc._id, before, after: doc });
    }
    for (const [docId, before] of this.docs) if (!next.has(docId)) changes.push({ id: docId, before, after: null });
    this.docs = next;
    if (changes.length > 0) await this.commit({ id, timestamp: this.now().toISOString(), author: '', changes });
  }
}
