/**
 * Reading the sample's content files (content/sample/**.yaml): each file is parsed and checked
 * against its zod schema, and a bad file stops the build with a Chinese message that names the
 * file, the entry and the field, before anything is written.
 *
 * Prose is written as YAML block scalars: paragraphs separated by a blank line, `## ` starting
 * a level-2 heading and `### ` a level-3 one (see portableText.ts). Templates hold `{名称}`
 * placeholders that the generator fills with figures and dates.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { calendarDate, dateTime, disclosure } from '../../core/model/schemas.ts';
import { TOPICS } from '../../core/model/vocabulary.ts';

export const CONTENT_DIR = fileURLToPath(new URL('../../content/sample/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export class SampleContentError extends Error {
  override name = 'SampleContentError';
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** `条目 2024-food-delivery 字段 interpretation.form`: the nearest entry with a key, and the field within the file. */
function describePath(data: unknown, path: readonly PropertyKey[]): string {
  let entry = '';
  for (let end = path.length; end >= 0 && !entry; end--) {
    const value = valueAt(data, path.slice(0, end));
    const key = value !== null && typeof value === 'object' ? (value as { key?: unknown }).key : undefined;
    if (typeof key === 'string' && end > 0) entry = `条目 ${key} `;
  }
  return `${entry}字段 ${path.map(String).join('.') || '（文件本身）'}`;
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const value = valueAt(data, issue.path);
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return '缺少必填字段';
  if (issue.code === 'invalid_value' && issue.values.length > 8)
    return `「${String(value)}」不是允许的取值（共 ${issue.values.length} 项）`;
  return issue.message;
}

const zhCN = z.locales.zhCN().localeError;

/** An entry that may take one of several forms is reported against the form it comes closest to. */
function closestBranch(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const branch = issue.errors.reduce((best, errors) => (errors.length < best.length ? errors : best));
  return branch.flatMap((inner) => closestBranch({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue));
}

/** The file as the messages show it: relative to the project when inside it. */
function shownPath(directory: string, file: string): string {
  const path = join(directory, file);
  return relative(ROOT, path).startsWith('..') ? path : relative(ROOT, path);
}

/** A problem found across entries (a reference to an entry that does not exist), reported like a schema problem. */
export function contentProblem(directory: string, file: string, entry: string, field: string, message: string): SampleContentError {
  return new SampleContentError(`${shownPath(directory, file)}：示例数据有 1 个问题\n  - 条目 ${entry} 字段 ${field}：${message}`);
}

/** One content file, parsed and checked; throws SampleContentError naming the file and every bad field. */
export function readContentFile<S extends z.ZodType>(directory: string, file: string, schema: S): z.output<S> {
  const path = join(directory, file);
  const shown = shownPath(directory, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new SampleContentError(`${shown}：示例数据文件不存在或无法读取`);
  }
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    const lines = document.errors.map((error) => `  - 第 ${error.linePos?.[0].line ?? '?'} 行：YAML 格式错误（${error.code}）`);
    throw new SampleContentError([`${shown}：不是有效的 YAML`, ...lines].join('\n'));
  }
  const data: unknown = document.toJS();
  const result = schema.safeParse(data, { error: zhCN });
  if (!result.success) {
    const issues = result.error.issues.flatMap(closestBranch);
    const lines = issues.slice(0, 20).map((issue) => {
      // A misspelt or extra field is named by its own path, not its entry's.
      const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys.join('、')] : issue.path;
      const message = issue.code === 'unrecognized_keys' ? '不认识的字段（拼写错误？）' : describeIssue(issue, data);
      return `  - ${describePath(data, path)}：${message}`;
    });
    throw new SampleContentError([`${shown}：示例数据有 ${issues.length} 个问题`, ...lines].join('\n'));
  }
  return result.data;
}

// ---------------------------------------------------------------- field types the content files share

const PLACEHOLDER = /\{([^{}\s]+)\}/g;

/** Prose: one or more paragraphs separated by blank lines. */
export const prose = z
  .string()
  .transform((text) => text.trim())
  .refine((text) => text.length > 0, { message: '正文不能为空' });

/** A template whose `{名称}` placeholders must be among `names`. */
export function template(names: readonly string[]) {
  return prose.superRefine((text, ctx) => {
    for (const [, name] of text.matchAll(PLACEHOLDER)) {
      if (!names.includes(name!))
        ctx.addIssue({ code: 'custom', message: `未知的占位符 {${name}}（可用：${names.map((n) => `{${n}}`).join('')}）` });
    }
  });
}

/** Fills a checked template; a value may hold several paragraphs. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The paragraphs of prose, as portableText() takes them. */
export function paragraphs(text: string): string[] {
  return text.split(/\n[ \t]*\n/).map((paragraph) => paragraph.trim());
}

export const slugKey = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: '只能由小写字母、数字和连字符组成，例如 2024-food-delivery' });
export const topic = z
  .string()
  .refine((value) => value in TOPICS, { message: '不是主题分类中的取值（见 core/model/vocabulary.ts 的 TOPICS）' });
export { calendarDate as date, dateTime as timestamp, disclosure };
/** Working days from the day information is formed to its release (the 条例 allows 20). */
export const workingDays = z.number().int().min(0).max(20);
/** When a draft was created and last saved. */
export const saved = z.strictObject({ createdAt: dateTime, updatedAt: dateTime });
