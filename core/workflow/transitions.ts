/**
 * The workflow rules (spec §2), decided on a snapshot: each transition either returns the
 * plan of what to write or throws a WorkflowError naming the rule and what to do instead.
 * Pure: no I/O, the same decisions for Studio, the command line, both stores and the tests.
 */
import { beijingDay, beijingYear } from '../beijingTime.ts';
import { NoPublishedCalendarError } from '../calendar/workingDays.ts';
import { BUREAU } from '../bureau/identity.ts';
import { formatIndexNumber, parseIndexNumber } from '../model/indexNumber.ts';
import { pairProblems, type InterpretationLinks, type PolicyLinks } from '../model/pairRules.ts';
import { documentSchemas } from '../model/schemas.ts';
import type { ContentType } from '../model/documentTypes.ts';
import type { StoredDocument } from '../model/datasetRules.ts';
import { isBlankName } from '../model/identity.ts';
import type { AuditEntry, RevisionRef, WorkflowAction } from '../model/workflowRecords.ts';
import { clockStart, unitClock, unitReleaseTiming } from './disclosureDeadline.ts';
import { isReviewOutcome, isUnderReview } from './disclosureReview.ts';
import { strengthenReferences, type Operation, type Plan } from './plan.ts';
import type { Snapshot } from './snapshot.ts';
import { fourEyesConflicts, revisionOf, UNIT_STATES, unitStatus, type UnitStatus } from './state.ts';
import { resolveUnit, WorkflowError } from './units.ts';

export interface TransitionContext {
  /** The acting user. */
  by: string;
  /** Now, as an ISO date-time. */
  at: string;
  transactionId: string;
  comment?: string;
  reason?: string;
  /** Why a release comes after the 20-working-day due date (条例 第二十六条). */
  lateReason?: string;
  /** The signer confirms the 保密审查 of what is signed off (先审查后公开): an approval needs it. */
  confidentialityChecked?: boolean;
  /** The conclusion of a yearly 复核 of information that is not proactive (REVIEW_OUTCOMES). */
  outcome?: string;
}

const keyed = (refs: RevisionRef[]) => refs.map((ref, index) => ({ _key: `r${index}`, ...ref }));

function audit(
  snapshot: Snapshot,
  status: UnitStatus,
  action: WorkflowAction,
  ctx: TransitionContext,
  extra: Partial<AuditEntry> = {},
): Operation {
  const seq = snapshot.nextAuditSeq();
  return {
    op: 'create',
    doc: {
      _id: `audit.${status.unit.key}.${seq}`,
      _type: 'workflowAudit',
      unit: status.unit.key,
      seq,
      action,
      actor: ctx.by,
      at: ctx.at,
      revisions: keyed(status.revisions),
      ...extra,
    },
  };
}

function requireState(status: UnitStatus, allowed: UnitStatus['state'][], rule: string, hint: string): void {
  if (!allowed.includes(status.state)) {
    throw new WorkflowError(rule, `${status.unit.key} 当前状态为「${UNIT_STATES[status.state]}」，不能执行此操作`, hint);
  }
}

/**
 * Every transition and edit names who acts: the audit log records it and four eyes compares
 * it, so a name with no visible character (blank, spaces, zero-width) is refused.
 */
export function requireActor(by: string): void {
  if (isBlankName(by)) {
    throw new WorkflowError(
      '7-audited',
      `操作人姓名为空或只有空白字符（「${by}」）：无法记录由谁操作`,
      '请用 --as <姓名> 写明操作人的姓名',
    );
  }
}

/**
 * The documents checked, in the unit's member order: what a submission sends for sign-off, or
 * exactly what a release is about to publish.
 */
type Candidates = readonly (StoredDocument | undefined)[];

function checkComplete(status: UnitStatus, docs: Candidates): void {
  const problems: string[] = [];
  for (const [index, doc] of docs.entries()) {
    const id = status.unit.members[index]!;
    if (!doc) {
      problems.push(`${id} 不存在`);
      continue;
    }
    const schema = documentSchemas[doc._type as ContentType].published;
    const result = schema.safeParse({ ...doc, _id: id });
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`${id} 字段 ${issue.path.join('.')}：${issue.message}`);
    }
  }
  if (problems.length > 0) {
    throw new WorkflowError('complete', `内容尚不完整：${problems.join('；')}`, '请在编辑器中补全必填字段后再送审');
  }
}

