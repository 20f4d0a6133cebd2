/**
 * 政策文件与解读 (content/sample/policies/<year>.yaml and drafts.yaml). A policy and its
 * interpretation are written as one entry and built as one pair: they reference each other,
 * and the interpretation is published by the department that drafted the policy (谁起草、谁解读).
 */
import { z } from 'zod';
import { POLICY_KINDS, VALIDITY, valuesOf } from '../../core/model/vocabulary.ts';
import {
  contentProblem,
  date,
  disclosure,
  paragraphs,
  prose,
  readContentFile,
  saved,
  slugKey,
  timestamp,
  topic,
  workingDays,
} from './content.ts';
import type { Departments } from './departments.ts';
import { attachment, attachmentSpec, type Attachment } from './attachments.ts';
import { ISSUER, PROACTIVE, lastingWeakRef, ref, releaseAfter, slug, weakRef, type Doc } from './documents.ts';
import { portableText } from './portableText.ts';
import { pick, randomFor } from './random.ts';

const POLICY_YEARS = [2022, 2023, 2024, 2025, 2026] as const;

function pairSchema(departments: Departments) {
  return z.strictObject({
    /** `2024-food-delivery`: the slug, and the ids `policy-<key>` / `interpretation-<key>`. */
    key: slugKey,
    title: z.string().min(4),
    docNumber: z.string().optional(),
    issuer: z.string().optional(),
    drafter: departments.key,
    /** 发布机构 of the policy: the drafter unless the office publishes it. */
    publisher: departments.key.optional(),
    topic,
    validity: z.enum(valuesOf(VALIDITY)),
    /** 文件类别: 表二 of the annual report counts by it. */
    kind: z.enum(valuesOf(POLICY_KINDS)),
    /** 制发日期, when not the 生成日期. */
    issuedAt: date.optional(),
    /** 废止（失效）日期 of a repealed or expired policy. */
    repealedAt: date.optional(),
    /** Key of the policy that amended or repealed this one. */
    replacedBy: slugKey.optional(),
    formedAt: date,
    delay: workingDays,
    disclosure: disclosure.optional(),
    summary: z.string().min(10),
    body: prose,
    /** 附件: files in site/public/attachments/ (scripts/sample/attachments.ts). */
    attachments: z.array(attachmentSpec).optional(),
    interpretation: z.strictObject({
      form: z.enum(['text', 'qa', 'graphic']),
      /** `policy`: 《…》政策解读 (default); `about`: 关于《…》的解读. */
      titleStyle: z.enum(['policy', 'about']).optional(),
      /** 第一解读人; the drafting department's head unless named. */
      interpreter: z.string().optional(),
      summary: z.string().min(10),
      body: prose,
    }),
  });
}

type PairSpec = z.output<ReturnType<typeof pairSchema>>;

function draftsSchema(departments: Departments) {
  const drafts = { policy: saved, interpretation: saved };
  /** An edit of a released pair: what changed; everything else is the release's. */
  const revision = z.strictObject({
    revises: slugKey,
    title: z.string().min(4),
    formedAt: date,
    summary: z.string().min(10),
    body: prose,
    interpretation: z.strictObject({ summary: z.string().min(10), body: prose }),
    saved: z.strictObject(drafts),
  });
  /** A pair never released; `submitted` when it waits for sign-off. */
  const unreleased = pairSchema(departments)
    .omit({ delay: true })
    .extend({ saved: z.strictObject(drafts), submitted: z.strictObject({ actor: z.string().min(2), at: timestamp }).optional() });
  return z.array(z.union([revision, unreleased]));
}

/** How the pair is stored: released, a draft of a released pair, or drafts never released. */
type PairState = 'released' | 'draftOfRelease' | 'draftOnly';

/** The policy's title as quoted inside 《》: inner 《》 become 〈〉. */
export function quoted(title: string): string {
  return `《${title.replaceAll('《', '〈').replaceAll('》', '〉')}》`;
}

