/**
 * A unit is what is signed off and released as one: a policy with its interpretation
 * (同步审签、同步部署), or a single document of the other public types.
 */
import { isPublicType, PUBLIC_TYPES, publishedId } from '../model/documentTypes.ts';
import type { Snapshot } from './snapshot.ts';

export interface Unit {
  /** The unit's key: the policy's published id, or the single document's. */
  key: string;
  kind: 'pair' | 'single';
  /** Published ids of the members, the policy first. */
  members: string[];
}

export class WorkflowError extends Error {
  readonly rule: string;
  readonly hint: string;
  constructor(rule: string, message: string, hint: string) {
    super(message);
    this.name = 'WorkflowError';
    this.rule = rule;
    this.hint = hint;
  }
}

/** A refusal as a person reads it: what stopped the transition, then what to do instead. */
export function refusalText(error: { message: string; hint?: string }): string {
  return error.hint ? `${error.message}。${error.hint}` : error.message;
}

const refOf = (value: unknown) => (value as { _ref?: string } | undefined)?._ref;

export function resolveUnit(snapshot: Snapshot, anyId: string): Unit {
  const id = publishedId(anyId);
  const doc = snapshot.current(id);
  if (!doc) throw new WorkflowError('unknown', `找不到文档 ${id}`, '请检查文档 ID（可用 npm run workflow -- status 查看全部）');
  if (!isPublicType(doc._type)) {
    throw new WorkflowError(
      'unknown',
      `文档 ${id}（${doc._type}）不走发布流程`,
      `只有这些公开类型需要审签发布：${Object.values(PUBLIC_TYPES).join('、')}`,
    );
  }
  if (doc._type === 'policy' || doc._type === 'interpretation') {
    const partner = refOf(doc._type === 'policy' ? doc.interpretation : doc.policy);
    if (!partner) {
      throw new WorkflowError(
        '1-paired',
        `${doc._type === 'policy' ? '政策文件' : '解读'} ${id} 没有关联的${doc._type === 'policy' ? '解读' : '政策文件'}`,
        doc._type === 'policy' ? '请先为此政策创建解读（两者必须互相引用）' : '请在解读中选择所解读的政策文件',
      );
    }
    const [policy, interpretation] = doc._type === 'policy' ? [id, publishedId(partner)] : [publishedId(partner), id];
    return { key: policy, kind: 'pair', members: [policy, interpretation] };
  }
  return { key: id, kind: 'single', members: [id] };
}
