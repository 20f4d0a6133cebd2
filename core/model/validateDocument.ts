/**
 * Validates one stored document against the content model and reports every problem
 * with the document's `_id`, the field and what is wrong.
 */
import { z } from 'zod';
import { assetSchemas, isAssetType } from './assetSchemas.ts';
import { isContentType, isDraftId, isRecordType, isSystemDocument, CONTENT_TYPES, RECORD_TYPES } from './documentTypes.ts';
import { isRegisterType, REGISTER_TYPES } from './documentTypes.ts';
import { registerSchemas } from './registerSchemas.ts';
import type { Problem } from './problems.ts';
import { documentSchemas } from './schemas.ts';
import { recordSchemas } from './workflowRecords.ts';

// Editors and operators read these messages: zod's own messages in Chinese too.
z.config(z.locales.zhCN());

function valueAt(doc: unknown, path: PropertyKey[]): unknown {
  let value: unknown = doc;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return '缺少必填字段';
  // Long vocabularies (主题分类 has over a hundred values) would bury the message.
  if (issue.code === 'invalid_value' && issue.values.length > 8) {
    return `「${String(value)}」不是允许的取值（共 ${issue.values.length} 项，见 core/model/vocabulary.ts）`;
  }
  return issue.message;
}

/** Sanity's document ID rule: letters, digits and `._-`, at most 128 characters. */
const DOCUMENT_ID = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
/** Ids Sanity keeps for its own documents (`_.groups.public`, `_.retention.…`). */
const SYSTEM_ID_PREFIX = '_.';

/**
 * Problems of one document, empty when it is valid. Drafts may be incomplete (a draft in
 * Sanity is work in progress), so only published documents must carry every required field.
 */
export function validateDocument(doc: unknown, line?: number): Problem[] {
  const at = line === undefined ? {} : { line };
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return [{ id: `<第 ${line ?? '?'} 行>`, field: '', message: '不是一个 JSON 对象', ...at }];
  }
  const record = doc as Record<string, unknown>;
  const id = typeof record._id === 'string' && record._id ? record._id : `<第 ${line ?? '?'} 行>`;
  if (typeof record._type !== 'string' || !record._type) {
    return [{ id, field: '_type', message: '缺少 _type', ...at }];
  }
  const type: string = record._type;
  if (typeof record._id !== 'string' || !record._id) {
    return [{ id, type, field: '_id', message: '缺少 _id', ...at }];
  }
  if (!DOCUMENT_ID.test(record._id)) {
    return [{ id, type, field: '_id', message: '_id 只能由字母、数字和 . _ - 组成，最长 128 个字符（Sanity 的文档 ID 规则）', ...at }];
  }
  const systemId = record._id.startsWith(SYSTEM_ID_PREFIX);
  if (systemId && (isContentType(type) || isRecordType(type) || isRegisterType(type))) {
    return [{ id, type, field: '_id', message: `以「${SYSTEM_ID_PREFIX}」开头的 _id 留给 Sanity 的系统文档，${type} 文档不能使用`, ...at }];
  }
  let schema: z.ZodType;
  if (isAssetType(type)) {
    schema = assetSchemas[type];
  } else if (isSystemDocument({ _id: record._id, _type: type })) {
    // Sanity's own bookkeeping: nothing of it is read; being a document (checked above) is enough.
    return [];
  } else if (isRecordType(type)) {
    schema = recordSchemas[type];
  } else if (isContentType(type)) {
    schema = isDraftId(record._id) ? documentSchemas[type].draft : documentSchemas[type].published;
  } else if (isRegisterType(type)) {
    schema = isDraftId(record._id) ? registerSchemas[type].draft : registerSchemas[type].published;
  } else {
    const known = [...Object.keys(CONTENT_TYPES), ...Object.keys(RECORD_TYPES), ...Object.keys(REGISTER_TYPES)].join('、');
    return [{ id, type, field: '_type', message: `未知的文档类型「${type}」（已知类型：${known}）`, ...at }];
  }
  const result = schema.safeParse(doc);
  if (result.success) return [];
  return result.error.issues
    .flatMap((issue) => withinUnions(issue, doc))
    .map((issue) => ({
      id,
      type,
      field: issue.path.map(String).join('.'),
      message: describeIssue(issue, valueAt(doc, issue.path)),
      ...at,
    }));
}

/**
 * A Portable Text block is a text block or a custom block (a union, see schemas.ts); when it
 * fails, zod says only 「无效输入」 about the block. The branch the value meant to be — a text
 * block when its `_type` is `block` — names the field that is wrong (`markDefs.0.href`).
 */
function withinUnions(issue: z.core.$ZodIssue, doc: unknown): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length !== 2) return [issue];
  const value = valueAt(doc, issue.path) as { _type?: unknown } | undefined;
  const branch = issue.errors[value?._type === 'block' ? 0 : 1]!;
  if (branch.length === 0) return [issue];
  return branch.flatMap((inner) => withinUnions({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue, doc));
}
