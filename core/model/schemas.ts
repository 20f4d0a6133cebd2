/**
 * The content model as zod schemas: everything the site and the scripts read is validated here.
 *
 * The Sanity schema in `studio/schemaTypes` describes the same fields for editors; a test
 * (`test/model/schema-agreement.test.ts`) proves that the two agree on every type, field
 * name and required-ness, and both take their vocabularies and checks from this folder.
 *
 * Each type is declared once as a field shape. From it come two schemas:
 * - `published`: every required field must be present (what the public build reads);
 * - `draft`: every field optional but still type-checked, because a draft in Sanity is
 *   allowed to be incomplete while an editor is still writing it.
 */
import { z } from 'zod';
import { creditCodeProblem } from './creditCode.ts';
import { isCalendarDate, isIsoDateTime } from './dates.ts';
import { INDEX_NUMBER_PATTERN } from './indexNumber.ts';
import { isSafeUrl } from './safeUrl.ts';
import type { ContentType } from './documentTypes.ts';
import {
  COMPLAINT_KINDS,
  DISCLOSURE_MODES,
  INSPECTION_LEVELS,
  INSPECTION_METHODS,
  INSPECTION_RESULTS,
  INTERPRETATION_FORMS,
  TOPICS,
  TRADEMARK_CATEGORIES,
  VALIDITY,
  valuesOf,
} from './vocabulary.ts';

export const SUMMARY_MAX_LENGTH = 300;

// ---------------------------------------------------------------- building blocks

const text = z.string().trim().min(1, '不能为空');

export const reference = z.looseObject({
  _type: z.literal('reference'),
  _ref: z.string().min(1, '引用缺少目标 _ref'),
  _weak: z.boolean().optional(),
});
export type Reference = z.infer<typeof reference>;

/** URL segments: lowercase ASCII words joined by hyphens, so links survive every mail client and CMS. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MESSAGE = '网址标识只能由小写字母、数字和连字符组成，例如 2026-food-safety';
export const slug = z.looseObject({
  _type: z.literal('slug').optional(),
  current: z.string().regex(SLUG_PATTERN, SLUG_MESSAGE),
});

export const calendarDate = z.string().refine(isCalendarDate, { message: '不是有效日期（应为 YYYY-MM-DD 格式的真实日期）' });
export const dateTime = z.string().refine(isIsoDateTime, { message: '不是有效的日期时间（应为带时区的 ISO 8601 格式）' });

/** 不公开要有法律依据: a reason is required unless the information is proactive. */
export function disclosureReasonProblem(value: { mode?: string; reason?: string | undefined }): string | null {
  if (!value.mode || value.mode === 'proactive' || value.reason?.trim()) return null;
  const label = DISCLOSURE_MODES[value.mode as keyof typeof DISCLOSURE_MODES] ?? value.mode;
  return `公开属性为「${label}」时必须写明理由（法律依据）`;
}

export const disclosure = z
  .looseObject({
    mode: z.enum(valuesOf(DISCLOSURE_MODES)),
    reason: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    const problem = disclosureReasonProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', path: ['reason'], message: problem });
  });
export type Disclosure = z.infer<typeof disclosure>;

/** A link a visitor can click: never a scheme that runs code (see safeUrl.ts). */
export const safeLink = z.string().refine(isSafeUrl, { message: '链接地址不安全：只允许 http(s)、mailto、tel 或本站路径' });

const span = z.looseObject({ _type: z.literal('span'), text: z.string(), marks: z.array(z.string()).optional() });
const block = z.looseObject({
  _type: z.literal('block'),
  _key: z.string(),
  style: z.string().optional(),
  children: z.array(span),
  // Link annotations carry `href`; whatever the annotation's type, an href is a link.
  markDefs: z.array(z.looseObject({ _key: z.string(), _type: z.string(), href: safeLink.optional() })).optional(),
  listItem: z.string().optional(),
  level: z.number().int().optional(),
});
/** Portable Text: text blocks, plus any custom block that carries a `_type` and `_key`. */
export const portableText = z.array(
  z.union([block, z.looseObject({ _type: z.string().refine((t) => t !== 'block'), _key: z.string() })]),
);
export type PortableTextBlock = z.infer<typeof block>;

/**
 * An attachment. Inside the Content Lake it references an asset document; in a
 * `sanity dataset export` file the reference is rewritten to `_sanityAsset`
 * (`file@file://./files/<name>`), so both forms are accepted.
 */
