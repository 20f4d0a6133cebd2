/**
 * A read of everything the workflow needs, from either store: the content documents in
 * both their published and draft versions, the 审签单 and the audit log.
 */
import type { StoredDocument } from '../model/datasetRules.ts';
import { draftId, publishedId } from '../model/documentTypes.ts';
import type { AuditEntry, SignOffRecord } from '../model/workflowRecords.ts';

export class Snapshot {
  readonly documents: readonly StoredDocument[];
  private readonly byId: Map<string, StoredDocument>;

  constructor(documents: readonly StoredDocument[]) {
    this.documents = documents;
    this.byId = new Map(documents.map((doc) => [doc._id, doc]));
  }

  published(id: string): StoredDocument | undefined {
    return this.byId.get(publishedId(id));
  }

  draft(id: string): StoredDocument | undefined {
    return this.byId.get(draftId(id));
  }

  /** What an editor sees: the draft when there is one, else the published version. */
  current(id: string): StoredDocument | undefined {
    return this.draft(id) ?? this.published(id);
  }

  get(id: string): StoredDocument | undefined {
    return this.byId.get(id);
  }

  audit(unit?: string): AuditEntry[] {
    return (this.documents.filter((d) => d._type === 'workflowAudit') as unknown as AuditEntry[])
      .filter((entry) => unit === undefined || entry.unit === unit)
      .sort((a, b) => a.seq - b.seq);
  }

  signOff(id: string): SignOffRecord | undefined {
    const doc = this.byId.get(id);
    return doc?._type === 'signOff' ? (doc as unknown as SignOffRecord) : undefined;
  }

  nextAuditSeq(): number {
    return this.audit().reduce((max, entry) => Math.max(max, entry.seq), 0) + 1;
  }

  /** Ids of the content documents that exist in some version (published or draft). */
  contentIds(): string[] {
    return [...new Set(this.documents.filter((d) => !d._type.startsWith('sanity.') && d._type !== 'signOff' && d._type !== 'workflowAudit').map((d) => publishedId(d._id)))];
  }
}
