/**
 * A problem found in content: which document, which field, what is wrong.
 * Every loader and validator reports problems in this one shape so that editors and
 * operators always get the document `_id` and the field, never a bare stack trace.
 */
export interface Problem {
  /** The document's `_id`, or a placeholder such as `<line 12>` when the line could not be read. */
  id: string;
  /** The document's `_type`, when known. */
  type?: string;
  /** Dotted field path (`records.3.creditCode`), or empty for the document as a whole. */
  field: string;
  message: string;
  /** 1-based line of the NDJSON file the document came from. */
  line?: number;
}

export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? '' : `第 ${problem.line} 行 `;
  const type = problem.type ? `（${problem.type}）` : '';
  const field = problem.field ? ` 字段 ${problem.field}` : '';
  return `${where}文档 ${problem.id}${type}${field}：${problem.message}`;
}

/** Thrown when content fails validation; carries every problem found, not just the first. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(source: string, problems: Problem[]) {
    const shown = problems.slice(0, 50).map((p) => `  - ${formatProblem(p)}`);
    const more = problems.length > 50 ? [`  …另有 ${problems.length - 50} 个问题`] : [];
    super([`${source}：发现 ${problems.length} 个问题`, ...shown, ...more].join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }
}
