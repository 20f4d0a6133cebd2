/**
 * The sign-off and release workflow on a local dataset.
 *
 *   npm run workflow -- status [<id>]
 *   npm run workflow -- submit <id> --as <user>
 *   npm run workflow -- signoff <id> --as <user> --confidentiality-checked   (the signer confirms the 保密审查: 先审查后公开)
 *   npm run workflow -- return <id> --as <user> --comment "…"
 *   npm run workflow -- release <id> --as <user> [--late-reason "…"]   (required after the 20-working-day due date)
 *   npm run workflow -- withdraw <id> --as <user> --reason "…"
 *   npm run workflow -- review <id> --as <user> --outcome keep|proactive [--comment "…"]
 *       the yearly 复核 of information that is not proactive (条例 第十八条): records the conclusion and today's
 *       date as its 最近复核日期; turning it proactive is then an edit, signed off and released as usual
 *
 * <id> is either document of a policy/interpretation pair, or a single document.
 * --dataset <path> picks the dataset (default: the content source of npm run build: $CONTENT_DATASET; else
 *   the Content Lake of SANITY_PROJECT_ID/SANITY_DATASET, read and written with SANITY_API_READ_TOKEN; else
 *   content/dataset.ndjson).
 * --site <dir> the public site whose deploy log says whether a release is online (default: $PUBLISH_SITE or dist);
 *   against a Content Lake, the publisher's 上线记录 there says it instead (core/publish/lakeDeployRecords.ts).
 * A blocked transition exits 1 and says which rule stopped it and what to do.
 */
import { parseArgs } from 'node:util';
import { formatBeijingTime } from '../core/beijingTime.ts';
import { FileWriteError } from '../core/content/atomicWrite.ts';
import { chooseSource } from '../core/content/fromEnvironment.ts';
import { createLakeClient } from '../core/content/lakeSource.ts';
import { LockBusyError, LockLostError } from '../core/content/fileLock.ts';
import { deploysOf } from '../core/publish/deploysOf.ts';
import { goLiveLabel, hasDeploys } from '../core/publish/deployStatus.ts';
import { ContentError } from '../core/model/problems.ts';
import { DISCLOSURE_MODES, REVIEW_OUTCOMES, type ReviewOutcome, WITHHOLDING_GROUNDS } from '../core/model/vocabulary.ts';
import { unitReview } from '../core/workflow/disclosureReview.ts';
import { WORKFLOW_ACTIONS } from '../core/model/workflowRecords.ts';
import { DatasetStore } from '../core/workflow/datasetStore.ts';
import { unitLiveTiming } from '../core/workflow/disclosureDeadline.ts';
import { LakeStore } from '../core/workflow/lakeStore.ts';
import type { Snapshot } from '../core/workflow/snapshot.ts';
import { RevisionConflict } from '../core/workflow/plan.ts';
import { UNIT_STATES, unitStatus, type UnitStatus } from '../core/workflow/state.ts';
import { resolveUnit, WorkflowError } from '../core/workflow/units.ts';
import {
  conditionalTextOf,
  confirmationOf,
  isTransition,
  needsText,
  RULE_NAMES,
  TRANSITION_NAMES,
  TRANSITIONS,
} from '../core/workflow/transitionTable.ts';
import { unitStatuses, Workflow } from '../core/workflow/workflow.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dataset: { type: 'string' },
    as: { type: 'string' },
    comment: { type: 'string' },
    reason: { type: 'string' },
    'late-reason': { type: 'string' },
    'confidentiality-checked': { type: 'boolean', default: false },
    outcome: { type: 'string' },
    site: { type: 'string', default: process.env.PUBLISH_SITE ?? 'dist' },
  },
});
const [command, id] = positionals;
/** The dataset file, or the Content Lake (read with its token: drafts and records are not public). */
function openContent() {
  try {
    const choice = values.dataset ? { kind: 'local' as const, path: values.dataset } : chooseSource(process.env);
    return choice.kind === 'lake' ? { kind: 'lake' as const, client: createLakeClient(choice, 'drafts') } : choice;
  } catch (error) {
    // SANITY_PROJECT_ID without SANITY_DATASET or without a token: the message says which to set.
    console.error((error as Error).message);
    process.exit(1);
  }
}
const content = openContent();
// Whether a release is online is the publisher's record of what it put live (npm run publisher): the
// deploy log beside the site for a dataset file, the 上线记录 in the Content Lake for a lake.
const store = content.kind === 'lake' ? new LakeStore(content.client) : new DatasetStore(content.path);
const deploys = await deploysOf(content, values.site);
const workflow = new Workflow(store);

/** 公开用时 of the release that stopped the clock: to the day it went live where a publisher deploys the content. */
function timeTaken(snapshot: Snapshot, status: UnitStatus): string {
  if (typeof status.last?.workingDaysTaken !== 'number') return '';
  if (!hasDeploys(deploys)) return ` · 公开用时 ${status.last.workingDaysTaken} 个工作日`;
  const live = unitLiveTiming(snapshot, status, deploys);
  if (!live) return ''; // 待上线 (the state says it): its clock still runs, on the desk
  return ` · 公开用时 ${live.workingDaysTaken} 个工作日（至上线${live.late ? `，已超过公开期限 ${live.dueDate}` : ''}）`;
}

