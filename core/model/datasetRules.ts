/**
 * Checks that span documents: unique ids, references that resolve to a published document
 * of the right type, the policy/interpretation pair rule on the published documents, and
 * the build's rules on the public ones (unique addresses and numbers, no link to anything
 * that is not public, something to publish).
 */
import { docNumberKey, indexNumberProblems, publishableProblems, WHOLE_DATASET, type PublicDocument } from '../build/guards.ts';
import { isContentType, isDraftId, isPublicType, isPublishedId, isSystemDocument, isVersionId, publishedId } from './documentTypes.ts';
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

/**
 * The `_type`s a reference in a given field may point at; `*` stands for any array index.
 * The first is the type named in messages.
 */
const REFERENCE_TARGETS: Record<string, Record<string, string[]>> = {
  policy: { publisher: ['department'], drafter: ['department'], interpretation: ['interpretation'], replacedBy: ['policy'] },
  interpretation: { publisher: ['department'], policy: ['policy'] },
  complaintAnalysis: { publisher: ['department'] },
  inspectionPlan: { publisher: ['department'] },
  inspectionResult: { publisher: ['department'], plan: ['inspectionPlan'] },
  trademarkNews: { publisher: ['department'] },
  disclosureCommitment: { department: ['department'] },
  disclosureGuide: { publisher: ['department'] },
  disclosureRule: { publisher: ['department'] },
  proposalReply: { publisher: ['department'] },
};
/** Every public type's attachments point at file (or image) assets. */
const ATTACHMENT_TARGETS = ['sanity.fileAsset', 'sanity.imageAsset'];

function expectedTargets(type: string, path: string): string[] | undefined {
  const general = path.replace(/\.\d+(?=\.|$)/g, '.*');
  if (isPublicType(type) && general === 'attachments.*.asset') return ATTACHMENT_TARGETS;
  return REFERENCE_TARGETS[type]?.[general];
}

interface FoundReference {
  path: string;
  ref: string;
  weak: boolean;
}

/**
 * Every `_ref` in a document, with its dotted path. Iterative, and spelling a path out only
 * for a reference found: every document of the dataset is walked, twice.
 */
function collectReferences(doc: unknown): FoundReference[] {
  interface Entry {
    key: string;
    parent: Entry | null;
  }
  const pathOf = (entry: Entry | null): string => {
    const keys: string[] = [];
    for (let e = entry; e; e = e.parent) keys.push(e.key);
    return keys.reverse().join('.');
  };
  const found: FoundReference[] = [];
  const values: unknown[] = [doc];
  const entries: (Entry | null)[] = [null];
  while (values.length > 0) {
    const value = values.pop();
    const entry = entries.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item = value[i];
        if (item !== null && typeof item === 'object') {
          values.push(item);
          entries.push({ key: String(i), parent: entry });
        }
      }
      continue;
    }
    const record = value as Record<string, unknown>;
    if (typeof record._ref === 'string') found.push({ path: pathOf(entry), ref: record._ref, weak: record._weak === true });
    const keys = Object.keys(record);
    for (let i = keys.length - 1; i >= 0; i--) {
      const child = record[keys[i]!];
      if (child !== null && typeof child === 'object') {
        values.push(child);
        entries.push({ key: keys[i]!, parent: entry });
      }
    }
  }
  return found;
}

function locate(entry: LocatedDocument): Pick<Problem, 'id' | 'type' | 'line'> {
  return { id: entry.doc._id, type: entry.doc._type, ...(entry.line === undefined ? {} : { line: entry.line }) };
}

export interface DatasetRuleOptions {
  /**
   * The dataset is to be published (`npm run validate`, the public build): it must hold at
   * least one public document. The workflow and the preview work on datasets of drafts too.
   */
  publication?: boolean;
  /**
   * The dataset is read for the reviewers' draft preview, which lists what would block a
   * release (the build's rules on the public documents) instead of refusing to show it.
   */
  preview?: boolean;
  /**
   * What earlier calls learnt about documents that have not changed since (the local Content
   * Lake checks the whole dataset on every write, and a write changes a few documents).
   */
  memo?: DocumentRuleMemo;
}

