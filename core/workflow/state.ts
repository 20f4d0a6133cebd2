/**
 * The state of a unit, derived — never stored — from its documents' current revisions and
 * content, its 审签单 and its audit log, so no separate status field can disagree with what
 * actually happened.
 *
 * The 审签单 (`signOff` records) are the authority for "signed": the audit log orders events,
 * but an audit entry for a sign-off or return counts only when the 审签单 it names exists, is
 * of this unit, says the same decision about the same revisions, and (for an approval) was
 * signed by someone other than the submitter and the last authors. An appended audit line
 * without its 审签单 is a log line, not a sign-off.
 */
import type { StoredDocument } from '../model/datasetRules.ts';
import { isBlankName, samePerson } from '../model/identity.ts';
import type { AuditEntry, RevisionRef, SignOffRecord } from '../model/workflowRecords.ts';
import { contentHash } from './contentHash.ts';
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
  /** The revisions (with their content hashes) a sign-off would approve now. */
  revisions: RevisionRef[];
  /** The last audit entry that counts (see `counts`). */
  last: AuditEntry | undefined;
  /** The approving 审签单 the unit's current revisions match, if any. */
  approvedSignOff: string | undefined;
  /** Who submitted the current revisions, if they were submitted. */
  submittedBy: string | undefined;
}

/** Same documents at the same revisions with the same content; a missing hash matches nothing but another missing one. */
function sameRevisions(a: readonly RevisionRef[], b: readonly RevisionRef[]): boolean {
  const key = (list: readonly RevisionRef[]) =>
    list
      .map((r) => `${r.document}@${r.rev}#${r.contentHash ?? ''}`)
      .sort()
      .join('|');
  return key(a) === key(b);
}

/** A revision reference to the version of `id` given. */
export function revisionOf(id: string, doc: StoredDocument, rev = doc._rev ?? ''): RevisionRef {
  return { document: id, rev, contentHash: contentHash(doc) };
}

/** The person who last changed a document: recorded by Studio and the tools, else its submitter. */
function authorOf(doc: StoredDocument | undefined, submittedBy: string | undefined): string | undefined {
  return typeof doc?.lastEditedBy === 'string' && !isBlankName(doc.lastEditedBy) ? doc.lastEditedBy : submittedBy;
}

/**
 * Four eyes for `person` on members at their current versions: whose name (normalised, see
 * core/model/identity.ts) is the submitter's or a member's last author. The order is the
 * caller's: the rules name the author first, Studio the submitter.
 */
export function fourEyesConflicts(
  members: readonly MemberVersion[],
  submittedBy: string | undefined,
  person: string,
): { submitter: boolean; authorOf: string[] } {
  return {
    submitter: samePerson(submittedBy, person),
    authorOf: members.filter((m) => samePerson(authorOf(m.current, submittedBy), person)).map((m) => m.id),
  };
}

const DECISION_OF = { signoff: 'approve', return: 'return' } as const;

/**
 * Walks the unit's log in order and keeps the entries that count. A sign-off or return counts
 * only with its own valid 审签单; an approval also needs a submission of exactly those
 * revisions before it and a signer who is neither that submitter nor a last author.
 */
function countedLog(snapshot: Snapshot, unit: Unit, members: readonly MemberVersion[], revisions: readonly RevisionRef[]): AuditEntry[] {
  const counted: AuditEntry[] = [];
  for (const entry of snapshot.audit(unit.key)) {
    // A yearly 复核 records a conclusion about the 公开属性; it moves the unit through no state.
    if (entry.action === 'review') continue;
    if (entry.action === 'signoff' || entry.action === 'return') {
      const record: SignOffRecord | undefined = entry.signOff ? snapshot.signOff(entry.signOff) : undefined;
      if (
        !record ||
        record.unit !== unit.key ||
        record.decision !== DECISION_OF[entry.action] ||
        !sameRevisions(record.revisions, entry.revisions)
      )
        continue;
      if (isBlankName(record.signer)) continue;
      // 先审查后公开: an approval whose signer did not confirm the 保密审查 approves nothing.
      if (entry.action === 'signoff' && record.confidentialityChecked !== true) continue;
      if (entry.action === 'signoff') {
        const submission = [...counted].reverse().find((e) => e.action === 'submit');
        if (!submission || !sameRevisions(submission.revisions, record.revisions)) continue;
        // Last authors are known for the current versions only; older sign-offs are stale anyway.
        const conflicts = fourEyesConflicts(sameRevisions(record.revisions, revisions) ? members : [], submission.actor, record.signer);
        if (conflicts.submitter || conflicts.authorOf.length > 0) continue;
      }
    }
    counted.push(entry);
  }
  return counted;
}

export function unitStatus(snapshot: Snapshot, unit: Unit): UnitStatus {
  const members = unit.members.map((id) => ({
    id,
    current: snapshot.current(id),
    published: snapshot.published(id),
    hasDraft: snapshot.draft(id) !== undefined,
  }));
  const revisions = members.filter((m) => m.current).map((m) => revisionOf(m.id, m.current!));
  const log = countedLog(snapshot, unit, members, revisions);
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
