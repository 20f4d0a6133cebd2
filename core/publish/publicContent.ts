/**
 * What the public build reads, reduced to a fingerprint, and the workflow's releases and
 * withdrawals so far — so the publisher rebuilds only when the public site would change.
 *
 * The public build reads the `published` perspective and selects only 主动公开 documents (and the
 * departments and assets they point at). A draft edit, a 送审, a 审签 or a non-public document
 * changes none of that, so none of them changes the fingerprint; a release, a withdrawal or a raw
 * edit of a published proactive document does.
 */
import { createHash } from 'node:crypto';
import { readDatasetLines } from '../content/dataset.ts';
import { isPublicType, isPublishedId, isRecordType } from '../model/documentTypes.ts';

/** A release or withdrawal the deploy log can name. */
export interface WorkflowEvent {
  unit: string;
  action: 'release' | 'withdraw';
  seq: number;
  at: string;
}

export interface PublicContent {
  /** sha256 of the public documents, in `_id` order. */
  fingerprint: string;
  /** The highest audit sequence number read: every release/withdrawal up to it is in this content. */
  auditSeq: number;
  /** Every release and withdrawal of the audit log, in sequence order. */
  events: WorkflowEvent[];
  /** The latest transaction id seen among the public documents (their highest `_updatedAt`'s `_rev`), for the log. */
  latestRev?: string;
}

interface Doc {
  _id?: unknown;
  _type?: unknown;
  _rev?: unknown;
  _updatedAt?: unknown;
  disclosure?: { mode?: unknown };
  unit?: unknown;
  seq?: unknown;
  action?: unknown;
  at?: unknown;
}

/** Whether the public build can show anything of this document. */
function readsPublicly(doc: Doc): boolean {
  if (typeof doc._id !== 'string' || typeof doc._type !== 'string') return true; // a broken line fails the build: it counts
  if (!isPublishedId(doc._id) || isRecordType(doc._type)) return false;
  if (isPublicType(doc._type)) return doc.disclosure?.mode === 'proactive';
  return true;
}

/** Collects lines (raw JSON text) into a PublicContent. */
export class PublicContentReader {
  private readonly lines: [string, string][] = [];
  private auditSeq = 0;
  private readonly events: WorkflowEvent[] = [];
  private latest: { at: string; rev: string } | undefined;

  addLine(line: string): void {
    if (line.trim() === '') return;
    let doc: Doc;
    try {
      doc = JSON.parse(line) as Doc;
    } catch {
      // Not JSON: the build will refuse it, so it must count as a change.
      this.lines.push([`\uffff${line}`, line]);
      return;
    }
    this.addDocument(doc, line);
  }

  addDocument(doc: Doc, text = JSON.stringify(doc)): void {
    if (doc._type === 'workflowAudit' && typeof doc._id === 'string' && isPublishedId(doc._id)) {
      const seq = typeof doc.seq === 'number' ? doc.seq : 0;
      this.auditSeq = Math.max(this.auditSeq, seq);
      if ((doc.action === 'release' || doc.action === 'withdraw') && typeof doc.unit === 'string') {
        this.events.push({ unit: doc.unit, action: doc.action, seq, at: typeof doc.at === 'string' ? doc.at : '' });
      }
      return;
    }
    if (!readsPublicly(doc)) return;
    this.lines.push([String(doc._id), text]);
    if (typeof doc._updatedAt === 'string' && typeof doc._rev === 'string' && (!this.latest || doc._updatedAt > this.latest.at)) {
      this.latest = { at: doc._updatedAt, rev: doc._rev };
    }
  }

  result(): PublicContent {
    const hash = createHash('sha256');
    for (const [, text] of this.lines.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1)))
      hash.update(text).update('\n');
    return {
      fingerprint: hash.digest('hex'),
      auditSeq: this.auditSeq,
      events: this.events.sort((a, b) => a.seq - b.seq),
      ...(this.latest ? { latestRev: this.latest.rev } : {}),
    };
  }
}

/** The public content of a local dataset file (`.ndjson` or export `.tar.gz`), read as it is now. */
export async function readPublicContent(path: string): Promise<PublicContent> {
  const reader = new PublicContentReader();
  await readDatasetLines(path, (line) => reader.addLine(line));
  return reader.result();
}
