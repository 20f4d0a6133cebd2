/**
 * What every sample document shares: references, slugs, release times, 索引号 and
 * Sanity's system fields (`_createdAt`, `_updatedAt`, `_rev`).
 */
import { createHash } from 'node:crypto';
import { BUREAU } from '../../core/bureau/identity.ts';
import { formatIndexNumber } from '../../core/model/indexNumber.ts';
import { isDraftId, publishedId } from '../../core/model/documentTypes.ts';
import { addDays, addWorkingDays, beijingDateTime, utcTimestamp } from './calendar.ts';
import { intBetween, pick, randomFor } from './random.ts';

export interface Doc {
  _id: string;
  _type: string;
  [field: string]: unknown;
}

export interface Reference {
  _type: 'reference';
  _ref: string;
  _weak?: boolean;
  _strengthenOnPublish?: { type: string };
}

export function ref(id: string): Reference {
  return { _type: 'reference', _ref: id };
}

/** A reference that stays weak when published (a schema field with `weak: true`). */
export function lastingWeakRef(id: string): Reference {
  return { _type: 'reference', _ref: id, _weak: true };
}

/** A reference to a document that exists only as a draft, as Sanity writes it. */
export function weakRef(id: string, type: string): Reference {
  return { _type: 'reference', _ref: id, _weak: true, _strengthenOnPublish: { type } };
}

export function slug(current: string): { _type: 'slug'; current: string } {
  return { _type: 'slug', current };
}

export const PROACTIVE = { mode: 'proactive' } as const;

export interface Release {
  formedAt: string;
  publishedAt: string;
}

/** A release `workingDays` working days after the information was formed, in office hours. */
export function releaseAfter(formedAt: string, workingDays: number, key: string): Release {
  const random = randomFor(`release:${key}`);
  const hour = pick(random, [9, 9, 10, 10, 11, 14, 15, 15, 16, 16]);
  const minute = intBetween(random, 0, 11) * 5;
  return { formedAt, publishedAt: beijingDateTime(addWorkingDays(formedAt, workingDays), hour, minute) };
}

/** The bureau's standard issuer (发文机关). */
export const ISSUER = BUREAU.name;

// ---------------------------------------------------------------- 索引号

const TYPE_ORDER = [
  'policy',
  'interpretation',
  'complaintAnalysis',
  'inspectionPlan',
  'inspectionResult',
  'trademarkNews',
  'proposalReply',
];

/**
 * Gives every released document its 索引号 in order of release: one sequence per year for
 * all types, with gaps for the bureau's other information (personnel, budgets, …) that is
 * not part of the sample. Drafts of released documents keep the release's number and date.
 */
export function assignIndexNumbers(docs: Doc[]): void {
  const released = docs
    .filter((doc) => !isDraftId(doc._id) && typeof doc.publishedAt === 'string')
    .sort(
      (a, b) =>
        Date.parse(a.publishedAt as string) - Date.parse(b.publishedAt as string) ||
        TYPE_ORDER.indexOf(a._type) - TYPE_ORDER.indexOf(b._type) ||
        a._id.localeCompare(b._id),
    );
  const serials = new Map<number, number>();
  const random = randomFor('index-numbers');
  let previousRelease = '';
  for (const doc of released) {
    const year = Number((doc.publishedAt as string).slice(0, 4));
    // Documents released together (a policy and its interpretation) get consecutive numbers.
    const step = doc.publishedAt === previousRelease ? 1 : intBetween(random, 1, 6);
    previousRelease = doc.publishedAt as string;
    const serial = (serials.get(year) ?? intBetween(random, 3, 18)) + step;
    serials.set(year, serial);
    doc.indexNumber = formatIndexNumber({ orgCode: BUREAU.orgCode, year, serial });
  }
  const byId = new Map(docs.map((doc) => [doc._id, doc]));
  for (const doc of docs) {
    if (!isDraftId(doc._id)) continue;
    const release = byId.get(publishedId(doc._id));
    if (release?.indexNumber === undefined) continue;
    doc.indexNumber = release.indexNumber;
    doc.publishedAt = release.publishedAt;
  }
}

// ---------------------------------------------------------------- system fields

/** Sanity-style revision id: 22 letters and digits derived from the content. */
function revisionOf(doc: Doc): string {
  const digest = createHash('sha256').update(JSON.stringify(doc)).digest('base64');
  return digest.replace(/[^A-Za-z0-9]/g, '').slice(0, 22);
}

/**
 * Fills `_createdAt` (a few days before the information was formed), `_updatedAt` (the
 * release) and `_rev`, and orders the fields as an export does: system fields first.
 */
export function withSystemFields(doc: Doc): Doc {
  const random = randomFor(`system:${doc._id}`);
  const { _id, _type, _createdAt, _updatedAt, _rev: _ignored, ...fields } = doc;
  let created = _createdAt as string | undefined;
  if (created === undefined) {
    const formed = typeof fields.formedAt === 'string' ? fields.formedAt : '2022-01-04';
    const day = addDays(formed, -intBetween(random, 1, 6));
    created = utcTimestamp(beijingDateTime(day, intBetween(random, 8, 11), intBetween(random, 0, 59)), intBetween(random, 0, 59));
  }
  let updated = _updatedAt as string | undefined;
  if (updated === undefined) {
    updated = typeof fields.publishedAt === 'string' ? utcTimestamp(fields.publishedAt, intBetween(random, 1, 40)) : created;
  }
  // 索引号 is assigned last; show it beside the other catalogue fields, after the slug.
  const { indexNumber, ...rest } = fields;
  const catalogue = Object.fromEntries(
    Object.entries(rest).flatMap(([key, value]) =>
      key === 'slug' && indexNumber !== undefined
        ? [
            [key, value],
            ['indexNumber', indexNumber],
          ]
        : [[key, value]],
    ),
  );
  const ordered: Doc = { _id, _type, _createdAt: created, _updatedAt: updated, ...catalogue };
  return { _id, _type, _createdAt: created, _updatedAt: updated, _rev: revisionOf(ordered), ...catalogue };
}
