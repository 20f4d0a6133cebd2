/**
 * Perspectives over a local dataset, as the Content Lake applies them:
 * - `published`: only published documents; drafts are invisible;
 * - `drafts`: each draft in place of its published version (drafts over published),
 *   carrying the published `_id` and its own id as `_originalId`.
 */
import { isDraftId, publishedId } from '../model/documentTypes.ts';
import type { StoredDocument } from '../model/datasetRules.ts';

export type Perspective = 'published' | 'drafts';

export function applyPerspective(documents: readonly StoredDocument[], perspective: Perspective): StoredDocument[] {
  if (perspective === 'published') {
    return documents.filter((doc) => !isDraftId(doc._id) && !doc._id.startsWith('versions.'));
  }
  const byId = new Map<string, StoredDocument>();
  for (const doc of documents) {
    if (doc._id.startsWith('versions.')) continue;
    const id = publishedId(doc._id);
    if (isDraftId(doc._id)) {
      byId.set(id, { ...doc, _id: id, _originalId: doc._id });
    } else if (!byId.has(id)) {
      byId.set(id, doc);
    }
  }
  return [...byId.values()];
}
