/**
 * The Actions API (`/data/actions/<dataset>`) over a transaction: the document actions the
 * Studio sends for every edit, create, publish, unpublish, discard and delete, and the
 * workflow sends for a release or withdrawal (core/workflow/lakeStore.ts). All actions of a
 * request form one transaction: later actions see what earlier ones wrote, so a publish
 * guarded by `ifDraftRevisionId` can check the draft an edit of the same request stamped.
 */
import { dataError } from './errors.ts';
import { applyPatch } from './mutations.ts';
import type { LakeDocument, Transaction } from './transaction.ts';
import { strengthenReferences } from '../workflow/plan.ts';

type Action = Record<string, unknown> & { actionType?: unknown };

function actionError(status: number, type: string, description: string, index: number) {
  return dataError(status, 'actionError', description, { items: [{ error: { description, type }, index }] });
}

function text(action: Action, key: string, index: number): string {
  const value = action[key];
  if (typeof value !== 'string' || !value)
    throw actionError(400, 'validationError', `${String(action.actionType)}: "${key}" is required (action ${index})`, index);
  return value;
}

function revisionMismatch(id: string, expected: string, actual: string | undefined, index: number) {
  return actionError(
    409,
    'documentRevisionMismatchError',
    `Document "${id}" has revision "${actual ?? ''}", expected "${expected}"`,
    index,
  );
}

function withoutSystemFields(doc: LakeDocument): LakeDocument {
  const { _rev: _r, _updatedAt: _u, ...rest } = doc;
  return rest as LakeDocument;
}

function applyAction(tx: Transaction, action: Action, index: number): void {
  switch (action.actionType) {
    case 'sanity.action.document.create': {
      const publishedId = text(action, 'publishedId', index);
      const attributes = action.attributes as Partial<LakeDocument> | undefined;
      if (!attributes || typeof attributes._type !== 'string')
        throw actionError(400, 'validationError', `Create needs attributes with a _type (action ${index})`, index);
      const id = typeof attributes._id === 'string' && attributes._id ? attributes._id : `drafts.${publishedId}`;
      if (id === publishedId)
        throw actionError(400, 'validationError', `Create makes a draft: "${id}" is a published id (action ${index})`, index);
      if (tx.get(id) || tx.get(publishedId)) {
        if (action.ifExists === 'ignore') return;
        throw actionError(409, 'documentAlreadyExistsError', `Document "${tx.get(id) ? id : publishedId}" already exists`, index);
      }
      tx.put({ ...attributes, _id: id } as LakeDocument);
      return;
    }
    case 'sanity.action.document.edit': {
      const draftId = text(action, 'draftId', index);
      const publishedId = text(action, 'publishedId', index);
      const patch = (action.patch ?? {}) as Record<string, unknown>;
      const source = tx.get(draftId) ?? tx.get(publishedId);
      if (!source) throw actionError(409, 'documentNotFoundError', `Cannot edit "${publishedId}": neither it nor its draft exists`, index);
      if (typeof patch.ifRevisionID === 'string' && patch.ifRevisionID !== source._rev)
        throw revisionMismatch(source._id, patch.ifRevisionID, source._rev, index);
      // Editing a published document starts its draft from it.
      if (!tx.get(draftId)) tx.put({ ...withoutSystemFields(source), _id: draftId });
      const { ifRevisionID: _checked, ...operations } = patch;
      applyPatch(tx, draftId, operations, index);
      return;
    }
    case 'sanity.action.document.publish': {
      const draftId = text(action, 'draftId', index);
      const publishedId = text(action, 'publishedId', index);
      const draft = tx.get(draftId);
      if (!draft)
        throw actionError(409, 'documentNotFoundError', `Cannot publish "${publishedId}": its draft "${draftId}" does not exist`, index);
      if (typeof action.ifDraftRevisionId === 'string' && action.ifDraftRevisionId !== draft._rev)
        throw revisionMismatch(draftId, action.ifDraftRevisionId, draft._rev, index);
      const published = tx.get(publishedId);
      if (typeof action.ifPublishedRevisionId === 'string' && action.ifPublishedRevisionId !== published?._rev) {
        throw revisionMismatch(publishedId, action.ifPublishedRevisionId, published?._rev, index);
      }
      tx.put({
        ...(strengthenReferences(withoutSystemFields(draft)) as LakeDocument),
        _id: publishedId,
        _createdAt: published?._createdAt ?? draft._createdAt,
      });
      tx.delete(draftId);
      return;
    }
    case 'sanity.action.document.unpublish': {
      const draftId = text(action, 'draftId', index);
      const publishedId = text(action, 'publishedId', index);
      const published = tx.get(publishedId);
      if (!published) throw actionError(409, 'documentNotFoundError', `Cannot unpublish "${publishedId}": it is not published`, index);
      if (!tx.get(draftId)) tx.put({ ...withoutSystemFields(published), _id: draftId });
      tx.delete(publishedId);
      return;
    }
    case 'sanity.action.document.discard': {
      const draftId = text(action, 'draftId', index);
      if (!tx.get(draftId)) throw actionError(409, 'documentNotFoundError', `Cannot discard "${draftId}": it does not exist`, index);
      tx.delete(draftId);
      return;
    }
    case 'sanity.action.document.delete': {
      const publishedId = text(action, 'publishedId', index);
      const drafts = Array.isArray(action.includeDrafts) ? action.includeDrafts.map(String) : [];
      for (const id of [publishedId, `drafts.${publishedId}`, ...drafts]) if (tx.get(id)) tx.delete(id);
      return;
    }
    case 'sanity.action.document.replaceDraft': {
      const publishedId = text(action, 'publishedId', index);
      const attributes = action.attributes as Partial<LakeDocument> | undefined;
      if (!attributes || typeof attributes._type !== 'string')
        throw actionError(400, 'validationError', `replaceDraft needs attributes with a _type (action ${index})`, index);
      tx.put({ ...attributes, _id: typeof attributes._id === 'string' ? attributes._id : `drafts.${publishedId}` } as LakeDocument);
      return;
    }
    default:
      // Release versions and scheduling are switched off in this project's Studio.
      throw actionError(
        400,
        'unsupportedActionError',
        `Action "${String(action.actionType)}" is not supported by the local Content Lake (action ${index})`,
        index,
      );
  }
}

export function applyActions(tx: Transaction, actions: unknown): void {
  const list = Array.isArray(actions) ? actions : actions && typeof actions === 'object' ? [actions] : undefined;
  if (!list || list.length === 0) throw dataError(400, 'validationError', 'The request body must have "actions"');
  list.forEach((action, index) => {
    if (!action || typeof action !== 'object') throw actionError(400, 'validationError', `Action ${index} is not an object`, index);
    applyAction(tx, action as Action, index);
  });
}
