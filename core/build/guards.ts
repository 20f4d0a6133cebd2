/**
 * The public build's own check of the rules it depends on (spec §2 rules 1 and 6), on the
 * data it actually read — whatever source it came from. It refuses to build, naming the
 * documents, rather than publish half a pair or a link to something that is not public.
 */
import { ContentError, type Problem } from '../model/problems.ts';

interface Linked {
  _id: string;
  _type?: string;
  title: string;
  slug: { current: string };
}
interface PolicyLike extends Linked {
  interpretationRef: { _ref: string };
  interpretation: Linked | null;
}
interface InterpretationLike extends Linked {
  policyRef: { _ref: string };
  policy: Linked | null;
}

export interface GuardInput {
  policies: PolicyLike[];
  interpretations: InterpretationLike[];
  /** Every public document by type, for the slug check. */
  byType: Record<string, Linked[]>;
}

export function publishableProblems({ policies, interpretations, byType }: GuardInput): Problem[] {
  const problems: Problem[] = [];
  const publicInterpretations = new Set(interpretations.map((i) => i._id));
  const publicPolicies = new Set(policies.map((p) => p._id));
  for (const policy of policies) {
    if (!policy.interpretation || !publicInterpretations.has(policy.interpretation._id)) {
      problems.push({
        id: policy._id,
        type: 'policy',
        field: 'interpretation',
        message: `公开的政策文件「${policy.title}」缺少公开的解读 ${policy.interpretationRef._ref}：政策文件与解读必须同步发布`,
      });
    }
  }
  for (const interpretation of interpretations) {
    if (!interpretation.policy || !publicPolicies.has(interpretation.policy._id)) {
      problems.push({
        id: interpretation._id,
        type: 'interpretation',
        field: 'policy',
        message: `公开的解读「${interpretation.title}」缺少公开的政策文件 ${interpretation.policyRef._ref}：政策文件与解读必须同步发布`,
      });
    }
  }
  for (const [type, documents] of Object.entries(byType)) {
    const seen = new Map<string, string>();
    for (const doc of documents) {
      const other = seen.get(doc.slug.current);
      if (other) {
        problems.push({ id: doc._id, type, field: 'slug', message: `网址标识「${doc.slug.current}」与 ${other} 重复` });
      } else {
        seen.set(doc.slug.current, doc._id);
      }
    }
  }
  return problems;
}

export function assertPublishable(input: GuardInput, source: string): void {
  const problems = publishableProblems(input);
  if (problems.length > 0) throw new ContentError(`拒绝构建公开网站（${source}）`, problems);
}
