/**
 * The zod schemas of the model's value kinds (text, dates, references, slugs, Portable Text,
 * attachments): the field builders (fields.ts) give each declared field one of these.
 */
import { z } from 'zod';
import { isCalendarDate, isIsoDateTime } from './dates.ts';
import { isSafeUrl } from './safeUrl.ts';

/** A required line of text: trimmed, never empty. */
export const text = z.string().trim().min(1, '不能为空');

export const reference = z.looseObject({
  _type: z.literal('reference'),
  _ref: z.string().min(1, '引用缺少目标 _ref'),
  _weak: z.boolean().optional(),
});

/** URL segments: lowercase ASCII words joined by hyphens, so links survive every mail client and CMS. */
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_MESSAGE = '网址标识只能由小写字母、数字和连字符组成，例如 2026-food-safety';
export const slug = z.looseObject({
  _type: z.literal('slug').optional(),
  current: z.string().regex(SLUG_PATTERN, SLUG_MESSAGE),
});
/** The slug rule as a check of a whole slug value (what the Studio validates; `slug` above holds it for zod). */
export function slugProblem(value: { current?: string }): string | null {
  return !value.current || SLUG_PATTERN.test(value.current) ? null : SLUG_MESSAGE;
}

export const calendarDate = z.string().refine(isCalendarDate, { message: '不是有效日期（应为 YYYY-MM-DD 格式的真实日期）' });
export const dateTime = z.string().refine(isIsoDateTime, { message: '不是有效的日期时间（应为带时区的 ISO 8601 格式）' });

/** A link a visitor can click: never a scheme that runs code (see safeUrl.ts). */
const safeLink = z.string().refine(isSafeUrl, { message: '链接地址不安全：只允许 http(s)、mailto、tel 或本站路径' });

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
export const portableText = z.array(z.union([block, z.looseObject({ _type: z.string().refine((t) => t !== 'block'), _key: z.string() })]));
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
      .regex(/^(file|image)@(file:\/\/\.\/|https?:\/\/)[^\s]+$/, {
        message: '_sanityAsset 应为 file@file://./… 或 file@https://…（sanity dataset export 的写法）',
      })
      .optional(),
  })
  .refine((file) => file.asset !== undefined || file._sanityAsset !== undefined, { message: '附件缺少文件' });
