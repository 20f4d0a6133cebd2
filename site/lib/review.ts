/**
 * What reviewers need beside the pages themselves: each unit's workflow state, and for every
 * document that differs from its published version, what changed. Read once per preview build.
 */
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { isPublicType, publishedId } from '../../core/model/documentTypes.ts';
import { fieldChanges, type FieldChange } from '../../core/preview/fieldChanges.ts';
import { diffParagraphs, type DiffLine } from '../../core/preview/textDiff.ts';
import { blocksToText } from '../../core/portableText/fromPlainText.ts';
import { storeFromEnvironment } from '../../core/workflow/fromEnvironment.ts';
import { UNIT_STATES, unitStatus, type UnitStatus } from '../../core/workflow/state.ts';
import { resolveUnit } from '../../core/workflow/units.ts';
import { documentUrl } from '../../core/sections.ts';

export interface DocumentChanges {
  id: string;
  type: string;
  title: string;
  /** Never published before: everything is new. */
  isNew: boolean;
  fields: FieldChange[];
  body: DiffLine[];
  previewUrl: string;
  changesUrl: string;
}

export interface ReviewUnit {
  status: UnitStatus;
  stateLabel: string;
  documents: DocumentChanges[];
}

export interface ReviewData {
  units: ReviewUnit[];
  unitOf: Map<string, ReviewUnit>;
  changes: Map<string, DocumentChanges>;
}

const changesUrl = (id: string) => `/changes/${id}/`;

const paragraphs = (doc: StoredDocument | undefined) =>
  blocksToText(doc?.body as Parameters<typeof blocksToText>[0])
    .split('\n')
    .filter(Boolean);

async function load(): Promise<ReviewData> {
  const snapshot = await storeFromEnvironment().read();
  const nameOf = (id: string) => {
    const doc = snapshot.current(id);
    return typeof doc?.name === 'string' ? doc.name : typeof doc?.title === 'string' ? doc.title : undefined;
  };
  const units: ReviewUnit[] = [];
  const unitOf = new Map<string, ReviewUnit>();
  const changes = new Map<string, DocumentChanges>();
  const seen = new Set<string>();
  for (const id of snapshot.contentIds()) {
    const doc = snapshot.current(id);
    if (!doc || !isPublicType(doc._type)) continue;
    let status: UnitStatus;
    try {
      const unit = resolveUnit(snapshot, id);
      if (seen.has(unit.key)) continue;
      seen.add(unit.key);
      status = unitStatus(snapshot, unit);
    } catch {
      continue;
    }
    const documents: DocumentChanges[] = [];
    for (const member of status.members) {
      const draft = snapshot.draft(member.id);
      if (!draft) continue;
      const published = snapshot.published(member.id);
      const entry: DocumentChanges = {
        id: member.id,
        type: draft._type,
        title: String(draft.title ?? member.id),
        isNew: !published,
        fields: fieldChanges(published, { ...draft, _id: member.id }, nameOf),
        body: diffParagraphs(paragraphs(published), paragraphs(draft)),
        previewUrl: documentUrl({ _type: draft._type, slug: (draft.slug as { current: string } | undefined) ?? { current: member.id } }),
        changesUrl: changesUrl(member.id),
      };
      documents.push(entry);
      changes.set(member.id, entry);
    }
    const reviewUnit: ReviewUnit = { status, stateLabel: UNIT_STATES[status.state], documents };
    units.push(reviewUnit);
    for (const member of status.members) unitOf.set(publishedId(member.id), reviewUnit);
  }
  return { units, unitOf, changes };
}

let loading: Promise<ReviewData> | undefined;
export function reviewData(): Promise<ReviewData> {
  loading ??= load();
  return loading;
}