function describe(snapshot: Snapshot, status: UnitStatus): string {
  const members = status.members
    .map(
      (m) =>
        `    ${m.id}${m.hasDraft ? '（有未发布修改）' : ''}${m.published ? ` 已发布 ${String(m.published.indexNumber ?? '')}` : ' 未发布'}`,
    )
    .join('\n');
  const taken = timeTaken(snapshot, status);
  const lateReason = status.last?.lateReason ? `（超期理由：${status.last.lateReason}）` : '';
  const last = status.last
    ? `\n    最近：${WORKFLOW_ACTIONS[status.last.action]} · ${status.last.actor} · ${formatBeijingTime(status.last.at)}${taken}${lateReason}`
    : '';
  const online = goLiveLabel(status, deploys.records, deploys.source);
  // Information that is not proactive: its ground and its yearly 复核 (条例 第十八条).
  const review = unitReview(status);
  const disclosure = review
    ? `\n    公开属性：${DISCLOSURE_MODES[review.mode]}（${review.ground ? WITHHOLDING_GROUNDS[review.ground] : '未选依据'}）· ${
        review.neverReviewed ? `从未复核（生成日期 ${review.since}）` : `最近复核 ${review.since}`
      } · 应复核日期 ${review.dueDate}`
    : '';
  return `${status.unit.key} [${UNIT_STATES[status.state]}${online ? ` · ${online}` : ''}]\n${members}${disclosure}${last}`;
}

/** The unit of `id` (every unit without one) as it stands now. */
async function show(id: string | undefined): Promise<string> {
  const snapshot = await store.read();
  const statuses = id ? [unitStatus(snapshot, resolveUnit(snapshot, id))] : unitStatuses(snapshot);
  return statuses.map((status) => describe(snapshot, status)).join('\n');
}

try {
  if (command === 'status') {
    console.log(await show(id));
  } else if (command === 'review') {
    if (!id)
      throw new WorkflowError('unknown', '缺少文档 ID', '用法：npm run workflow -- review <id> --as <用户> --outcome keep|proactive');
    if (!values.as) throw new WorkflowError('unknown', '缺少操作人', '请用 --as <用户> 说明由谁复核');
    const plan = await workflow.review(id, values.as, {
      outcome: values.outcome ?? '',
      ...(values.comment ? { comment: values.comment } : {}),
    });
    console.log(`公开属性复核：已记录「${REVIEW_OUTCOMES[values.outcome as ReviewOutcome]}」（事务 ${plan.transactionId}）`);
    if (values.outcome === 'proactive') console.log('转为主动公开须修改公开属性，并照常送审、审签、发布。');
    console.log(await show(id));
  } else if (isTransition(command)) {
    const spec = TRANSITIONS[command];
    if (!id) throw new WorkflowError('unknown', '缺少文档 ID', `用法：npm run workflow -- ${command} <id> --as <用户>`);
    if (!values.as) throw new WorkflowError('unknown', '缺少操作人', `请用 --as <用户> 说明由谁${spec.label}`);
    // Only the words the verb takes (transitionTable.ts): a --reason given to 退回 is not its comment.
    const field = needsText(command) ? TRANSITIONS[command].text.field : undefined;
    const late = conditionalTextOf(command);
    const lateReason = late ? values['late-reason'] : undefined;
    const confirmation = confirmationOf(command);
    const plan = await workflow.run(command, id, values.as, {
      ...(field && values[field] ? { [field]: values[field] } : {}),
      ...(late && lateReason ? { [late.field]: lateReason } : {}),
      ...(confirmation && values['confidentiality-checked'] ? { [confirmation.field]: true } : {}),
    });
    console.log(`${spec.label}：完成（事务 ${plan.transactionId}）`);
    console.log(await show(id));
  } else {
    const texts = [
      ...TRANSITION_NAMES.filter(needsText).map((name) => `[${TRANSITIONS[name].text.option} …]`),
      ...TRANSITION_NAMES.flatMap((name) => conditionalTextOf(name)?.option ?? []).map((option) => `[${option} …]`),
      ...TRANSITION_NAMES.flatMap((name) => confirmationOf(name)?.option ?? []).map((option) => `[${option}]`),
    ];
    console.error(`用法：npm run workflow -- status|${TRANSITION_NAMES.join('|')} <id> --as <用户> ${texts.join(' ')} [--dataset …]`);
    console.error('      npm run workflow -- review <id> --as <用户> --outcome keep|proactive [--comment …]');
    process.exit(2);
  }
} catch (error) {
  if (error instanceof WorkflowError) {
    console.error(
      `不能执行（${(RULE_NAMES as Record<string, string>)[error.rule] ?? error.rule}）：${error.message}\n处理办法：${error.hint}`,
    );
  } else if (
    error instanceof RevisionConflict ||
    error instanceof ContentError ||
    error instanceof LockBusyError ||
    error instanceof LockLostError ||
    error instanceof FileWriteError
  ) {
    // Each says which file and what to do; a stack trace would only hide that.
    console.error(error.message);
  } else {
    throw error;
  }
  process.exit(1);
}
