/**
 * Sanity's own documents. Asset documents (`sanity.fileAsset`, `sanity.imageAsset`) are read
 * by the site — an attachment's link is the asset's `url` — so they are validated like
 * content: a `javascript:` URL there would run when a visitor clicks 下载. Every other system
 * document (`_.groups.*`, `system.*`, other `sanity.*` types) is only required to be a
 * document: an object with a string `_id` and `_type`, which the reader already checks.
 */
import { z } from 'zod';
import { isSafeUrl } from './safeUrl.ts';

/** An http(s) address or a path on this site: where a downloadable file can live. */
function isDownloadUrl(url: unknown): url is string {
  if (!isSafeUrl(url)) return false;
  return /^https?:\/\/[^/\\\s]/i.test(url) || /^\/(?![/\\])/.test(url);
}

const downloadUrl = z.string().refine(isDownloadUrl, { message: '文件地址只能是 http(s) 网址或本站路径（以 / 开头）' });

const assetShape = {
  _id: z.string().min(1),
  url: downloadUrl,
  originalFilename: z.string().optional(),
  extension: z
    .string()
    .regex(/^[A-Za-z0-9]{1,10}$/, '扩展名只能由字母和数字组成')
    .optional(),
  mimeType: z.string().optional(),
  size: z.number().int('应为整数').nonnegative('不能为负数').optional(),
  path: z.string().optional(),
};

export const assetSchemas = {
  'sanity.fileAsset': z.looseObject({ ...assetShape, _type: z.literal('sanity.fileAsset') }),
  'sanity.imageAsset': z.looseObject({ ...assetShape, _type: z.literal('sanity.imageAsset') }),
} as const;
export type AssetType = keyof typeof assetSchemas;

export function isAssetType(type: string): type is AssetType {
  return Object.hasOwn(assetSchemas, type);
}