export const attachment = z
  .looseObject({
    _type: z.literal('file'),
    _key: z.string(),
    title: z.string().optional(),
    asset: reference.optional(),
    _sanityAsset: z
      .string()
      .regex(/^(file|image)@(file:\/\/\.\/|https?:\/\/)[^\s]+$/, { message: '_sanityAsset 应为 file@file://./… 或 file@https://…（sanity dataset export 的写法）' })
      .optional(),
  })
  .refine((file) => file.asset !== undefined || file._sanityAsset !== undefined, { message: '附件缺少文件' });
export type Attachment = z.infer<typeof attachment>;

const count = z.number().int('应为整数').nonnegative('不能为负数');

/** 统一社会信用代码 with its GB 32100-2015 check character verified. */
export const creditCode = z.string().superRefine((code, ctx) => {
  const problem = creditCodeProblem(code);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

// ---------------------------------------------------------------- field shapes

/** Sanity's own fields, present on every stored document. */
const systemFields = {
  _id: z.string().min(1),
  _rev: z.string().optional(),
  _createdAt: z.string().optional(),
  _updatedAt: z.string().optional(),
};

/** 政府信息公开目录 metadata carried by every public type (spec §1). */
export const disclosureMetadataShape = {
  title: text,
  slug,
  indexNumber: z.string().regex(INDEX_NUMBER_PATTERN, '索引号格式应为「机构代码/年份-五位流水号」').optional(),
  publisher: reference,
  topic: z.enum(valuesOf(TOPICS)),
  summary: z.string().max(SUMMARY_MAX_LENGTH, `内容概述不能超过 ${SUMMARY_MAX_LENGTH} 字`).optional(),
  formedAt: calendarDate,
  publishedAt: dateTime.optional(),
  disclosure,
  body: portableText.optional(),
  attachments: z.array(attachment).optional(),
  responsibleEditor: z.string().optional(),
  source: z.string().optional(),
  /** Who last changed the document (kept by the workflow tools): the four-eyes rule reads it. */
  lastEditedBy: z.string().optional(),
};

const complaintFigure = z.looseObject({ count, previous: count, lastYear: count });

const period = z
  .looseObject({
    year: z.number().int().min(1990).max(2100),
    quarter: z.number().int().min(1).max(4).optional(),
    month: z.number().int().min(1).max(12).optional(),
  })
  .refine((p) => (p.quarter === undefined) !== (p.month === undefined), {
    message: '统计期间须填写季度或月份之一（不能都填，也不能都不填）',
  });
export type Period = z.infer<typeof period>;

const inspectionItem = z.looseObject({
  _key: z.string().optional(),
  category: text,
  item: text,
  target: text,
  level: z.enum(valuesOf(INSPECTION_LEVELS)),
  methods: z.array(z.enum(valuesOf(INSPECTION_METHODS))).min(1, '至少选择一种检查方式'),
  subject: text,
  basis: text,
});

const inspectionRecord = z.looseObject({
  _key: z.string().optional(),
  enterpriseName: text,
  creditCode,
  result: z.enum(valuesOf(INSPECTION_RESULTS)),
  note: z.string().optional(),
});

/** Field shape of each content type, keyed by `_type`. */
export const fieldShapes = {
  department: {
    name: text,
    code: z.string().regex(/^[0-9A-Z-]{1,18}$/, '代码只能由数字、大写字母和连字符组成'),
  },
  policy: {
    ...disclosureMetadataShape,
    body: portableText,
    docNumber: z.string().optional(),
    issuer: text,
    drafter: reference,
    validity: z.enum(valuesOf(VALIDITY)),
    /** The policy that repealed or amended this one (被…替代/修改). */
    replacedBy: reference.optional(),
    interpretation: reference,
  },
  interpretation: {
    ...disclosureMetadataShape,
    body: portableText,
    policy: reference,
    interpreter: z.string().optional(),
    form: z.enum(valuesOf(INTERPRETATION_FORMS)),
    /** Set by importers that had no interpretation to import: must be replaced before it can be trusted. */
    placeholder: z.boolean().optional(),
  },
  complaintAnalysis: {
    ...disclosureMetadataShape,
    period,
    figures: z.looseObject({ consultations: complaintFigure, complaints: complaintFigure, reports: complaintFigure }),
    complaintCategories: z
      .array(z.looseObject({ _key: z.string().optional(), kind: z.enum(valuesOf(COMPLAINT_KINDS)), name: text, count }))
      .optional(),
    reportCategories: z.array(z.looseObject({ _key: z.string().optional(), name: text, count })).optional(),
    recoveredLoss: z.number().nonnegative('不能为负数').optional(),
    completionRate: z.number().min(0, '应在 0–100 之间').max(100, '应在 0–100 之间').optional(),
  },
  inspectionPlan: {
    ...disclosureMetadataShape,
    year: z.number().int().min(1990).max(2100),
    items: z.array(inspectionItem).min(1, '事项清单至少包含一项'),
  },
  inspectionResult: {
    ...disclosureMetadataShape,
    plan: reference.optional(),
    taskName: text,
    inspectedFrom: calendarDate,
    inspectedTo: calendarDate,
    records: z.array(inspectionRecord).min(1, '结果公告至少包含一条记录'),
  },
  trademarkNews: {
    ...disclosureMetadataShape,
    body: portableText,
    category: z.enum(valuesOf(TRADEMARK_CATEGORIES)),
  },
} as const satisfies Record<ContentType, Record<string, z.ZodType>>;

/** Rules that relate two fields of one document. */
type CrossFieldCheck = (doc: Record<string, unknown>) => { field: string; message: string } | null;
const crossFieldChecks: Partial<Record<ContentType, CrossFieldCheck[]>> = {
  inspectionResult: [
    (doc) =>
      typeof doc.inspectedFrom === 'string' && typeof doc.inspectedTo === 'string' && doc.inspectedTo < doc.inspectedFrom
        ? { field: 'inspectedTo', message: `检查结束日期 ${doc.inspectedTo} 早于开始日期 ${doc.inspectedFrom}` }
        : null,
  ],
};

/** System fields, `_type` and the type's own fields: the shape query results extend. */
export function documentShape<T extends ContentType>(type: T) {
  return { ...systemFields, _type: z.literal(type), ...fieldShapes[type] };
}

/** Adds the rules that relate two fields of one document of `type`. */
export function withCrossFieldChecks<S extends z.ZodType<Record<string, unknown>>>(type: ContentType, schema: S): S {
  const checks = crossFieldChecks[type] ?? [];
  if (checks.length === 0) return schema;
  return schema.superRefine((doc, ctx) => {
    for (const check of checks) {
      const problem = check(doc);
      if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
    }
  }) as unknown as S;
}

function schemasFor<T extends ContentType>(type: T) {
  const shape = documentShape(type);
  const optionalFields = Object.fromEntries(
    Object.entries(fieldShapes[type] as Record<string, z.ZodType>).map(([name, schema]) => [name, schema.optional()]),
  );
  return {
    published: withCrossFieldChecks(type, z.looseObject(shape)),
    draft: withCrossFieldChecks(type, z.looseObject({ ...shape, ...optionalFields })),
  };
}

/** Published (complete) and draft (possibly incomplete) schema of every content type. */
export const documentSchemas = {
  department: schemasFor('department'),
  policy: schemasFor('policy'),
  interpretation: schemasFor('interpretation'),
  complaintAnalysis: schemasFor('complaintAnalysis'),
  inspectionPlan: schemasFor('inspectionPlan'),
  inspectionResult: schemasFor('inspectionResult'),
  trademarkNews: schemasFor('trademarkNews'),
};

export type Department = z.infer<(typeof documentSchemas)['department']['published']>;
export type Policy = z.infer<(typeof documentSchemas)['policy']['published']>;
export type Interpretation = z.infer<(typeof documentSchemas)['interpretation']['published']>;
export type ComplaintAnalysis = z.infer<(typeof documentSchemas)['complaintAnalysis']['published']>;
export type InspectionPlan = z.infer<(typeof documentSchemas)['inspectionPlan']['published']>;
export type InspectionResult = z.infer<(typeof documentSchemas)['inspectionResult']['published']>;
export type TrademarkNews = z.infer<(typeof documentSchemas)['trademarkNews']['published']>;
export type ContentDocument =
  | Department
  | Policy
  | Interpretation
  | ComplaintAnalysis
  | InspectionPlan
  | InspectionResult
  | TrademarkNews;

/** Which fields a type requires (the contract the Studio schema must match). */
export function requiredFields(type: ContentType): string[] {
  return Object.entries(fieldShapes[type] as Record<string, z.ZodType>)
    .filter(([, schema]) => !schema.safeParse(undefined).success)
    .map(([name]) => name);
}
