/**
 * The five workflow verbs, stated once: what each is called, which function decides it, which
 * rules can refuse it and whether it needs words from the person (a 退回 comment, a 撤回
 * reason). Studio's buttons and dialogs, `npm run workflow` and the button availability all
 * read this table, so a verb cannot be labelled, gated or dispatched differently in two places.
 */
import type { Plan } from './plan.ts';
import type { Snapshot } from './snapshot.ts';
import * as rules from './transitions.ts';
import type { TransitionContext } from './transitions.ts';

/** The rules a transition can be refused under (`WorkflowError.rule`), with their names in the spec's words. */
export const RULE_NAMES = {
  '1-paired': '规则1 同步组织：政策文件与解读必须配对',
  '2-signed-together': '规则2 同步审签',
  '3-four-eyes': '规则3 四眼原则',
  '4-released-together': '规则4 同步发布',
  '5-withdrawn-together': '规则5 同步撤回',
  '6-proactive': '规则6 仅主动公开信息对外公开',
  '7-audited': '规则7 留痕审计：操作人须可识别',
  complete: '内容完整性',
  'disclosure-deadline': '公开时效：主动公开信息应自生成之日起 20 个工作日内公开（条例第二十六条）',
  confidentiality: '保密审查：先审查、后公开',
  review: '公开属性复核（条例第十八条）',
  submit: '送审',
  return: '退回',
  unknown: '文档',
} as const;
type RuleId = keyof typeof RULE_NAMES;

/** The words a transition needs from the person, and the command-line option that carries them. */
interface TransitionText {
  field: 'comment' | 'reason';
  option: '--comment' | '--reason';
}

/**
 * Words a transition needs only in some cases: a release after the due date needs its reason
 * (超期理由). Availability assumes they will be given, and the Studio dialog and the command line
 * ask for them when the case applies (releaseIsLate).
 */
export interface ConditionalText {
  field: 'lateReason';
  option: '--late-reason';
}

/**
 * A confirmation a transition needs from the person, beyond words: the signer's 保密审查 (先审查后公开).
 * Availability assumes it will be given; the Studio dialog and the command-line flag give it.
 */
export interface TransitionConfirmation {
  field: 'confidentialityChecked';
  option: '--confidentiality-checked';
}

export interface TransitionSpec {
  /** The verb as buttons, toasts and the command line name it. */
  label: string;
  decide: (snapshot: Snapshot, id: string, ctx: TransitionContext) => Plan;
  /** Every rule that can refuse it, besides `unknown` (no such document) and `1-paired` (no unit). */
  rules: readonly RuleId[];
  text?: TransitionText;
  conditionalText?: ConditionalText;
  confirmation?: TransitionConfirmation;
}

export const TRANSITIONS = {
  submit: { label: '送审', decide: rules.submit, rules: ['7-audited', 'submit', 'complete', '1-paired', '6-proactive'] },
  signoff: {
    label: '审签',
    decide: rules.signOff,
    rules: ['7-audited', '2-signed-together', '3-four-eyes', 'confidentiality'],
    confirmation: { field: 'confidentialityChecked', option: '--confidentiality-checked' },
  },
  return: {
    label: '退回',
    decide: rules.returnForChanges,
    rules: ['7-audited', 'return', '3-four-eyes'],
    text: { field: 'comment', option: '--comment' },
  },
  release: {
    label: '同步发布',
    decide: rules.release,
    rules: ['7-audited', '4-released-together', 'complete', '1-paired', '6-proactive', 'disclosure-deadline'],
    conditionalText: { field: 'lateReason', option: '--late-reason' },
  },
  withdraw: {
    label: '同步撤回',
    decide: rules.withdraw,
    rules: ['7-audited', '5-withdrawn-together'],
    text: { field: 'reason', option: '--reason' },
  },
} as const satisfies Record<string, TransitionSpec>;

export type Transition = keyof typeof TRANSITIONS;

/** The verbs in the order an editor meets them. */
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as Transition[];

/** The verbs that need words from the person: a dialog asks for them before the transition runs. */
export type TextTransition = { [K in Transition]: (typeof TRANSITIONS)[K] extends { text: TransitionText } ? K : never }[Transition];

export function needsText(name: Transition): name is TextTransition {
  return 'text' in TRANSITIONS[name];
}

export function isTransition(name: string | undefined): name is Transition {
  return name !== undefined && Object.hasOwn(TRANSITIONS, name);
}

export function confirmationOf(name: Transition): TransitionConfirmation | undefined {
  const spec: TransitionSpec = TRANSITIONS[name];
  return spec.confirmation;
}

export function conditionalTextOf(name: Transition): ConditionalText | undefined {
  const spec: TransitionSpec = TRANSITIONS[name];
  return spec.conditionalText;
}
