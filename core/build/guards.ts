/**
 * The rules of what may be published (spec §2 rules 1 and 6), over the public documents
 * only: the one check that `npm run validate` and the build both run. Validation reads them
 * out of the stored dataset (core/model/datasetRules.ts); the build runs them again on what
 * its queries returned, so a Content Lake source is held to the same rules. It refuses,
 * naming the documents, rather than publish half a pair, a link to something that is not
 * public, two pages at one address, or a site with nothing on it.
 */
import { ContentError, type Problem } from '../model/problems.ts';

/** A reference from a public document to another disclosure document. */
interface PublicLink {
  field: string;
  ref: string;
  /** A weak reference may point at nothing; the page then simply leaves the link out. */
  weak?: boolean;
  /** The referenced document if it is public (published and 主动公开), else null. */
  target: { _id: string } | null;
}

/** A public document as these rules see it. */
export interface PublicDocument {
  _id: string;
  _type: string;
  title: string;
  slug: { current: string };
  indexNumber?: string | null | undefined;
  docNumber?: string | null | undefined;
  links: PublicLink[];
}

export interface PublishOptions {
  /** Refuse when there is nothing public at all (the public build; a preview may be empty). */
  requireContent?: boolean;
}

/** The id problems about the dataset as a whole are filed under. */
export const WHOLE_DATASET = '<整个数据集>';

/** 国发〔2019〕5号, 国发[2019]5号 and 国发（2019）5号 are one 发文字号. */
export function docNumberKey(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200f\ufeff]/g, '')
    .replace(/[〔［[（(【｛{]/g, '〔')
    .replace(/[〕］\]）)】｝}]/g, '〕')
    .replace(/〕第/g, '〕');
}

function linkProblem(doc: PublicDocument, link: PublicLink): Problem {
  const at = { id: doc._id, type: doc._type, field: link.field };
  if (doc._type === 'policy' && link.field === 'interpretation') {
    return { ...at, message: `公开的政策文件「${doc.title}」缺少公开的解读 ${link.ref}：政策文件与解读必须同步发布` };
  }
  if (doc._type === 'interpretation' && link.field === 'policy') {
    return { ...at, message: `公开的解读「${doc.title}」缺少公开的政策文件 ${link.ref}：政策文件与解读必须同步发布` };
  }
  return { ...at, message: `公开文档「${doc.title}」引用的 ${link.ref} 不是已发布的主动公开信息：公开页面不能链接不公开的信息` };
}

type Numbered = Pick<PublicDocument, '_id' | '_type' | 'indexNumber'>;

/** Documents of `documents` sharing a value (`valueIn`, compared by `keyOf`), each after the first reported. */
function duplicateProblems<D extends Numbered>(
  documents: D[],
  field: string,
  valueIn: (doc: D) => string | null | undefined,
  keyOf: (value: string) => string,
  describe: (value: string, other: D) => string,
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, D>();
  for (const doc of documents) {
    const value = valueIn(doc);
    if (value === null || value === undefined || value === '') continue;
    const key = keyOf(value);
    const other = seen.get(key);
    if (other) problems.push({ id: doc._id, type: doc._type, field, message: describe(value, other) });
    else seen.set(key, doc);
  }
  return problems;
}

/** 索引号 identify one piece of government information each. */
export function indexNumberProblems(documents: Numbered[]): Problem[] {
  return duplicateProblems(
    documents,
    'indexNumber',
    (d) => d.indexNumber,
    (v) => v.trim(),
    (v, other) => `索引号「${v}」与 ${other._id} 重复（索引号一文一号）`,
  );
}

