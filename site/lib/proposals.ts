/** 建议提案办理复文 as the list page shows them: by year of the reply, newest first, then by kind. */
import { PROPOSAL_KINDS, valuesOf, type ProposalKind } from '../../core/model/vocabulary.ts';

interface Reply {
  kind: ProposalKind;
  repliedAt: string;
  number: string;
}

interface ProposalYear<T> {
  year: string;
  kinds: { kind: ProposalKind; label: string; replies: T[] }[];
}

const KIND_ORDER = valuesOf(PROPOSAL_KINDS);
const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Replies grouped by the year of their 答复日期 (newest first), then by kind (建议 before 提案), each by number. */
export function proposalsByYear<T extends Reply>(replies: T[]): ProposalYear<T>[] {
  const years = [...new Set(replies.map((reply) => reply.repliedAt.slice(0, 4)))].sort((a, b) => b.localeCompare(a));
  return years.map((year) => ({
    year,
    kinds: KIND_ORDER.flatMap((kind) => {
      const chosen = replies
        .filter((reply) => reply.repliedAt.startsWith(year) && reply.kind === kind)
        .sort((a, b) => collator.compare(a.number, b.number));
      return chosen.length > 0 ? [{ kind, label: PROPOSAL_KINDS[kind], replies: chosen }] : [];
    }),
  }));
}