/**
 * Per-document results kept between calls, keyed by the document object itself: a stored
 * document is never changed in place (a write stores a new object), so an object once found
 * valid stays valid, and its references stay what they were. Only "valid" is kept — a
 * problem carries the line it was found on, which may differ next time — so a dataset with
 * problems is checked in full again, and the rules across documents always run over all of
 * them: the answer is the one a call without a memo gives.
 */
export class DocumentRuleMemo {
  private readonly valid = new WeakSet<object>();
  private readonly references = new WeakMap<object, FoundReference[]>();

  problemsOf(doc: StoredDocument, line: number | undefined): Problem[] {
    if (this.valid.has(doc)) return [];
    const problems = validateDocument(doc, line);
    if (problems.length === 0) this.valid.add(doc);
    return problems;
  }

  referencesOf(doc: StoredDocument): FoundReference[] {
    let found = this.references.get(doc);
    if (!found) {
      found = collectReferences(doc);
      this.references.set(doc, found);
    }
    return found;
  }
}

/** Whether the public can see a stored document: published, of a public type, 主动公开. */
export function isPublicDocument(doc: StoredDocument): boolean {
  return isPublishedId(doc._id) && isPublicType(doc._type) && (doc.disclosure as { mode?: unknown } | undefined)?.mode === 'proactive';
}

/**
 * Every problem of a dataset: per-document validation, then the rules across documents,
 * ending with the very rules the build checks on what it publishes (core/build/guards.ts),
 * so that a dataset that validates is one the build accepts.
 */
export function datasetProblems(
  entries: LocatedDocument[],
  { publication = false, preview = false, memo }: DatasetRuleOptions = {},
): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, LocatedDocument>();
  for (const entry of entries) {
    problems.push(...(memo ? memo.problemsOf(entry.doc, entry.line) : validateDocument(entry.doc, entry.line)));
    const existing = byId.get(entry.doc._id);
    if (existing) {
      problems.push({ ...locate(entry), field: '_id', message: `_id 重复（第 ${existing.line ?? '?'} 行已有同一 _id）` });
    } else {
      byId.set(entry.doc._id, entry);
    }
  }
  if (problems.length > 0) return problems;
  // Several rules read each document's references: find them once.
  const references = new Map<StoredDocument, FoundReference[]>();
  const referencesOf = (doc: StoredDocument): FoundReference[] => {
    if (memo) return memo.referencesOf(doc);
    let found = references.get(doc);
    if (!found) {
      found = collectReferences(doc);
      references.set(doc, found);
    }
    return found;
  };

  // A draft or release version is the same document as its published one: same type.
  for (const entry of entries) {
    if (isPublishedId(entry.doc._id)) continue;
    const published = byId.get(basePublishedId(entry.doc._id));
    if (published && published.doc._type !== entry.doc._type) {
      problems.push({
        ...locate(entry),
        field: '_type',
        message: `与已发布版本 ${published.doc._id} 的类型 ${published.doc._type} 不一致`,
      });
    }
  }

  // The type a reference resolves to: the published document, or its draft when only a draft exists.
  const typeOf = (id: string) => (byId.get(id) ?? byId.get(`drafts.${id}`))?.doc._type;
  const unpublishedTargets: { entry: LocatedDocument; path: string; ref: string }[] = [];
  for (const entry of entries) {
    if (isSystemDocument(entry.doc)) continue;
    for (const { path, ref, weak } of referencesOf(entry.doc)) {
      if (!isPublishedId(ref)) {
        problems.push({ ...locate(entry), field: path, message: `引用不能指向草稿或发布版本 ${ref}（应引用已发布文档的 _id）` });
        continue;
      }
      const targetType = typeOf(ref);
      if (targetType === undefined) {
        if (!weak) problems.push({ ...locate(entry), field: path, message: `引用的文档 ${ref} 不存在` });
        continue;
      }
      const expected = expectedTargets(entry.doc._type, path);
      if (expected && !expected.includes(targetType)) {
        problems.push({ ...locate(entry), field: path, message: `应引用 ${expected[0]} 类型的文档，而 ${ref} 是 ${targetType}` });
        continue;
      }
      // Sanity cannot publish a strong reference to a document that only exists as a draft.
      if (!weak && isPublishedId(entry.doc._id) && !byId.has(ref)) unpublishedTargets.push({ entry, path, ref });
    }
  }
  problems.push(...publishedPairProblems(entries));
  for (const { entry, path, ref } of unpublishedTargets) {
    problems.push({ ...locate(entry), field: path, message: `已发布的文档引用了尚未发布（只有草稿）的 ${ref}` });
  }

  const lines = new Map(entries.map((entry) => [entry.doc._id, entry.line]));
  const publicView = publicDocuments(entries, referencesOf);
  const published = entries.filter((entry) => isPublishedId(entry.doc._id) && isPublicType(entry.doc._type));
  const guard = [
    ...(preview ? [] : publishableProblems(publicView, { requireContent: publication })),
    // 索引号 identify every piece of government information, public or not: one number, one document.
    ...indexNumberProblems(
      published.map(({ doc }) => ({ _id: doc._id, _type: doc._type, indexNumber: doc.indexNumber as string | undefined })),
    ),
    ...docNumberProblems(published.map(({ doc }) => doc)),
  ];
  if (publication && entries.length === 0) {
    guard.unshift({ id: WHOLE_DATASET, field: '', message: '数据集是空的（没有任何文档）' });
  }
  for (const problem of guard) {
    const line = lines.get(problem.id);
    problems.push(line === undefined ? problem : { ...problem, line });
  }
  return withoutRepeats(problems);
}

