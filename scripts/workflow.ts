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
 * --dataset <path> picks the dataset (default: $CONTENT_DATASET or content/dataset.ndjson).
 * --site <dir> the public site whose deploy log says whether a release is online (default: $PUBLISH_SITE or dist).
 * A blocked transition exits 1 and says which rule stopped it and what to do.
 */
import { parseArgs } from 'node:util';
import { formatBeijingTime } from '../core/beijingTime.ts';
import { FileWriteError } from '../core/content/atomicWrite.ts';
import { DEFAULT_DATASET } from '../core/content/dataset.ts';
import { LockBusyError, LockLostError } from '../core/content/fileLock.ts';
import { contentSourceKey, readDeployLog } from '../core/publish/deployLog.ts';
import { goLiveLabel } from '../core/publish/deployStatus.ts';
import { ContentError } from '../core/model/problems.ts';
import { DISCLOSURE_MODES, REVIEW_OUTCOMES, type ReviewOutcome, WITHHOLDING_GROUNDS } from '../core/model/vocabulary.ts';
import { unitReview } from '../core/workflow/disclosureReview.ts';
import { WORKFLOW_ACTIONS } from '../core/model/workflowRecords.ts';
import { DatasetStore } from '../core/workflow/datasetStore.ts';
import { RevisionConflict } from '../core/workflow/plan.ts';
import { UNIT_STATES, type UnitStatus } from '../core/workflow/state.ts';
import { WorkflowError } from '../core/workflow/units.ts';
import {
  conditionalTextOf,
  confirmationOf,
  isTransition,
  needsText,
  RULE_NAMES,
  TRANSITION_NAMES,
  TRANSITIONS,
} from '../core/workflow/transitionTable.ts';
import { Workflow } from '../core/workflow/workflow.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dataset: { type: 'string', default: process.env.CONTENT_DATASET ?? DEFAULT_DATASET },
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
const workflow = new Workflow(new DatasetStore(values.dataset));
// Whether a release is online is the publisher's record of what it put live (npm run publisher).
const deploys = await readDeployLog(values.site).catch(() => []);
const source = contentSourceKey({ kind: 'local', path: values.dataset });

function describe(status: UnitStatus): string {
  const members = status.members
    .map(
      (m) =>
        `    ${m.id}${m.hasDraft ? '（有未发布修改）' : ''}${m.published ? ` 已发布 ${String(m.published.indexNumber ?? '')}` : ' 未发布'}`,
    )
    .join('\n');
  const taken = typeof status.last?.workingDaysTaken === 'number' ? ` · 公开用时 ${status.last.workingDaysTaken} 个工作日` : '';
  const lateReason = status.last?.lateReason ? `（超期理由：${status.last.lateReason}）` : '';
  const last = status.last
    ? `\n    最近：${WORKFLOW_ACTIONS[status.last.action]} · ${status.last.actor} · ${formatBeijingTime(status.last.at)}${taken}${lateReason}`
    : '';
  const online = goLiveLabel(status, deploys, source);
  // Information that is not proactive: its ground and its yearly 复核 (条例 第十八条).
  const review = unitReview(status);
  const disclosure = review
    ? `\n    公开属性：${DISCLOSURE_MODES[review.mode]}（${review.ground ? WITHHOLDING_GROUNDS[review.ground] : '未选依据'}）· ${
        review.neverReviewed ? `从未复核（生成日期 ${review.since}）` : `最近复核 ${review.since}`
      } · 应复核日期 ${review.dueDate}`
    : '';
  return `${status.unit.key} [${UNIT_STATES[status.state]}${online ? ` · ${online}` : ''}]\n${members}${disclosure}${last}`;
}

try {
  if (command === 'status') {
    const statuses = id ? [await workflow.status(id)] : await workflow.statuses();
    console.log(statuses.map(describe).join('\n'));
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
    console.log(describe(await workflow.status(id)));
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
    console.log(describe(await workflow.status(id)));
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