function pair(
  departments: Departments,
  spec: Omit<PairSpec, 'delay'> & { delay?: number },
  state: PairState,
  files: Attachment[] = [],
): [Doc, Doc] {
  const draft = state !== 'released';
  const prefix = draft ? 'drafts.' : '';
  const release = state === 'released' ? releaseAfter(spec.formedAt, spec.delay ?? 0, spec.key) : undefined;
  const editor = pick(randomFor(`editor:${spec.key}`), departments.editors);
  const disclosure = spec.disclosure ?? PROACTIVE;
  const pId = `policy-${spec.key}`;
  const iId = `interpretation-${spec.key}`;
  const interpretation = spec.interpretation;
  const common = { slug: slug(spec.key) };
  return [
    {
      _id: prefix + pId,
      _type: 'policy',
      title: spec.title,
      ...common,
      publisher: ref(departments.id(spec.publisher ?? spec.drafter)),
      topic: spec.topic,
      summary: spec.summary,
      formedAt: spec.formedAt,
      ...(release ? { publishedAt: release.publishedAt } : {}),
      disclosure,
      ...(spec.docNumber ? { docNumber: spec.docNumber } : {}),
      issuer: spec.issuer ?? ISSUER,
      drafter: ref(departments.id(spec.drafter)),
      validity: spec.validity,
      kind: spec.kind,
      ...(spec.issuedAt ? { issuedAt: spec.issuedAt } : {}),
      ...(spec.repealedAt ? { repealedAt: spec.repealedAt } : {}),
      ...(spec.replacedBy ? { replacedBy: lastingWeakRef(`policy-${spec.replacedBy}`) } : {}),
      interpretation: state === 'draftOnly' ? weakRef(iId, 'interpretation') : ref(iId),
      responsibleEditor: editor,
      source: departments.source(spec.drafter),
      body: portableText(paragraphs(spec.body)),
      ...(files.length > 0 ? { attachments: files.map((file) => file.entry) } : {}),
    },
    {
      _id: prefix + iId,
      _type: 'interpretation',
      title: interpretation.titleStyle === 'about' ? `关于${quoted(spec.title)}的解读` : `${quoted(spec.title)}政策解读`,
      ...common,
      publisher: ref(departments.id(spec.drafter)),
      topic: spec.topic,
      summary: interpretation.summary,
      formedAt: spec.formedAt,
      ...(release ? { publishedAt: release.publishedAt } : {}),
      disclosure,
      policy: state === 'draftOnly' ? weakRef(pId, 'policy') : ref(pId),
      interpreter: interpretation.interpreter ?? departments.interpreter(spec.drafter),
      form: interpretation.form,
      responsibleEditor: editor,
      source: departments.source(spec.drafter),
      body: portableText(paragraphs(interpretation.body)),
    },
  ];
}

function stamped(doc: Doc, times: { createdAt: string; updatedAt: string }): Doc {
  return { ...doc, _createdAt: times.createdAt, _updatedAt: times.updatedAt };
}

export interface Policies {
  /** Released pairs in order of formation, then the drafts. */
  documents: Doc[];
  /** The unreleased pair waiting for sign-off, if any: its policy id, who submitted it and when. */
  submitted?: { unit: string; actor: string; at: string };
}

export function policies(directory: string, departments: Departments): Policies {
  const schema = z.array(pairSchema(departments));
  const files = POLICY_YEARS.map((year) => `policies/${year}.yaml`);
  const released = files.flatMap((file) => readContentFile(directory, file, schema).map((spec) => ({ ...spec, file })));
  const byKey = new Map(released.map((spec) => [spec.key, spec]));
  for (const spec of released) {
    if (spec.replacedBy !== undefined && !byKey.has(spec.replacedBy)) {
      throw contentProblem(directory, spec.file, spec.key, 'replacedBy', `没有 key 为 ${spec.replacedBy} 的已发布政策文件`);
    }
  }
  // Each attachment's file, read once: its asset document comes before the documents that attach it.
  const attached = new Map<string, Attachment[]>();
  const assets = new Map<string, Doc>();
  for (const spec of released) {
    const found = (spec.attachments ?? []).map((item, index) => {
      const file = attachment(item, index);
      if (!file)
        throw contentProblem(directory, spec.file, spec.key, `attachments.${index}.file`, `site/public/attachments/ 中没有 ${item.file}`);
      assets.set(file.asset._id, file.asset);
      return file;
    });
    attached.set(spec.key, found);
  }
  const documents = [
    ...assets.values(),
    ...[...released]
      .sort((a, b) => a.formedAt.localeCompare(b.formedAt))
      .flatMap((spec) => pair(departments, spec, 'released', attached.get(spec.key))),
  ];
  let submitted: Policies['submitted'];
  for (const entry of readContentFile(directory, 'policies/drafts.yaml', draftsSchema(departments))) {
    let drafts: [Doc, Doc];
    if ('revises' in entry) {
      const base = byKey.get(entry.revises);
      if (!base)
        throw contentProblem(directory, 'policies/drafts.yaml', entry.revises, 'revises', `没有 key 为 ${entry.revises} 的已发布政策文件`);
      const { revises: _, saved: __, interpretation, ...changes } = entry;
      drafts = pair(
        departments,
        { ...base, ...changes, interpretation: { ...base.interpretation, ...interpretation } },
        'draftOfRelease',
        attached.get(base.key),
      );
    } else {
      drafts = pair(departments, entry, 'draftOnly');
      if (entry.submitted) submitted = { unit: `policy-${entry.key}`, ...entry.submitted };
    }
    documents.push(stamped(drafts[0], entry.saved.policy), stamped(drafts[1], entry.saved.interpretation));
  }
  return { documents, ...(submitted ? { submitted } : {}) };
}
