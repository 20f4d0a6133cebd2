/**
 * 同步组织 · 谁起草、谁解读: a policy and its interpretation reference each other, and the
 * interpretation is published by the department that drafted the policy. Shared by Studio
 * validation, the dataset loader and the workflow.
 */
import { publishedId } from './documentTypes.ts';

interface RefLike {
  _ref?: string;
}
export interface PolicyLinks {
  _id: string;
  interpretation?: RefLike;
  drafter?: RefLike;
}
export interface InterpretationLinks {
  _id: string;
  policy?: RefLike;
  publisher?: RefLike;
}

export interface PairProblem {
  /** Which side the problem is reported on. */
  on: 'policy' | 'interpretation';
  field: 'interpretation' | 'policy' | 'publisher';
  message: string;
}

/** Problems of a policy/interpretation pair, empty when the two are correctly linked. */
export function pairProblems(policy: PolicyLinks, interpretation: InterpretationLinks): PairProblem[] {
  const problems: PairProblem[] = [];
  const policyId = publishedId(policy._id);
  const interpretationId = publishedId(interpretation._id);
  if (policy.interpretation?._ref !== interpretationId) {
    problems.push({
      on: 'policy',
      field: 'interpretation',
      message: `政策文件的「相关解读」应指向解读 ${interpretationId}，实为 ${policy.interpretation?._ref ?? '空'}`,
    });
  }
  if (interpretation.policy?._ref !== policyId) {
    problems.push({
      on: 'interpretation',
      field: 'policy',
      message: `解读的「相关文件」应指回政策文件 ${policyId}，实为 ${interpretation.policy?._ref ?? '空'}`,
    });
  }
  if (policy.drafter?._ref && interpretation.publisher?._ref !== policy.drafter._ref) {
    problems.push({
      on: 'interpretation',
      field: 'publisher',
      message: `谁起草、谁解读：解读的发布机构应为政策文件的起草科室 ${policy.drafter._ref}，实为 ${interpretation.publisher?._ref ?? '空'}`,
    });
  }
  return problems;
}
