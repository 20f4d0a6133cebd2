/**
 * Which workflow actions a user may take on a unit now, and — when not — why, in a sentence an
 * editor understands. Studio greys its buttons out with these reasons; the rules themselves
 * stay in transitions.ts and still decide every real write.
 *
 * Pure, and built from the same facts the rules use (the derived state, `submittedBy`, each
 * member's `lastEditedBy`, the zod model, the pair rule), so "enabled" means the transition
 * will succeed on the same snapshot. test/studio/availability.test.ts holds the two to that.
 */
import type { ContentType } from '../model/documentTypes.ts';
import { pairProblems, type InterpretationLinks, type PolicyLinks } from '../model/pairRules.ts';
import { isBlankName } from '../model/identity.ts';
import { documentSchemas } from '../model/schemas.ts';
import { fourEyesConflicts, type UnitState, type UnitStatus } from './state.ts';
import type { Transition } from './workflow.ts';

export type ActionName = Transition;
export interface Availability {
  enabled: boolean;
  /** Why not, when not enabled. */
  reason?: string;
}
export type ActionAvailability = Record<ActionName, Availability>;

export const ACTION_NAMES: readonly ActionName[] = ['submit', 'signoff', 'return', 'release', 'withdraw'];

const FOUR_EYES = '审签须由作者以外的人进行（四眼原则）';
const STALE = '审签后内容又被修改，审签已失效：请重新送审';

const yes: Availability = { enabled: true };
const no = (reason: string): Availability => ({ enabled: false, reason });

/** Why the state alone forbids an action, or undefined when it allows it (mirrors `requireState`). */
const STATE_REASONS: Record<Exclude<ActionName, 'withdraw'>, Partial<Record<UnitState, string>>> = {
  submit: {
    submitted: '已送审，正在等待审签，无需重复送审',
    signed: '已审签，等待发布；如需修改，请先退回',
    released: '已发布且没有未发布的修改，无需送审',
  },
  signoff: {
    draft: '尚未送审：请先送审',
    returned: '已退回修改：请修改后重新送审',
    withdrawn: '已撤回：请重新送审',
    stale: STALE,
    signed: '已审签，无需重复审签',
    released: '已发布，没有待审签的内容',
  },
  return: {
    draft: '尚未送审，无可退回',
    returned: '已退回，无需重复退回',
    withdrawn: '已撤回，无可退回',
    stale: `${STALE}，无可退回`,
    released: '已发布，没有待审签的内容',
  },
  release: {
    draft: '尚未送审和审签：请先送审，由他人审签后再发布',
    submitted: '尚未审签：请由作者以外的人审签后再发布',
    returned: '已退回修改：请修改后重新送审',
    withdrawn: '已撤回：请重新送审并审签后再发布',
    stale: STALE,
    released: '已发布，没有待发布的修改',
  },
};

/** The four-eyes rule as `checkFourEyes` applies it (same function): not the submitter, not a member's last author. */
export function fourEyesProblem(status: UnitStatus, user: string): string | undefined {
  const conflicts = fourEyesConflicts(status.members, status.submittedBy, user);
  if (conflicts.submitter) return `${FOUR_EYES}：您是送审人`;
  const [authored] = conflicts.authorOf;
  return authored ? `${FOUR_EYES}：您最后修改了 ${authored}` : undefined;
}

/** What `checkComplete` and `checkPair` would refuse a submission for, or undefined. */
export function submissionProblem(status: UnitStatus): string | undefined {
  const problems: string[] = [];
  for (const member of status.members) {
    if (!member.current) {
      problems.push(`${member.id} 不存在`);
      continue;
    }
    const result = documentSchemas[member.current._type as ContentType].published.safeParse({ ...member.current, _id: member.id });
    if (!result.success) for (const issue of result.error.issues) problems.push(`${member.id} 字段 ${issue.path.join('.')}：${issue.message}`);
  }
  if (problems.length > 0) return `内容尚不完整，请补全必填字段后再送审：${problems.join('；')}`;
  if (status.unit.kind !== 'pair') return undefined;
  const [policy, interpretation] = status.members.map((m) => m.current!);
  const pair = pairProblems(
    { ...(policy as unknown as PolicyLinks), _id: status.unit.members[0]! },
    { ...(interpretation as unknown as InterpretationLinks), _id: status.unit.members[1]! },
  );
  if (pair.length > 0) return `政策文件与解读必须互相引用，且解读由起草科室发布：${pair.map((p) => p.message).join('；')}`;
  const modes = new Set([policy, interpretation].map((doc) => (doc!.disclosure as { mode?: string } | undefined)?.mode));
  if (modes.size > 1) return '政策文件与解读的公开属性不一致：请将两者的公开属性设为一致';
  return undefined;
}

function byState(action: Exclude<ActionName, 'withdraw'>, state: UnitState): string | undefined {
  return STATE_REASONS[action][state];
}

/**
 * Each action's availability for `user` on the unit described by `status`; an unknown status
 * (still loading, or no unit at all) or an unknown user enables nothing.
 */
export function availableActions(status: UnitStatus | undefined, user: string): ActionAvailability {
  if (!status || isBlankName(user)) {
    const reason = !status ? '正在读取流程状态…' : '无法确定当前用户';
    return Object.fromEntries(ACTION_NAMES.map((name) => [name, no(reason)])) as ActionAvailability;
  }
  const unpublished = status.members.filter((m) => !m.published).map((m) => m.id);
  const gate = (action: Exclude<ActionName, 'withdraw'>, ...checks: (() => string | undefined)[]): Availability => {
    const stateReason = byState(action, status.state);
    if (stateReason) return no(stateReason);
    for (const check of checks) {
      const problem = check();
      if (problem) return no(problem);
    }
    return yes;
  };
  return {
    submit: gate('submit', () => submissionProblem(status)),
    signoff: gate('signoff', () => fourEyesProblem(status, user)),
    return: gate('return', () => fourEyesProblem(status, user)),
    // A release checks again what a submission checked, on what it publishes.
    release: gate('release', () => submissionProblem(status)),
    withdraw: unpublished.length > 0 ? no(`${unpublished.join('、')} 未发布，无需撤回`) : yes,
  };
}
