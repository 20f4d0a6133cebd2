/**
 * 政府信息公开申请 (content/sample/requests.yaml): the register's sample, never public. Each entry is a record
 * of core/model/types/disclosureRequest.ts plus its key (`request-<key>`); the file is checked against the
 * declaration as it is read, and the dataset's validation then applies the rules of core/disclosure/requests/
 * (补正 within 7 working days, a late answer's reason, a refusal's ground …) to every entry.
 */
import { z } from 'zod';
import { shapeOf } from '../../core/model/fields.ts';
import { disclosureRequest } from '../../core/model/types/disclosureRequest.ts';
import { readContentFile, slugKey } from './content.ts';
import type { Doc } from './documents.ts';

const requestsSchema = z.strictObject({ requests: z.array(z.strictObject({ key: slugKey, ...shapeOf(disclosureRequest.fields) })) });

/** The dates a record changed on: created on the first, last saved on the last (Beijing office hours, as UTC). */
const DATE_FIELDS = [
  'submittedOn',
  'confirmedOn',
  'correctionAskedOn',
  'correctedOn',
  'consultationStartedOn',
  'consultationEndedOn',
  'extendedOn',
  'answeredOn',
] as const;

export function disclosureRequests(directory: string): Doc[] {
  const file = readContentFile(directory, 'requests.yaml', requestsSchema);
  return file.requests.map(({ key, ...fields }) => {
    const dates = DATE_FIELDS.flatMap((field) => (fields[field] ? [fields[field]] : [])).sort();
    return {
      _id: `request-${key}`,
      _type: 'disclosureRequest',
      _createdAt: `${dates[0]}T01:30:00Z`,
      _updatedAt: `${dates.at(-1)}T08:00:00Z`,
      ...fields,
    };
  });
}
