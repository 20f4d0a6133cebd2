/**
 * What of a 政府信息公开申请 must never appear in a public file (条例 第四十五条: requests and answers are kept,
 * not published): the leak scan (core/build/leakScan.ts) forbids its names and numbers whole — what was
 * asked, the applicant, the contact, the third party — and its prose sentence by sentence.
 */
import type { StoredDocument } from '../../model/datasetRules.ts';
import { REQUEST_TEXT_FIELDS } from './record.ts';

const WHOLE = new Set<string>(['subject', 'applicantName', 'contact', 'thirdParty']);

export function requestSecretTexts(doc: StoredDocument): { whole: string[]; prose: string[] } {
  const whole: string[] = [];
  const prose: string[] = [];
  for (const field of REQUEST_TEXT_FIELDS) {
    const value = doc[field];
    if (typeof value !== 'string' || !value.trim()) continue;
    (WHOLE.has(field) ? whole : prose).push(value);
  }
  return { whole, prose };
}

/** The request with only what the scan reads: ids and its text fields. */
export function requestScanFields(doc: StoredDocument): StoredDocument {
  return Object.fromEntries(
    Object.entries(doc).filter(([key]) => key === '_id' || key === '_type' || (REQUEST_TEXT_FIELDS as readonly string[]).includes(key)),
  ) as StoredDocument;
}
