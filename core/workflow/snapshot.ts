/**
 * A read of everything the workflow needs, from either store: the content documents in
 * both their published and draft versions, the 审签单 and the audit log — of the whole
 * dataset, or of one unit (LakeStore.readUnit) together with the two dataset-wide facts a
 * transition needs beyond its unit, so it decides the same plan either way.
 */
import type { StoredDocument } from '../model/datasetRules.ts';
import { draftId, publishedId } from '../model/documentTypes.ts';
import type { AuditEntry, SignOffRecord } from '../model/workflowRecords.ts';

/** What a snapshot of part of the dataset carries about the rest of it. */
export interface DatasetFacts {
  /** The highest audit `seq` anywhere in the dataset. */
  highestAuditSeq?: number;
  /**
   * 索引号 assigned anywhere in the dataset (in documents or release audit entries) that a new
   * one must stay above — at least the highest of the current year.
   */
  indexNumbers?: readonly string[];
}

export class Snapshot {
  readonly documents: readonly StoredDocument[];
  readonly facts: DatasetFacts;
  private readonly byId: Map<string, StoredDocument>;

  constructor(documents: readonly StoredDocument[], facts: DatasetFacts = {}) {
    this.documents = documents;
    this.facts = facts;
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
    return this.audit().reduce((max, entry) => Math.max(max, entry.seq), this.facts.highestAuditSeq ?? 0) + 1;
  }

  /** Every 索引号 this snapshot knows to be taken: its documents', its release entries' and the carried ones. */
  takenIndexNumbers(): string[] {
    const taken: string[] = [...(this.facts.indexNumbers ?? [])];
    for (const doc of this.documents) if (typeof doc.indexNumber === 'string') taken.push(doc.indexNumber);
    for (const entry of this.audit())
      for (const item of entry.indexNumbers ?? []) if (typeof item.indexNumber === 'string') taken.push(item.indexNumber);
    return taken;
  }

  /** Ids of the content documents that exist in some version (published or draft). */
  contentIds(): string[] {
    return [
      ...new Set(
        this.documents
          .filter((d) => !d._type.startsWith('sanity.') && d._type !== 'signOff' && d._type !== 'workflowAudit')
          .map((d) => publishedId(d._id)),
      ),
    ];
  }
}