function checkPair(status: UnitStatus, docs: Candidates): void {
  if (status.unit.kind !== 'pair') return;
  const [policy, interpretation] = docs;
  const problems = pairProblems(
    { ...(policy as unknown as PolicyLinks), _id: status.unit.members[0]! },
    { ...(interpretation as unknown as InterpretationLinks), _id: status.unit.members[1]! },
  );
  if (problems.length > 0) {
    throw new WorkflowError('1-paired', problems.map((p) => p.message).join('；'), '政策文件与解读必须互相引用，且解读由起草科室发布');
  }
  const modes = new Set([policy, interpretation].map((doc) => (doc!.disclosure as { mode?: string } | undefined)?.mode));
  if (modes.size > 1) {
    throw new WorkflowError('6-proactive', '政策文件与解读的公开属性不一致：一方公开而另一方不公开', '请将两者的公开属性设为一致');
  }
}

const currentVersions = (status: UnitStatus): Candidates => status.members.map((m) => m.current);

export function submit(snapshot: Snapshot, id: string, ctx: TransitionContext): Plan {
  requireActor(ctx.by);
  const status = unitStatus(snapshot, resolveUnit(snapshot, id));
  requireState(
    status,
    ['draft', 'returned', 'stale', 'withdrawn'],
    'submit',
    status.state === 'released' ? '文档没有未发布的修改，无需送审' : '已送审的内容等待审签，无需重复送审',
  );
  checkComplete(status, currentVersions(status));
  checkPair(status, currentVersions(status));
  return { at: ctx.at, transactionId: ctx.transactionId, operations: [audit(snapshot, status, 'submit', ctx)] };
}

/** Names are compared as people (core/model/identity.ts): 「刘芳 」 or 「刘芳（消保科）」 is still 刘芳. */
function checkFourEyes(status: UnitStatus, by: string): void {
  const conflicts = fourEyesConflicts(status.members, status.submittedBy, by);
  const [authored] = conflicts.authorOf;
  if (authored) {
    throw new WorkflowError(
      '3-four-eyes',
      `审签人 ${by} 是 ${authored} 的最后修改人`,
      '审签须由作者以外的人进行（四眼原则）：请另一位审核人审签',
    );
  }
  if (conflicts.submitter) {
    throw new WorkflowError('3-four-eyes', `审签人 ${by} 是送审人`, '审签须由作者以外的人进行（四眼原则）：请另一位审核人审签');
  }
}

function signOffRecord(snapshot: Snapshot, status: UnitStatus, decision: 'approve' | 'return', ctx: TransitionContext): Operation {
  const count = snapshot.documents.filter((d) => d._type === 'signOff' && d.unit === status.unit.key).length;
  return {
    op: 'create',
    doc: {
      _id: `signoff.${status.unit.key}.${count + 1}`,
      _type: 'signOff',
      unit: status.unit.key,
      revisions: keyed(status.revisions),
      signer: ctx.by,
      signedAt: ctx.at,
      decision,
      ...(ctx.comment ? { comment: ctx.comment } : {}),
      ...(decision === 'approve' ? { confidentialityChecked: true } : {}),
    },
  };
}

/** 先审查后公开 (seed 一(三)): the signer says, in so many words, that the 保密审查 was done. */
function checkConfidentiality(status: UnitStatus, ctx: TransitionContext): void {
  if (ctx.confidentialityChecked === true) return;
  throw new WorkflowError(
    'confidentiality',
    `审签 ${status.unit.key} 须由审签人确认已对拟公开内容进行保密审查`,
    '请确认内容不涉及国家秘密、工作秘密、商业秘密和个人隐私后再审签：命令行加 --confidentiality-checked，Studio 在审签对话框中勾选确认',
  );
}

export function signOff(snapshot: Snapshot, id: string, ctx: TransitionContext): Plan {
  requireActor(ctx.by);
  const status = unitStatus(snapshot, resolveUnit(snapshot, id));
  requireState(
    status,
    ['submitted'],
    '2-signed-together',
    status.state === 'draft' ? '请先送审（修改后需重新送审）' : '只有待审签的内容可以审签',
  );
  checkFourEyes(status, ctx.by);
  checkConfidentiality(status, ctx);
  const record = signOffRecord(snapshot, status, 'approve', ctx);
  return {
    at: ctx.at,
    transactionId: ctx.transactionId,
    operations: [record, audit(snapshot, status, 'signoff', ctx, { signOff: (record as { doc: StoredDocument }).doc._id })],
  };
}

export function returnForChanges(snapshot: Snapshot, id: string, ctx: TransitionContext): Plan {
  requireActor(ctx.by);
  if (!ctx.comment?.trim()) throw new WorkflowError('return', '退回须写明修改意见', '请用 --comment "…" 说明需要修改什么');
  const status = unitStatus(snapshot, resolveUnit(snapshot, id));
  requireState(status, ['submitted', 'signed'], 'return', '只有待审签或已审签待发布的内容可以退回');
  checkFourEyes(status, ctx.by);
  const record = signOffRecord(snapshot, status, 'return', ctx);
  return {
    at: ctx.at,
    transactionId: ctx.transactionId,
    operations: [
      record,
      audit(snapshot, status, 'return', ctx, { signOff: (record as { doc: StoredDocument }).doc._id, reason: ctx.comment }),
    ],
  };
}

