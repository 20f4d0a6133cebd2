/**
 * Every Chinese string the Studio's own code shows (document actions, badges, dialogs, toasts,
 * desk structure), in one place so wording stays consistent and reviewable. The verbs' names
 * come from core/workflow/transitionTable.ts and the reasons an action is unavailable are the
 * transitions' own refusals (core/workflow/availability.ts), both shared with the command line.
 */
import type { ActionName } from '../core/workflow/availability.ts';
import type { UnitState } from '../core/workflow/state.ts';
import { TRANSITION_NAMES, TRANSITIONS, type TextTransition } from '../core/workflow/transitionTable.ts';

/** Button labels of the paired workflow, replacing Studio's 发布/取消发布: the verbs' own names (transitionTable.ts). */
export const ACTION_LABELS = Object.fromEntries(TRANSITION_NAMES.map((name) => [name, TRANSITIONS[name].label])) as Record<
  ActionName,
  string
>;

/** The form shown before a transition that needs words (transitionTable.ts): 退回 a comment, 撤回 a reason. */
export const TEXT_DIALOGS: Record<TextTransition, { header: string; prompt: string; placeholder: string; confirm: string }> = {
  return: {
    header: '退回修改',
    prompt: '请写明需要修改什么。退回意见记入审签单，作者据此修改后重新送审。',
    placeholder: '例如：第三条表述与上位法不一致，请核对后修改',
    confirm: '退回',
  },
  withdraw: {
    header: '同步撤回',
    prompt: '政策文件与解读将一同从公开网站撤下。请写明撤回理由，理由记入审计记录。',
    placeholder: '例如：依据文件已废止',
    confirm: '撤回',
  },
};

/** Asked instead of the plain release confirmation when the release comes after its due date. */
export const LATE_RELEASE_DIALOG = {
  header: '超期发布',
  prompt: (unit: string, dueDate: string) =>
    `${unit} 应在 ${dueDate} 前公开（自生成之日起 20 个工作日，条例第二十六条），现已超期。请写明超期理由，理由记入审计记录，发布同时进行。`,
  placeholder: '例如：须待上级机关批复后方可公开',
  confirm: '同步发布',
};

/** The 审签 dialog: the signer confirms the 保密审查 (先审查后公开) before the 审签单 is written. */
export const SIGN_OFF_DIALOG = {
  header: '审签：保密审查',
  prompt: (members: string[]) => `审签 ${members.join('、')} 的当前版本。公开前须先进行保密审查，确认结果记入审签单。`,
  statement: '我已对拟公开的内容进行保密审查，确认不涉及国家秘密、工作秘密、商业秘密和个人隐私等不应公开的内容。',
  confirm: '确认审签',
  unchecked: '请先勾选保密审查确认',
};

/** The yearly 复核 of information that is not proactive (条例 第十八条): its button and dialog. */
export const REVIEW_DIALOG = {
  label: '公开属性复核',
  header: '公开属性年度复核',
  prompt: (mode: string, since: string, neverReviewed: boolean, dueDate: string) =>
    `当前公开属性：${mode}。${neverReviewed ? `从未复核（生成日期 ${since}）` : `最近复核 ${since}`}，应于 ${dueDate} 前复核（每年一次，条例第十八条）。复核结论和今天的日期记入审计记录和文档。`,
  outcomes: { keep: '维持现公开属性', proactive: '可转为主动公开' },
  proactiveNote: '复核只记录结论：转为主动公开须将公开属性改为「主动公开」，再照常送审、审签、发布。',
  commentPlaceholder: '复核意见（可选），例如：仍涉及第三方商业秘密',
  confirm: '记录复核',
  done: '已记录复核',
  doneProactive: '请将公开属性改为「主动公开」后送审、审签、发布',
  failed: '复核记录失败',
};

