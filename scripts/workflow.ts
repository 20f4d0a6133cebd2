/**
 * The sign-off and release workflow on a local dataset.
 *
 *   npm run workflow -- status [<id>]
 *   npm run workflow -- submit <id> --as <user>
 *   npm run workflow -- signoff <id> --as <user>
 *   npm run workflow -- return <id> --as <user> --comment "…"
 *   npm run workflow -- release <id> --as <user>
 *   npm run workflow -- withdraw <id> --as <user> --reason "…"
 *
 * <id> is either document of a policy/interpretation pair, or a single document.
 * --dataset <path> picks the dataset (default: $CONTENT_DATASET or content/dataset.ndjson).
 * A blocked transition exits 1 and says which rule stopped it and what to do.
 */
import { parseArgs } from 'node:util';
import { FileWriteError } from '../core/content/atomicWrite.ts';
import { DEFAULT_DATASET } from '../core/content/dataset.ts';
import { LockBusyError, LockLostError } from '../core/content/fileLock.ts';
import { ContentError } from '../core/model/problems.ts';
import { WORKFLOW_ACTIONS } from '../core/model/workflowRecords.ts';
import { DatasetStore } from '../core/workflow/datasetStore.ts';
import { RevisionConflict } from '../core/workflow/plan.ts';
import { UNIT_STATES, type UnitStatus } from '../core/workflow/state.ts';
import { WorkflowError } from '../core/workflow/units.ts';
import { Workflow, type Transition } from '../core/workflow/workflow.ts';

const RULES: Record<string, string> = {
  '1-paired': '规则1 同步组织：政策文件与解读必须配对',
  '2-signed-together': '规则2 同步审签',
  '3-four-eyes': '规则3 四眼原则',
  '4-released-together': '规则4 同步发布',
  '5-withdrawn-together': '规则5 同步撤回',
  '6-proactive': '规则6 仅主动公开信息对外公开',
  '7-audited': '规则7 留痕审计：操作人须可识别',
  complete: '内容完整性',
  submit: '送审',
  return: '退回',
  unknown: '文档',
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dataset: { type: 'string', default: process.env.CONTENT_DATASET ?? DEFAULT_DATASET },
    as: { type: 'string' },
    comment: { type: 'string' },
    reason: { type: 'string' },
  },
});
const [command, id] = positionals;
const workflow = new Workflow(new DatasetStore(values.dataset));

function describe(status: UnitStatus): string {
  const members = status.members
    .map((m) => `    ${m.id}${m.hasDraft ? '（有未发布修改）' : ''}${m.published ? ` 已发布 ${String(m.published.indexNumber ?? '')}` : ' 未发布'}`)
    .join('\n');
  const last = status.last ? `\n    最近：${WORKFLOW_ACTIONS[status.last.action]} · ${status.last.actor} · ${status.last.at}` : '';
  return `${status.unit.key} [${UNIT_STATES[status.state]}]\n${members}${last}`;
}

try {
  if (command === 'status') {
    const statuses = id ? [await workflow.status(id)] : await workflow.statuses();
    console.log(statuses.map(describe).join('\n'));
  } else if (command && ['submit', 'signoff', 'return', 'release', 'withdraw'].includes(command)) {
    if (!id) throw new WorkflowError('unknown', '缺少文档 ID', `用法：npm run workflow -- ${command} <id> --as <用户>`);
    if (!values.as) throw new WorkflowError('unknown', '缺少操作人', `请用 --as <用户> 说明由谁${command === 'signoff' ? '审签' : '操作'}`);
    const plan = await workflow.run(command as Transition, id, values.as, {
      ...(values.comment ? { comment: values.comment } : {}),
      ...(values.reason ? { reason: values.reason } : {}),
    });
    console.log(`${WORKFLOW_ACTIONS[command as Transition]}：完成（事务 ${plan.transactionId}）`);
    console.log(describe(await workflow.status(id)));
  } else {
    console.error('用法：npm run workflow -- status|submit|signoff|return|release|withdraw <id> --as <用户> [--comment …] [--reason …] [--dataset …]');
    process.exit(2);
  }
} catch (error) {
  if (error instanceof WorkflowError) {
    console.error(`不能执行（${RULES[error.rule] ?? error.rule}）：${error.message}\n处理办法：${error.hint}`);
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