/** The Beijing calendar year of an instant: 索引号 are numbered per year of release. */
export function releaseYear(at: string): number {
  return beijingYear(at);
}

/** The prefix every 索引号 the bureau assigns in `year` starts with. */
export const indexNumberPrefix = (year: number) => `${BUREAU.orgCode}/${year}-`;

/**
 * The next free 索引号 of the release year: above every number ever assigned, never reused.
 * "Every number" is what the snapshot knows (Snapshot.takenIndexNumbers): all of them in a
 * full read, the highest of the year carried by a read of one unit.
 */
function indexNumberAllocator(snapshot: Snapshot, at: string) {
  const year = releaseYear(at);
  let highest = 0;
  for (const value of snapshot.takenIndexNumbers()) {
    const parts = parseIndexNumber(value);
    if (parts && parts.orgCode === BUREAU.orgCode && parts.year === year) highest = Math.max(highest, parts.serial);
  }
  return () => formatIndexNumber({ orgCode: BUREAU.orgCode, year, serial: ++highest });
}

/**
 * The 20-working-day clock at release: what the audit entry records (the due date and the
 * working days taken), and a refusal when the release is late and says nothing about why.
 * A release on a day the calendar cannot count (a year whose holiday notice is not in
 * core/calendar yet) is never measured on a guess — and never held back either: publishing
 * must not stop on 1 January for want of a calendar file. The entry says why the clock is
 * missing (`clockUnavailable`), so the office can count it once the calendar is added.
 */
function deadlineAtRelease(snapshot: Snapshot, status: UnitStatus, ctx: TransitionContext): Partial<AuditEntry> {
  try {
    const timing = unitReleaseTiming(snapshot, status, ctx.at);
    if (!timing) return {};
    if (timing.late && !ctx.lateReason?.trim()) {
      const overdue = unitClock(snapshot, status, beijingDay(ctx.at))!.workingDaysOverdue;
      throw new WorkflowError(
        'disclosure-deadline',
        `${status.unit.key} 的生成日期为 ${clockStart(snapshot, status)}，应在 ${timing.dueDate} 前公开（20 个工作日），现在发布已超期 ${overdue} 个工作日，须写明超期理由`,
        '请用 --late-reason "…" 说明超期公开的原因，理由记入审计记录',
      );
    }
    return {
      dueDate: timing.dueDate,
      workingDaysTaken: timing.workingDaysTaken,
      ...(timing.late ? { lateReason: ctx.lateReason!.trim() } : {}),
    };
  } catch (error) {
    if (!(error instanceof NoPublishedCalendarError)) throw error;
    return { clockUnavailable: `无法计算公开时效：${error.message}` };
  }
}

export function release(snapshot: Snapshot, id: string, ctx: TransitionContext): Plan {
  requireActor(ctx.by);
  const status = unitStatus(snapshot, resolveUnit(snapshot, id));
  requireState(
    status,
    ['signed'],
    '4-released-together',
    status.state === 'stale' ? '审签后内容又被修改，审签已失效：请重新送审并审签' : '只有已审签的内容可以发布：请先送审并由他人审签',
  );
  const next = indexNumberAllocator(snapshot, ctx.at);
  // A 索引号 once assigned stays: a published document keeps its own, whatever its draft says.
  const assigned = (doc: StoredDocument | undefined) => (typeof doc?.indexNumber === 'string' ? doc.indexNumber : undefined);
  const indexNumbers = status.members.map((member) => ({
    document: member.id,
    indexNumber: assigned(member.published) ?? assigned(member.current) ?? next(),
  }));
  const publishes = status.members.map((member, index) => ({
    op: 'publish' as const,
    id: member.id,
    rev: member.current!._rev ?? '',
    fromDraft: member.hasDraft,
    set: { publishedAt: ctx.at, indexNumber: indexNumbers[index]!.indexNumber },
  }));
  // The state says the 审签单 approves these revisions with this content; the rules a
  // submission passed are checked again on exactly what is about to become public, so nothing
  // that changed around the sign-off (or a sign-off that skipped them) publishes.
  const outcome = status.members.map((member, index) => ({
    ...strengthenReferences(member.current!),
    ...publishes[index]!.set,
    _id: member.id,
  }));
  checkComplete(status, outcome);
  checkPair(status, outcome);
  const deadline = deadlineAtRelease(snapshot, status, ctx);
  return {
    at: ctx.at,
    transactionId: ctx.transactionId,
    operations: [
      ...publishes,
      audit(snapshot, status, 'release', ctx, {
        signOff: status.approvedSignOff,
        published: keyed(status.members.map((m, index) => revisionOf(m.id, outcome[index]!, ctx.transactionId))),
        indexNumbers: indexNumbers.map((item, index) => ({ _key: `i${index}`, ...item })),
        ...deadline,
      }),
    ],
  };
}

