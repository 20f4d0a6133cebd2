/**
 * One write to the local Content Lake: a working copy over the current documents that the
 * mutations or actions of a request change. Nothing is visible until the whole transaction
 * has been validated and written; every document it writes gets the transaction id as `_rev`.
 */
import { randomBytes } from 'node:crypto';

export interface LakeDocument {
  _id: string;
  _type: string;
  _rev?: string;
  _createdAt?: string;
  _updatedAt?: string;
  [field: string]: unknown;
}

/** A document before and after a transaction (null: absent). */
export interface Change {
  id: string;
  before: LakeDocument | null;
  after: LakeDocument | null;
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random id in the Content Lake's style (22 characters of base 62). */
export function newTransactionId(): string {
  const bytes = randomBytes(22);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

export class Transaction {
  private readonly touched = new Map<string, LakeDocument | null>();
  private readonly base: ReadonlyMap<string, LakeDocument>;
  readonly id: string;
  readonly timestamp: string;

  constructor(base: ReadonlyMap<string, LakeDocument>, id: string, timestamp: string) {
    this.base = base;
    this.id = id;
    this.timestamp = timestamp;
  }

  get(id: string): LakeDocument | undefined {
    if (this.touched.has(id)) return this.touched.get(id) ?? undefined;
    return this.base.get(id);
  }

  /** Writes a document: stamped with this transaction's revision and time. */
  put(doc: LakeDocument): LakeDocument {
    const before = this.base.get(doc._id);
    const stored: LakeDocument = {
      ...doc,
      _createdAt: before?._createdAt ?? (typeof doc._createdAt === 'string' ? doc._createdAt : this.timestamp),
      _updatedAt: this.timestamp,
      _rev: this.id,
    };
    this.touched.set(doc._id, stored);
    return stored;
  }

  delete(id: string): void {
    this.touched.set(id, null);
  }

  /** What this transaction changes, in the order it first touched each document; no-ops left out. */
  changes(): Change[] {
    const changes: Change[] = [];
    for (const [id, after] of this.touched) {
      const before = this.base.get(id) ?? null;
      if (before === null && after === null) continue;
      changes.push({ id, before, after });
    }
    return changes;
  }
}