export const RELEASE_CONFIRM = {
  message: (members: string[]) => `将在同一次写入中发布 ${members.join('、')} 已审签的版本，并编写索引号与发布日期。确认发布？`,
  confirm: '同步发布',
  cancel: '取消',
};

export const DIALOG = {
  cancel: '取消',
  textRequired: '请填写后再提交',
};

export const TOASTS = {
  done: (label: string) => `已${label}`,
  failed: (label: string) => `${label}失败`,
  busy: (label: string) => `正在${label}…`,
};

/** Badge colours by unit state; states without a colour show as a plain badge. */
export const BADGE_COLORS: Partial<Record<UnitState, 'primary' | 'success' | 'warning' | 'danger'>> = {
  released: 'success',
  signed: 'primary',
  submitted: 'warning',
  stale: 'danger',
  returned: 'danger',
};

export const BADGES = {
  title: (state: string) => `流程状态：${state}`,
  returnComment: (comment: string) => `退回意见：${comment}`,
  unpaired: '未配对',
};

export const CREATE_INTERPRETATION = {
  label: '为此政策创建解读',
  title: (policyTitle: string) => `关于《${policyTitle}》的解读`,
  untitledPolicy: '未命名政策文件',
  alreadyLinked: '此政策已有关联的解读，可在「相关解读」字段中打开',
  notSaved: '请先保存政策文件',
  done: '已创建解读草稿，并与政策文件互相关联',
  failed: '创建解读失败',
};

/** The annual report's 「按内容统计」 action (studio/actions/annualReportCounts.ts). */
export const ANNUAL_REPORT = {
  count: '按内容统计表二、表三',
  noYear: '请先填写报告年度',
  counted: (year: number) => `已按内容统计 ${year} 年度的表二、表三，并写入草稿`,
  failed: '统计表二、表三失败',
};

export const DELETE_GUARD = '已发布的内容不能直接删除：请先「同步撤回」，政策文件与解读一同撤下后再删除';

/** Desk structure titles. */
export const STRUCTURE = {
  root: '内容',
  pending: '待审签',
  signed: '已审签待发布',
  released: '已发布',
  withdrawn: '已撤回',
  dueSoon: '即将到期（公开时效）',
  overdue: '已超期（公开时效）',
  reviewDueSoon: '即将复核（公开属性）',
  reviewOverdue: '复核已逾期（公开属性）',
  /** A clock list with units released but not yet on the public site (studio/deadlineDesk.ts). */
  awaitingLive: (title: string, count: number) => `${title}：其中 ${count} 项已发布 · 待上线`,
  sections: {
    policy: '政策文件',
    interpretation: '政策解读',
    complaintAnalysis: '12315 工作情况简析',
    inspectionPlan: '双随机抽查事项清单',
    inspectionResult: '抽查结果公告',
    trademarkNews: '商标品牌',
    annualReport: '政府信息公开年报',
    proposalReply: '建议提案办理复文',
    department: '科室/单位',
    disclosureGuide: '政府信息公开指南',
    disclosureRule: '政府信息公开制度',
    orgFunction: '机构职能',
    leader: '领导信息',
    disclosureCommitment: '主动公开基本目录',
  },
  signOff: '审签单',
  workflowAudit: '审计记录',
  siteDeployment: '上线记录',
  siteSettings: '网站设置',
};

/** The 依申请公开 desk (studio/requestDesk.ts) and the answer letter action. */
export const REQUEST_DESK = {
  root: '依申请公开',
  all: '全部申请（登记簿）',
  prompt: (count: number) => `建议主动公开（第四十四条）：${count} 项`,
  promptTitle: '3 个以上申请人申请的同一信息，请考虑主动公开',
  letter: '打印告知书',
  letterNeedsAnswer: '填写答复日期和办理结果后才能生成答复告知书',
};

/** The 「预览」 link to the draft preview site. */
export const PREVIEW_LABELS = {
  label: '预览',
  needsSlug: '请先填写网址标识，才能预览',
};
