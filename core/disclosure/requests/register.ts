/** The request register of a dataset: its published 政府信息公开申请 (drafts are a clerk's unfinished entries). */
import type { StoredDocument } from '../../model/datasetRules.ts';
import { isPublishedId } from '../../model/documentTypes.ts';
import type { RequestRecord } from './record.ts';

export function registerOf(documents: readonly StoredDocument[]): RequestRecord[] {
  return documents.filter((doc) => doc._type === 'disclosureRequest' && isPublishedId(doc._id)) as unknown as RequestRecord[];
}