export function publishableProblems(documents: PublicDocument[], { requireContent = false }: PublishOptions = {}): Problem[] {
  const problems: Problem[] = [];
  if (requireContent && documents.length === 0) {
    problems.push({
      id: WHOLE_DATASET,
      field: '',
      message: '没有任何已发布的主动公开文档（空数据集，或只有草稿、不公开信息和辅助数据）：拒绝用空网站替换现有网站',
    });
  }
  const byId = new Map(documents.map((doc) => [doc._id, doc]));
  for (const doc of documents) {
    for (const link of doc.links) {
      if (link.target === null) {
        if (!link.weak) problems.push(linkProblem(doc, link));
        continue;
      }
      // A pair is linked both ways: the partner must name this document back.
      if (doc._type === 'policy' && link.field === 'interpretation') {
        const back = byId.get(link.target._id)?.links.find((l) => l.field === 'policy');
        if (back && back.ref !== doc._id) {
          problems.push({
            id: link.target._id,
            type: 'interpretation',
            field: 'policy',
            message: `解读的「相关文件」应指回政策文件 ${doc._id}，实为 ${back.ref}`,
          });
        }
      }
    }
  }
  const byType = new Map<string, PublicDocument[]>();
  for (const doc of documents) {
    const list = byType.get(doc._type) ?? [];
    list.push(doc);
    byType.set(doc._type, list);
  }
  for (const list of byType.values()) {
    problems.push(
      ...duplicateProblems(
        list,
        'slug',
        (d) => d.slug.current,
        (v) => v,
        (v, other) => `网址标识「${v}」与 ${other._id} 重复（两个页面不能在同一网址）`,
      ),
    );
  }
  problems.push(
    ...indexNumberProblems(documents),
    ...duplicateProblems(
      byType.get('policy') ?? [],
      'docNumber',
      (d) => d.docNumber,
      docNumberKey,
      (v, other) => `发文字号「${v}」与 ${other._id} 的「${other.docNumber}」重复`,
    ),
  );
  return problems;
}

interface Queried {
  _id: string;
  _type: string;
  title: string;
  slug: { current: string };
  indexNumber?: string | null | undefined;
  docNumber?: unknown;
}
type StoredRef = { _ref: string; _weak?: boolean | undefined };

/** What the public queries return (core/content/queries.ts), as these rules see it. */
export interface QueriedContent {
  policies: (Queried & { interpretationRef: StoredRef; interpretation: { _id: string } | null })[];
  interpretations: (Queried & { policyRef: StoredRef; policy: { _id: string } | null })[];
  results: (Queried & { planRef?: StoredRef | null | undefined; plan?: { _id: string } | null | undefined })[];
  /** Every other public document (12315 analyses, plans, news): no links to other disclosure documents. */
  others: Queried[];
}

/**
 * The public documents of a build's query results. Each reference the queries follow (with
 * `publicRef`, which gives null for anything not public) is a link with its stored reference.
 */
export function publicDocumentsOfQueries({ policies, interpretations, results, others }: QueriedContent): PublicDocument[] {
  const asPublic = (doc: Queried, links: PublicLink[]): PublicDocument => ({
    _id: doc._id,
    _type: doc._type,
    title: doc.title,
    slug: doc.slug,
    indexNumber: doc.indexNumber,
    docNumber: typeof doc.docNumber === 'string' ? doc.docNumber : undefined,
    links,
  });
  const link = (field: string, stored: StoredRef, target: { _id: string } | null | undefined): PublicLink => ({
    field,
    ref: stored._ref,
    weak: stored._weak === true,
    target: target ?? null,
  });
  return [
    ...policies.map((p) => asPublic(p, [link('interpretation', p.interpretationRef, p.interpretation)])),
    ...interpretations.map((i) => asPublic(i, [link('policy', i.policyRef, i.policy)])),
    ...results.map((r) => asPublic(r, r.planRef ? [link('plan', r.planRef, r.plan)] : [])),
    ...others.map((d) => asPublic(d, [])),
  ];
}

export function assertPublishable(documents: PublicDocument[], source: string, options: PublishOptions = {}): void {
  const problems = publishableProblems(documents, options);
  if (problems.length > 0) throw new ContentError(`拒绝构建公开网站（${source}）`, problems);
}
