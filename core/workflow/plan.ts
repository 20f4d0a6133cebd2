/**
 * What a transition writes, as a list of operations applied all together or not at all.
 * The local dataset applies them in memory and replaces its file once; the Content Lake
 * receives them as one Actions API request.
 */
import type { StoredDocument } from '../model/datasetRules.ts';
import { draftId, publishedId } from '../model/documentTypes.ts';

export type Operation =
  /** Create a workflow record (审签单 or audit entry). */
  | { op: 'create'; doc: StoredDocument }
  /**
   * Publish a document at exactly `rev` (its draft, or its published version when it has no
   * draft), with `set` written into it — 发布日期 and 索引号.
   */
  | { op: 'publish'; id: string; rev: string; fromDraft: boolean; set: Record<string, unknown> }
  /** Take a published document down; its content stays, as a draft. */
  | { op: 'unpublish'; id: string; rev: string }
  /** An editor's change: the draft (created from the published version if needed) gets `set`. */
  | { op: 'edit'; id: string; set: Record<string, unknown> };

export interface Plan {
  operations: Operation[];
  /** The instant the plan is stamped with (release time). */
  at: string;
  /**
   * The transaction's id. As in the Content Lake, every document a transaction writes gets
   * the transaction id as its new `_rev`, so the audit log can name revisions in advance.
   */
  transactionId: string;
}

/**
 * References to documents that were unpublished when written are weak until publication
 * (`_strengthenOnPublish`); publishing makes them ordinary references, as Sanity does —
 * unless the field itself is weak (`_strengthenOnPublish.weak`), when they stay weak.
 * The workflow's release and the local Content Lake's publish action share this.
 */
export function strengthenReferences<T>(value: T): T {
  if (Array.isArray(value)) return value.map(strengthenReferences) as T;
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(record)) out[key] = strengthenReferences(child);
  const strengthen = record._strengthenOnPublish as { weak?: boolean } | undefined;
  if (typeof record._ref === 'string' && strengthen) {
    delete out._strengthenOnPublish;
    if (strengthen.weak) out._weak = true;
    else delete out._weak;
  }
  return out as T;
}

export class RevisionConflict extends Error {
  constructor(id: string, expected: string, actual: string | undefined) {
    super(`文档 ${id} 已被修改（审签的版本 ${expected}，当前版本 ${actual ?? '不存在'}）：请重新送审、审签后再发布`);
    this.name = 'RevisionConflict';
  }
}

/** Applies a plan to a list of documents, returning the new list; throws before changing anything. */
export function applyPlan(documents: readonly StoredDocument[], plan: Plan): StoredDocument[] {
  const rev = plan.transactionId;
  const byId = new Map(documents.map((doc) => [doc._id, doc]));
  for (const operation of plan.operations) {
    if (operation.op === 'create') {
      if (byId.has(operation.doc._id)) throw new Error(`记录 ${operation.doc._id} 已存在`);
      byId.set(operation.doc._id, { ...operation.doc, _rev: rev, _createdAt: plan.at, _updatedAt: plan.at });
    } else if (operation.op === 'publish') {
      const sourceId = operation.fromDraft ? draftId(operation.id) : publishedId(operation.id);
      const source = byId.get(sourceId);
      if (source?._rev !== operation.rev) throw new RevisionConflict(sourceId, operation.rev, source?._rev);
      byId.delete(draftId(operation.id));
      byId.set(publishedId(operation.id), {
        ...strengthenReferences(source),
        ...operation.set,
        _id: publishedId(operation.id),
        _rev: rev,
        _updatedAt: plan.at,
      });
    } else if (operation.op === 'edit') {
      const base = byId.get(draftId(operation.id)) ?? byId.get(publishedId(operation.id));
      if (!base) throw new Error(`文档 ${operation.id} 不存在`);
      byId.set(draftId(operation.id), { ...base, ...operation.set, _id: draftId(operation.id), _rev: rev, _updatedAt: plan.at });
    } else {
      const published = byId.get(publishedId(operation.id));
      if (published?._rev !== operation.rev) throw new RevisionConflict(operation.id, operation.rev, published?._rev);
      byId.delete(publishedId(operation.id));
      // A newer draft stays as it is; otherwise the withdrawn content is kept as a draft.
      if (!byId.has(draftId(operation.id))) {
        byId.set(draftId(operation.id), { ...published, _id: draftId(operation.id), _rev: rev, _updatedAt: plan.at });
      }
    }
  }
  // Keep the file's order stable: existing documents where they were, new ones at the end.
  const order = new Map(documents.map((doc, index) => [publishedId(doc._id) + (doc._id.startsWith('drafts.') ? '~' : ''), index]));
  return [...byId.values()].sort(
    (a, b) =>
      (order.get(publishedId(a._id) + (a._id.startsWith('drafts.') ? '~' : '')) ?? Number.MAX_SAFE_INTEGER) -
      (order.get(publishedId(b._id) + (b._id.startsWith('drafts.') ? '~' : '')) ?? Number.MAX_SAFE_INTEGER),
  );
}
