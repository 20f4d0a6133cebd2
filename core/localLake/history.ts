/**
 * The transaction log: every committed transaction with the documents it changed, before and
 * after, appended as one NDJSON line to a file beside the dataset. It answers the History API
 * (the Studio's history panel; the workflow's "who last edited this draft") and lets the
 * listener tell a client that reconnects what it missed.
 */
import { appendFile, readFile } from 'node:fs/promises';
import type { Change, LakeDocument } from './transaction.ts';

export interface CommittedTransaction {
  id: string;
  timestamp: string;
  /** User id of the author; empty for writes made outside the server (npm run workflow …). */
  author: string;
  changes: Change[];
}

/** `content/dataset.ndjson` → `content/dataset.transactions.ndjson`. */
export function transactionLogPathFor(datasetPath: string): string {
  return `${datasetPath.replace(/\.ndjson$/, '')}.transactions.ndjson`;
}

/** A document's state without `_rev`, as mendoza effects carry it. */
function withoutRev(doc: LakeDocument | null): Omit<LakeDocument, '_rev'> | null {
  if (!doc) return null;
  const { _rev: _r, ...rest } = doc;
  return rest;
}

/**
 * Effects in mendoza form. `[0, value]` (opcode Value) makes the whole new state, which every
 * mendoza reader applies; the Content Lake sends smaller diffs, to the same end.
 */
export function effectsOf(change: Change) {
  return { apply: [0, withoutRev(change.after)], revert: [0, withoutRev(change.before)] };
}

/** The document mutations that take `before` to `after`: the state itself, as a listener can replay it. */
export function mutationsOf(change: Change): unknown[] {
  return change.after ? [{ createOrReplace: change.after }] : [{ delete: { id: change.id } }];
}

export class TransactionHistory {
  private readonly entries: CommittedTransaction[] = [];
  private readonly ids = new Set<string>();
  private readonly path: string;

  private constructor(path: string) {
    this.path = path;
  }

  static async open(path: string): Promise<TransactionHistory> {
    const history = new TransactionHistory(path);
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      // A line cut short by a crash is the only one that can be broken: it is left out.
      try {
        const entry = JSON.parse(line) as CommittedTransaction;
        history.entries.push(entry);
        history.ids.add(entry.id);
      } catch {}
    }
    return history;
  }

  async append(transaction: CommittedTransaction): Promise<void> {
    this.entries.push(transaction);
    this.ids.add(transaction.id);
    await appendFile(this.path, `${JSON.stringify(transaction)}\n`);
  }

  has(transactionId: string): boolean {
    return this.ids.has(transactionId);
  }

  /** Transactions after the one with this id, or undefined when the id is not in the log. */
  since(transactionId: string): CommittedTransaction[] | undefined {
    const index = this.entries.findIndex((entry) => entry.id === transactionId);
    return index < 0 ? undefined : this.entries.slice(index + 1);
  }

  /** Transactions that changed any of these documents, oldest first. */
  touching(ids: readonly string[]): CommittedTransaction[] {
    const wanted = new Set(ids);
    return this.entries.filter((entry) => entry.changes.some((change) => wanted.has(change.id)));
  }

  /** A document as it was at a revision, or at a time (the last state written by then). */
  documentAt(id: string, at: { revision?: string; time?: string }): LakeDocument | null | undefined {
    let found: LakeDocument | null | undefined;
    for (const entry of this.entries) {
      const change = entry.changes.find((c) => c.id === id);
      if (!change) continue;
      if (at.revision !== undefined) {
        if (change.after?._rev === at.revision) return change.after;
        if (change.before?._rev === at.revision) found = change.before;
      } else if (at.time !== undefined) {
        if (entry.timestamp > at.time) return found === undefined ? change.before : found;
        found = change.after;
      }
    }
    return found;
  }
}
