/**
 * Checks that span documents: unique ids, references that resolve to a document of the
 * right type, and the policy/interpretation pair rule on the published documents.
 */
import { isContentType, isDraftId, isSystemDocument, publishedId } from './documentTypes.ts';
import { pairProblems, type InterpretationLinks, type PolicyLinks } from './pairRules.ts';
import type { Problem } from './problems.ts';
import { validateDocument } from './validateDocument.ts';

export interface StoredDocument {
  _id: string;
  _type: string;
  _rev?: string;
  [field: string]: unknown;
}

/** A document and the line of the file it was read from. */
export interface LocatedDocument {
  doc: StoredDocument;
  line?: number;
}

/** The `_type` a reference in a given field must point at. */
const REFERENCE_TARGETS: Record<string, Record<string, string>> = {
  policy: { publisher: 'department', drafter: 'department', interpretation: 'interpretation' },
  interpretation: { publisher: 'department', policy: 'policy' },
  complaintAnalysis: { publisher: 'department' },
  inspectionPlan: { publisher: 'department' },
  inspectionResult: { publisher: 'department', plan: 'inspectionPlan' },
  trademarkNews: { publisher: 'department' },
};

interface FoundReference {
  path: string;
  ref: string;
  weak: boolean;
}

function collectReferences(value: unknown, path: string[], found: FoundReference[]): FoundReference[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectReferences(item, [...path, String(index)], found));
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record._ref === 'string') {
      found.push({ path: path.join('.'), ref: record._ref, weak: record._weak === true });
    }
    for (const [key, child] of Object.entries(record)) {
      if (key !== '_ref') collectReferences(child, [...path, key], found);
    }
  }
  return found;
}

function locate(entry: LocatedDocument): Pick<Problem, 'id' | 'type' | 'line'> {
  return { id: entry.doc._id, type: entry.doc._type, ...(entry.line === undefined ? {} : { line: entry.line }) };
}

/** Every problem of a dataset: per-document validation, then the rules across documents. */
export function datasetProblems(entries: LocatedDocument[]): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, LocatedDocument>();
  for (const entry of entries) {
    problems.push(...validateDocument(entry.doc, entry.line));
    const existing = byId.get(entry.doc._id);
    if (existing) {
      problems.push({ ...locate(entry), field: '_id', message: `_id 重复（第 ${existing.line ?? '?'} 行已有同一 _id）` });
    } else {
      byId.set(entry.doc._id, entry);
    }
  }
  if (problems.length > 0) return problems;

  // The type a reference resolves to: the published document, or its draft when only a draft exists.
  const typeOf = (id: string) => (byId.get(id) ?? byId.get(`drafts.${id}`))?.doc._type;
  for (const entry of entries) {
    if (isSystemDocument(entry.doc)) continue;
    const targets = REFERENCE_TARGETS[entry.doc._type] ?? {};
    for (const { path, ref, weak } of collectReferences(entry.doc, [], [])) {
      const targetType = typeOf(ref);
      if (targetType === undefined) {
        if (!weak) problems.push({ ...locate(entry), field: path, message: `引用的文档 ${ref} 不存在` });
        continue;
      }
      const expected = targets[path];
      if (expected && targetType !== expected) {
        problems.push({ ...locate(entry), field: path, message: `应引用 ${expected} 类型的文档，而 ${ref} 是 ${targetType}` });
      }
    }
  }
  problems.push(...publishedPairProblems(entries));
  return problems;
}

/**
 * Rule 1 (paired) on what is published: every published policy has its published
 * interpretation and the other way round, linked both ways, 谁起草、谁解读.
 */
export function publishedPairProblems(entries: LocatedDocument[]): Problem[] {
  const problems: Problem[] = [];
  const published = new Map(
    entries.filter((e) => !isDraftId(e.doc._id) && isContentType(e.doc._type)).map((e) => [e.doc._id, e]),
  );
  for (const entry of published.values()) {
    const { doc } = entry;
    if (doc._type !== 'policy' && doc._type !== 'interpretation') continue;
    const isPolicy = doc._type === 'policy';
    const partnerField = isPolicy ? 'interpretation' : 'policy';
    const partnerRef = (doc[partnerField] as { _ref?: string } | undefined)?._ref;
    const partner = partnerRef === undefined ? undefined : published.get(publishedId(partnerRef));
    if (!partner) {
      problems.push({
        ...locate(entry),
        field: partnerField,
        message: isPolicy
          ? `已发布的政策文件缺少已发布的解读 ${partnerRef ?? ''}（政策文件与解读必须同步发布）`
          : `已发布的解读缺少已发布的政策文件 ${partnerRef ?? ''}（政策文件与解读必须同步发布）`,
      });
      continue;
    }
    // Each pair is checked once, from the policy's side.
    if (!isPolicy) continue;
    for (const problem of pairProblems(doc as PolicyLinks, partner.doc as InterpretationLinks)) {
      const where = problem.on === 'policy' ? entry : partner;
      problems.push({ ...locate(where), field: problem.field, message: problem.message });
    }
  }
  return problems;
}
