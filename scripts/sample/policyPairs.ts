/**
 * A policy (政策文件) and its interpretation (政策解读) are written as one spec and built
 * as one pair: they reference each other and the interpretation is published by the
 * department that drafted the policy (谁起草、谁解读).
 */
import { DEPARTMENTS, EDITORS, departmentId, interpreterOf, sourceOf, type DepartmentKey } from './departments.ts';
import { ISSUER, PROACTIVE, lastingWeakRef, ref, releaseAfter, slug, weakRef, type Doc } from './documents.ts';
import { portableText } from './portableText.ts';
import { pick, randomFor } from './random.ts';

export type Validity = 'valid' | 'amended' | 'repealed' | 'expired';

export interface InterpretationSpec {
  form: 'text' | 'qa' | 'graphic';
  /** `policy`: 《…》政策解读 (default); `about`: 关于《…》的解读. */
  titleStyle?: 'policy' | 'about';
  /** 第一解读人; the drafting department's head unless named. */
  interpreter?: string;
  summary: string;
  body: string[];
}

export interface PolicySpec {
  /** `2024-food-delivery`: the slug, and the ids `policy-<key>` / `interpretation-<key>`. */
  key: string;
  title: string;
  docNumber?: string;
  issuer?: string;
  drafter: DepartmentKey;
  /** 发布机构 of the policy: the drafter unless the office publishes it. */
  publisher?: DepartmentKey;
  topic: string;
  validity: Validity;
  /** Key of the policy that amended or repealed this one (its `replacedBy`). */
  replacedBy?: string;
  formedAt: string;
  /** Working days from formedAt to the release. */
  delay: number;
  summary: string;
  body: string[];
  disclosure?: { mode: 'proactive' | 'onRequest' | 'withheld'; reason?: string };
  interpretation: InterpretationSpec;
}

/** How the pair is stored: released, a draft of a released pair, or drafts never released. */
export type PairState = 'released' | 'draftOfRelease' | 'draftOnly';

export function policyId(key: string): string {
  return `policy-${key}`;
}

export function interpretationId(key: string): string {
  return `interpretation-${key}`;
}

/** The policy's title as quoted inside 《》: inner 《》 become 〈〉. */
function quoted(title: string): string {
  return `《${title.replaceAll('《', '〈').replaceAll('》', '〉')}》`;
}

export function interpretationTitle(spec: PolicySpec): string {
  return spec.interpretation.titleStyle === 'about' ? `关于${quoted(spec.title)}的解读` : `${quoted(spec.title)}政策解读`;
}

export function policyPair(spec: PolicySpec, state: PairState = 'released'): [Doc, Doc] {
  const draft = state !== 'released';
  const prefix = draft ? 'drafts.' : '';
  const release = state === 'released' ? releaseAfter(spec.formedAt, spec.delay, spec.key) : undefined;
  const editor = pick(randomFor(`editor:${spec.key}`), EDITORS);
  const disclosure = spec.disclosure ?? PROACTIVE;
  const pId = policyId(spec.key);
  const iId = interpretationId(spec.key);
  const policy: Doc = {
    _id: prefix + pId,
    _type: 'policy',
    title: spec.title,
    slug: slug(spec.key),
    publisher: ref(departmentId(spec.publisher ?? spec.drafter)),
    topic: spec.topic,
    summary: spec.summary,
    formedAt: spec.formedAt,
    ...(release ? { publishedAt: release.publishedAt } : {}),
    disclosure,
    ...(spec.docNumber ? { docNumber: spec.docNumber } : {}),
    issuer: spec.issuer ?? ISSUER,
    drafter: ref(departmentId(spec.drafter)),
    validity: spec.validity,
    ...(spec.replacedBy ? { replacedBy: lastingWeakRef(policyId(spec.replacedBy)) } : {}),
    interpretation: state === 'draftOnly' ? weakRef(iId, 'interpretation') : ref(iId),
    responsibleEditor: editor,
    source: sourceOf(spec.drafter),
    body: portableText(spec.body),
  };
  const interpretation: Doc = {
    _id: prefix + iId,
    _type: 'interpretation',
    title: interpretationTitle(spec),
    slug: slug(spec.key),
    publisher: ref(departmentId(spec.drafter)),
    topic: spec.topic,
    summary: spec.interpretation.summary,
    formedAt: spec.formedAt,
    ...(release ? { publishedAt: release.publishedAt } : {}),
    disclosure,
    policy: state === 'draftOnly' ? weakRef(pId, 'policy') : ref(pId),
    interpreter: spec.interpretation.interpreter ?? interpreterOf(spec.drafter),
    form: spec.interpretation.form,
    responsibleEditor: editor,
    source: sourceOf(spec.drafter),
    body: portableText(spec.interpretation.body),
  };
  return [policy, interpretation];
}

/** The name of a department, for text that mentions who does what. */
export function departmentName(key: DepartmentKey): string {
  return DEPARTMENTS[key].name;
}