/**
 * 发文字号 are unique across the dataset, public or withheld, of any type that has one: two documents
 * under one number cannot both be the bureau's document of that number. One number written two ways
 * (〔〕, [], （）) is the same number (docNumberKey). The problem names both documents.
 */
function docNumberProblems(published: StoredDocument[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, StoredDocument>();
  for (const doc of published) {
    const value = typeof doc.docNumber === 'string' ? doc.docNumber.trim() : '';
    if (!value) continue;
    const key = docNumberKey(value);
    const other = seen.get(key);
    if (!other) {
      seen.set(key, doc);
      continue;
    }
    problems.push({
      id: doc._id,
      type: doc._type,
      field: 'docNumber',
      message: `发文字号「${value}」与 ${other._id}（${String(other.title ?? '')}）的「${String(other.docNumber)}」重复：一个发文字号只能对应一份文件`,
    });
  }
  return problems;
}

/** One problem per document field: the first found says it best (the more specific rules run first). */
function withoutRepeats(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.id}\u0000${problem.field}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The public documents of a stored dataset, as the build's rules see them. */
function publicDocuments(
  entries: LocatedDocument[],
  referencesOf: (doc: StoredDocument) => FoundReference[] = collectReferences,
): PublicDocument[] {
  const publicById = new Map<string, StoredDocument>();
  for (const { doc } of entries) if (isPublicDocument(doc)) publicById.set(doc._id, doc);
  const storedType = new Map(entries.map(({ doc }) => [publishedIdOf(doc._id), doc._type]));
  return [...publicById.values()].map((doc) => ({
    _id: doc._id,
    _type: doc._type,
    title: String(doc.title ?? ''),
    slug: { current: String((doc.slug as { current?: unknown } | undefined)?.current ?? '') },
    indexNumber: doc.indexNumber as string | undefined,
    docNumber: doc.docNumber as string | undefined,
    // Links to disclosure documents: the fields that must point at one, and any other
    // reference that happens to (a reference in the body, say).
    links: referencesOf(doc)
      .filter(({ path, ref }) => {
        const expected = expectedTargets(doc._type, path);
        return expected ? expected.some(isPublicType) : isPublicType(storedType.get(publishedIdOf(ref)) ?? '');
      })
      .map(({ path, ref, weak }) => ({ field: path, ref, weak, target: publicById.has(ref) ? { _id: ref } : null })),
  }));
}

/** `drafts.x` and `versions.<release>.x` → `x`. */
function publishedIdOf(id: string): string {
  if (isVersionId(id)) return id.split('.').slice(2).join('.');
  return publishedId(id);
}
const basePublishedId = publishedIdOf;

/**
 * Rule 1 (paired) on what is published: every published policy has its published
 * interpretation and the other way round, linked both ways, 谁起草、谁解读.
 */
function publishedPairProblems(entries: LocatedDocument[]): Problem[] {
  const problems: Problem[] = [];
  const published = new Map(entries.filter((e) => !isDraftId(e.doc._id) && isContentType(e.doc._type)).map((e) => [e.doc._id, e]));
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
