/**
 * Which workflow actions a user may take on a unit now, and — when not — why. Nothing here
 * restates a rule: each action is decided by running its transition (transitionTable.ts) on
 * the unit's snapshot as that user would, and a refusal's message and hint are the reason
 * Studio shows on the greyed-out button. So "enabled" means the transition returns a plan on
 * that snapshot, and the reason is word for word what the transition says when run.
 */
import { conditionalTextOf, confirmationOf, needsText, TRANSITION_NAMES, TRANSITIONS, type Transition } from './transitionTable.ts';
import type { Snapshot } from './snapshot.ts';
import type { TransitionContext } from './transitions.ts';
import { refusalText, WorkflowError } from './units.ts';

export type ActionName = Transition;
export interface Availability {
  enabled: boolean;
  /** Why not, when not enabled. */
  reason?: string;
}
export type ActionAvailability = Record<ActionName, Availability>;

export const ACTION_NAMES: readonly ActionName[] = TRANSITION_NAMES;

/**
 * Stands in for the 退回 comment, 撤回 reason or 超期理由 the dialog asks for afterwards: the button is
 * offered when everything but the words would pass, and the dialog will not confirm without them.
 */
const PLACEHOLDER_TEXT = '（待填写）';

export const AVAILABILITY_WAITING = {
  status: '正在读取流程状态…',
  user: '正在确定当前用户…',
};

const none = (reason: string): ActionAvailability =>
  Object.fromEntries(ACTION_NAMES.map((name) => [name, { enabled: false, reason }])) as ActionAvailability;

/** Runs one transition as a dry run: a plan means enabled, a refusal is the reason. */
export function availability(snapshot: Snapshot, name: ActionName, id: string, user: string, now: Date = new Date()): Availability {
  const spec = TRANSITIONS[name];
  const ctx: TransitionContext = {
    by: user,
    at: now.toISOString(),
    transactionId: 'availability',
    ...(needsText(name) ? { [TRANSITIONS[name].text.field]: PLACEHOLDER_TEXT } : {}),
    // A late release is offered too: its dialog asks for the 超期理由 (releaseIsLate) before it runs.
    ...(conditionalTextOf(name) ? { [conditionalTextOf(name)!.field]: PLACEHOLDER_TEXT } : {}),
    // The 审签 dialog asks for the 保密审查 confirmation before it runs.
    ...(confirmationOf(name) ? { [confirmationOf(name)!.field]: true } : {}),
  };
  try {
    spec.decide(snapshot, id, ctx);
    return { enabled: true };
  } catch (error) {
    if (error instanceof WorkflowError) return { enabled: false, reason: refusalText(error) };
    // Not a refusal but a fault (a malformed record, say): the button stays off and says what broke.
    return { enabled: false, reason: `无法判断能否执行：${(error as Error)?.message ?? String(error)}` };
  }
}

/**
 * Each action's availability for `user` on the unit of document `id`, decided on `snapshot`
 * (a read of the unit: LakeStore.readUnit, or any store's full read). While the snapshot or
 * the user is still unknown nothing is enabled.
 */
export function availableActions(
  snapshot: Snapshot | undefined,
  id: string,
  user: string | undefined,
  now: Date = new Date(),
): ActionAvailability {
  if (!snapshot) return none(AVAILABILITY_WAITING.status);
  if (user === undefined) return none(AVAILABILITY_WAITING.user);
  return Object.fromEntries(ACTION_NAMES.map((name) => [name, availability(snapshot, name, id, user, now)])) as ActionAvailability;
}
