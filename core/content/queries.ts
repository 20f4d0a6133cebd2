/**
 * The GROQ queries of the project, one module for every source and every consumer.
 *
 * Public queries only ever select proactive information (rule 6): the filter is part of
 * the query text, so the Content Lake never even sends anything else.
 */
import { z } from 'zod';
import type { ContentType } from '../model/documentTypes.ts';
import { documentShape, fieldShapes, reference, slug, withCrossFieldChecks } from '../model/schemas.ts';
import { defineQuery } from './query.ts';
import { CONTENT_DECLARATIONS } from '../model/types/index.ts';

/** GROQ filter for information the public may see. */
const PROACTIVE = `disclosure.mode == "proactive"`;

/**
 * The one way a query follows a reference to another disclosure document: the target's
 * fields come back only when the target is itself 主动公开, else null — so a public page can
 * never show the title of a withheld document it points at. (Departments are support data,
 * not disclosure documents, and are dereferenced directly.)
 *
 *   publicRef('plan', '{_id, title}') → select(plan->disclosure.mode == "proactive" => plan->{_id, title})
 */
function publicRef(field: string, projection: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new Error(`publicRef: not a field name: ${field}`);
  return `select(${field}->${PROACTIVE} => ${field}->${projection})`;
}

const department = z.looseObject({ _id: z.string(), name: z.string(), code: z.string() });
const linkedDocument = z.looseObject({
  _id: z.string(),
  _type: z.string(),
  title: z.string(),
  slug,
  disclosure: fieldShapes.policy.disclosure,
});

const departmentProjection = `{_id, name, code}`;
/** Every field, with departments and attachment files resolved for display. */
const withDepartments = `...,
    "publisher": publisher->${departmentProjection},
    "attachments": attachments[]{_key, _type, title, _sanityAsset, asset, "file": asset->{url, originalFilename, size, extension}}`;

const attachmentResult = z.looseObject({
  _key: z.string(),
  title: z.string().nullish(),
  _sanityAsset: z.string().nullish(),
  file: z
    .looseObject({ url: z.string(), originalFilename: z.string().nullish(), size: z.number().nullish(), extension: z.string().nullish() })
    .nullish(),
});
export type AttachmentEntry = z.infer<typeof attachmentResult>;

/** A stored document of `type` as a query returns it, with some fields replaced by resolved values. */
function withResolved<T extends ContentType, S extends z.ZodRawShape>(type: T, overrides: S) {
  // Spreading generic shapes would intersect the replaced fields' types; say that they are replaced.
  const shape = { ...documentShape(type), ...overrides } as Omit<ReturnType<typeof documentShape<T>>, keyof S> & S;
  return withCrossFieldChecks(type, z.looseObject(shape));
}

const publisherResolved = { publisher: department.nullable(), attachments: z.array(attachmentResult).nullish() };

export const departmentsQuery = defineQuery(
  'departments',
  `*[_type == "department"] | order(code asc) ${departmentProjection}`,
  z.array(department),
);

const policyResult = withResolved('policy', {
  ...publisherResolved,
  drafter: department.nullable(),
  interpretation: linkedDocument.nullable(),
  interpretationRef: reference,
  // The policy that amended or repealed this one, when it is public (null otherwise).
  replacedBy: linkedDocument.extend({ docNumber: z.string().nullish() }).nullish(),
});

export const policiesQuery = defineQuery(
  'policies',
  `*[_type == "policy" && ${PROACTIVE}] | order(publishedAt desc, _id asc) {
    ${withDepartments},
    "drafter": drafter->${departmentProjection},
    "interpretationRef": interpretation,
    "interpretation": ${publicRef('interpretation', '{_id, _type, title, slug, disclosure}')},
    "replacedBy": ${publicRef('replacedBy', '{_id, _type, title, slug, disclosure, docNumber}')}
  }`,
  z.array(policyResult),
);

const interpretationResult = withResolved('interpretation', {
  ...publisherResolved,
  // Projected fields a document lacks come back as null.
  policy: linkedDocument.extend({ docNumber: z.string().nullish(), validity: fieldShapes.policy.validity }).nullable(),
  policyRef: reference,
});

export const interpretationsQuery = defineQuery(
  'interpretations',
  `*[_type == "interpretation" && ${PROACTIVE}] | order(publishedAt desc, _id asc) {
    ${withDepartments},
    "policyRef": policy,
    "policy": ${publicRef('policy', '{_id, _type, title, slug, disclosure, docNumber, validity}')}
  }`,
  z.array(interpretationResult),
);

function simpleListQuery<T extends 'complaintAnalysis' | 'inspectionPlan' | 'trademarkNews'>(name: string, type: T) {
  return defineQuery(
    name,
    `*[_type == "${type}" && ${PROACTIVE}] | order(publishedAt desc, _id asc) {${withDepartments}}`,
    z.array(withResolved(type, publisherResolved)),
  );
}