export function withdraw(snapshot: Snapshot, id: string, ctx: TransitionContext): Plan {
  requireActor(ctx.by);
  if (!ctx.reason?.trim()) throw new WorkflowError('5-withdrawn-together', '撤回须写明理由', '请用 --reason "…" 说明撤回原因');
  const status = unitStatus(snapshot, resolveUnit(snapshot, id));
  const unpublished = status.members.filter((m) => !m.published);
  if (unpublished.length > 0) {
    throw new WorkflowError(
      '5-withdrawn-together',
      `${unpublished.map((m) => m.id).join('、')} 未发布，无需撤回`,
      '只有已发布的内容可以撤回',
    );
  }
  const takenDown = status.members.map((m) => revisionOf(m.id, m.published!));
  // Afterwards each document is a draft: its newer draft if it had one, else the withdrawn content.
  const after = status.members.map((m) => (m.hasDraft ? revisionOf(m.id, m.current!) : revisionOf(m.id, m.published!, ctx.transactionId)));
  return {
    at: ctx.at,
    transactionId: ctx.transactionId,
    operations: [
      ...status.members.map((m): Operation => ({ op: 'unpublish', id: m.id, rev: m.published!._rev ?? '' })),
      audit(snapshot, { ...status, revisions: after }, 'withdraw', ctx, { reason: ctx.reason, published: keyed(takenDown) }),
    ],
  };
}

/**
 * The yearly 复核 of information that is not proactive (条例 第十八条), recorded: every document of
 * the unit gets today's date (Beijing) as its 最近复核日期 and the audit log the conclusion and the
 * comment. It records only: a conclusion of 可转为主动公开 is carried out as an edit of the 公开属性,
 * submitted, signed off and released like any other change. The date is written into the version
 * an editor sees — the draft when there is one (keeping who last edited it, for four eyes), else
 * the published version, republished as it is — so a released unit stays released. Refused while
 * the unit waits for sign-off or release: a new revision would make that sign-off stale.
 */
export function reviewDisclosure(snapshot: Snapshot, id: string, ctx: TransitionContext): Plan {
  requireActor(ctx.by);
  if (!isReviewOutcome(ctx.outcome)) {
    throw new WorkflowError(
      'review',
      `复核结论「${ctx.outcome ?? ''}」无效：应为 keep（维持现公开属性）或 proactive（可转为主动公开）`,
      '请用 --outcome keep 或 --outcome proactive 写明复核结论',
    );
  }
  const status = unitStatus(snapshot, resolveUnit(snapshot, id));
  const proactive = status.members.filter((m) => !isUnderReview(m.current)).map((m) => m.id);
  if (proactive.length > 0) {
    throw new WorkflowError(
      'review',
      `${proactive.join('、')} 为主动公开信息，无需复核公开属性`,
      '年度复核针对依申请公开和不予公开的信息（条例第十八条）',
    );
  }
  requireState(
    status,
    ['draft', 'returned', 'stale', 'released', 'withdrawn'],
    'review',
    '复核只记录结论，不改动审签中的版本：请在审签并发布或退回之后再记录复核',
  );
  const reviewedOn = beijingDay(ctx.at);
  const stamped = (doc: StoredDocument) => ({ disclosure: { ...(doc.disclosure as object), reviewedAt: reviewedOn } });
  const operations: Operation[] = status.members.map((member): Operation => {
    const doc = member.current!;
    if (member.hasDraft) {
      const author = typeof doc.lastEditedBy === 'string' ? { lastEditedBy: doc.lastEditedBy } : {};
      return { op: 'edit', id: member.id, set: { ...stamped(doc), ...author } };
    }
    return { op: 'publish', id: member.id, rev: doc._rev ?? '', fromDraft: false, set: stamped(doc) };
  });
  const after = status.members.map((m) => revisionOf(m.id, { ...m.current!, ...stamped(m.current!) }, ctx.transactionId));
  return {
    at: ctx.at,
    transactionId: ctx.transactionId,
    operations: [
      ...operations,
      audit(snapshot, { ...status, revisions: after }, 'review', ctx, {
        reviewOutcome: ctx.outcome,
        reviewedOn,
        ...(ctx.comment?.trim() ? { reason: ctx.comment.trim() } : {}),
      }),
    ],
  };
}
