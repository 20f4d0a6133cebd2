/**
 * Perspectives over a local dataset, as the Content Lake applies them:
 * - `published`: only published documents; drafts are invisible;
 * - `drafts`: each draft in place of its published version (drafts over published),
 *   carrying the published `_id` and its own id as `_originalId`.
 */
import { isDraftId, isPublishedId, isVersionId, publishedId } from '../model/documentTypes.ts';
import type { StoredDocument } from '../model/datasetRules.ts';

export type Perspective = 'published' | 'drafts';

export function applyPerspective(documents: readonly StoredDocument[], perspective: Perspective): StoredDocument[] {
  if (perspective === 'published') {
    return documents.filter((doc) => isPublishedId(doc._id));
  }
  const byId = new Map<string, StoredDocument>();
  for (const doc of documents) {
    if (isVersionId(doc._id)) continue;
    const id = publishedId(doc._id);
    if (isDraftId(doc._id)) {
      byId.set(id, { ...doc, _id: id, _originalId: doc._id });
    } else if (!byId.has(id)) {
      byId.set(id, doc);
    }
  }
  return [...byId.values()];
}