export const complaintAnalysesQuery = simpleListQuery('complaintAnalyses', 'complaintAnalysis');
export const inspectionPlansQuery = simpleListQuery('inspectionPlans', 'inspectionPlan');
export const trademarkNewsQuery = simpleListQuery('trademarkNews', 'trademarkNews');

/** 政府信息公开指南: the latest revision (生成日期) first; the site shows it at /xxgk/guide/. */
export const disclosureGuidesQuery = defineQuery(
  'disclosureGuides',
  `*[_type == "disclosureGuide" && ${PROACTIVE}] | order(formedAt desc, publishedAt desc, _id asc) {${withDepartments}}`,
  z.array(withResolved('disclosureGuide', publisherResolved)),
);

/** 政府信息公开制度, in their order. */
export const disclosureRulesQuery = defineQuery(
  'disclosureRules',
  `*[_type == "disclosureRule" && ${PROACTIVE}] | order(order asc, _id asc) {${withDepartments}}`,
  z.array(withResolved('disclosureRule', publisherResolved)),
);

export const inspectionResultsQuery = defineQuery(
  'inspectionResults',
  `*[_type == "inspectionResult" && ${PROACTIVE}] | order(publishedAt desc, _id asc) {
    ${withDepartments},
    "planRef": plan,
    "plan": ${publicRef('plan', '{_id, title, slug, year}')}
  }`,
  z.array(
    withResolved('inspectionResult', {
      ...publisherResolved,
      plan: z.looseObject({ _id: z.string(), title: z.string(), slug, year: z.number() }).nullable().optional(),
      planRef: reference.nullish(),
    }),
  ),
);

/** 政府信息公开工作年度报告, the latest year first. */
export const annualReportsQuery = defineQuery(
  'annualReports',
  `*[_type == "annualReport" && ${PROACTIVE}] | order(year desc, _id asc) {${withDepartments}}`,
  z.array(withResolved('annualReport', publisherResolved)),
);

/**
 * 建议提案办理复文, field by field rather than `...`: a reply names its proposer and nothing else
 * about them, and a field some import or old document carries beside the declared ones (a
 * proposer's unit or telephone) is never even read by the site. An optional field that is not
 * set stays absent (a plain projection would make it null).
 */
const declaredFields = (type: ContentType, resolved: string[]) =>
  Object.entries(CONTENT_DECLARATIONS[type].fields)
    .filter(([name]) => !resolved.includes(name))
    .map(([name, field]) => (field.required ? name : `defined(${name}) => {${name}}`))
    .join(', ');

export const proposalRepliesQuery = defineQuery(
  'proposalReplies',
  `*[_type == "proposalReply" && ${PROACTIVE}] | order(repliedAt desc, number asc, _id asc) {
    _id, _type, ${['_rev', '_createdAt', '_updatedAt'].map((name) => `defined(${name}) => {${name}}`).join(', ')},
    ${declaredFields('proposalReply', ['publisher', 'attachments'])},
    "publisher": publisher->${departmentProjection},
    "attachments": attachments[]{_key, _type, title, _sanityAsset, asset, "file": asset->{url, originalFilename, size, extension}}
  }`,
  z.array(withResolved('proposalReply', publisherResolved)),
);

/** The site identity (网站设置): the one published settings document, or null before editors have saved it. */
export const siteSettingsQuery = defineQuery(
  'siteSettings',
  `*[_type == "siteSettings" && _id == "siteSettings"][0]`,
  withResolved('siteSettings', {}).nullable(),
);

/** 主动公开目录: the disclosure metadata of every public document. */
export const catalogQuery = defineQuery(
  'catalog',
  `*[_type in ["policy", "interpretation", "complaintAnalysis", "inspectionPlan", "inspectionResult", "trademarkNews", "annualReport", "proposalReply", "disclosureGuide", "disclosureRule"] && ${PROACTIVE}]
    | order(publishedAt desc, _id asc) {
      _id, _type, title, slug, indexNumber, topic, summary, formedAt, publishedAt, docNumber,
      "publisher": publisher->${departmentProjection},
      "validity": select(_type == "policy" => validity, _type == "interpretation" => policy->validity)
    }`,
  z.array(
    z.looseObject({
      _id: z.string(),
      _type: z.string(),
      title: z.string(),
      slug,
      indexNumber: z.string().nullable().optional(),
      topic: fieldShapes.policy.topic,
      summary: z.string().nullable().optional(),
      formedAt: z.string(),
      publishedAt: z.string().nullable().optional(),
      docNumber: z.string().nullable().optional(),
      publisher: department.nullable(),
      // A policy's own validity; an interpretation's is that of the policy it explains.
      validity: fieldShapes.policy.validity.nullish(),
    }),
  ),
);
export type { QueryResultOf } from './query.ts';
