/**
 * The state of a unit, derived — never stored — from its documents' current revisions and
 * its audit log, so no separate status field can disagree with what actually happened.
 */
import type { StoredDocument } from '../model/datasetRules.ts';
import type { AuditEntry, RevisionRef } from '../model/workflowRecords.ts';
import type { Snapshot } from './snapshot.ts';
import type { Unit } from './units.ts';

export const UNIT_STATES = {
  draft: '草稿',
  submitted: '待审签',
  signed: '已审签待发布',
  stale: '审签已失效',
  returned: '已退回',
  released: '已发布',
  withdrawn: '已撤回',
} as const;
export type UnitState = keyof typeof UNIT_STATES;

export interface MemberVersion {
  id: string;
  /** The version a release would publish: the draft if any, else the published version. */
  current: StoredDocument | undefined;
  published: StoredDocument | undefined;
  hasDraft: boolean;
}

export interface UnitStatus {
  unit: Unit;
  state: UnitState;
  members: MemberVersion[];
  /** The revisions a sign-off would approve now. */
  revisions: RevisionRef[];
  last: AuditEntry | undefined;
  /** The approving 审签单 the unit's current revisions match, if any. */
  approvedSignOff: string | undefined;
  /** Who submitted the current revisions, if they were submitted. */
  submittedBy: string | undefined;
}

export function sameRevisions(a: readonly RevisionRef[], b: readonly RevisionRef[]): boolean {
  const key = (list: readonly RevisionRef[]) => list.map((r) => `${r.document}@${r.rev}`).sort().join('|');
  return key(a) === key(b);
}

export function unitStatus(snapshot: Snapshot, unit: Unit): UnitStatus {
  const members = unit.members.map((id) => ({
    id,
    current: snapshot.current(id),
    published: snapshot.published(id),
    hasDraft: snapshot.draft(id) !== undefined,
  }));
  const revisions = members.filter((m) => m.current).map((m) => ({ document: m.id, rev: m.current!._rev ?? '' }));
  const log = snapshot.audit(unit.key);
  const last = log.at(-1);
  const matches = last !== undefined && sameRevisions(last.revisions, revisions);
  const anyDraft = members.some((m) => m.hasDraft);
  const allPublished = members.every((m) => m.published);

  let state: UnitState;
  if (!anyDraft && allPublished) state = 'released';
  else if (last?.action === 'withdraw' && !members.some((m) => m.published) && matches) state = 'withdrawn';
  else if (last?.action === 'submit') state = matches ? 'submitted' : 'draft';
  else if (last?.action === 'signoff') state = matches ? 'signed' : 'stale';
  else if (last?.action === 'return') state = matches ? 'returned' : 'draft';
  else state = 'draft';

  const lastSubmit = [...log].reverse().find((e) => e.action === 'submit');
  return {
    unit,
    state,
    members,
    revisions,
    last,
    approvedSignOff: state === 'signed' ? last!.signOff : undefined,
    submittedBy: lastSubmit && sameRevisions(lastSubmit.revisions, revisions) ? lastSubmit.actor : undefined,
  };
}
