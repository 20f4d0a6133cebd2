/**
 * File and image uploads (`/assets/files/<dataset>`, `/assets/images/<dataset>`): the bytes are
 * kept in a folder beside the dataset, named by their SHA-1 as in the Content Lake, and a
 * `sanity.fileAsset` / `sanity.imageAsset` document is created for them in the same
 * transaction log as every other write. The same bytes uploaded twice give the same asset.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { writeFileAtomic } from '../content/atomicWrite.ts';
import type { LakeContext, LakeRequest, LakeResponse } from './context.ts';
import { httpError } from './errors.ts';

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ofd: 'application/ofd',
  zip: 'application/zip',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

/** `content/dataset.ndjson` → `content/dataset.assets`. */
export function assetsDirFor(datasetPath: string): string {
  return `${datasetPath.replace(/\.ndjson$/, '')}.assets`;
}

function extensionOf(filename: string | null, mimeType: string): string {
  const fromName = filename ? extname(filename).slice(1).toLowerCase() : '';
  if (/^[a-z0-9]{1,10}$/.test(fromName)) return fromName;
  const known = Object.entries(MIME_BY_EXTENSION).find(([, mime]) => mime.split(';')[0] === mimeType.split(';')[0]);
  return known?.[0] ?? 'bin';
}

/** Width and height of a PNG, GIF or JPEG; undefined for anything else. */
function imageSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length > 24 && bytes.readUInt32BE(0) === 0x89504e47) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes.length > 10 && bytes.toString('ascii', 0, 3) === 'GIF') return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let offset = 2;
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) return undefined;
      const marker = bytes[offset + 1]!;
      const length = bytes.readUInt16BE(offset + 2);
      // Start-of-frame markers carry the size (C4, C8 and CC are not frames).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
      }
      offset += 2 + length;
    }
  }
  return undefined;
}

export async function handleUpload(request: LakeRequest, { lake, projectId, dataset, assetsDir }: LakeContext): Promise<LakeResponse> {
  if (!request.user) throw httpError(401, '未登录：上传需要有效的令牌');
  const kind = request.params[0] === 'images' ? 'image' : 'file';
  const bytes = await request.body();
  if (bytes.length === 0) throw httpError(400, '上传的文件是空的');
  const filename = request.search.get('filename');
  const mimeType = String(request.raw.headers['content-type'] ?? 'application/octet-stream');
  const size = kind === 'image' ? imageSize(bytes) : undefined;
  if (kind === 'image' && !size) throw httpError(400, '无法识别的图片格式（支持 PNG、JPEG、GIF）');
  const extension = extensionOf(filename, mimeType);
  const sha1 = createHash('sha1').update(bytes).digest('hex');
  const stem = size ? `${sha1}-${size.width}x${size.height}` : sha1;
  const name = `${stem}.${extension}`;
  const folder = kind === 'image' ? 'images' : 'files';
  const id = `${kind}-${stem}-${extension}`;
  await mkdir(join(assetsDir, folder), { recursive: true });
  const path = join(assetsDir, folder, name);
  if (!(await stat(path).catch(() => undefined))) await writeFileAtomic(path, bytes);
  const existing = lake.get(id);
  if (existing) return { body: { document: existing } };
  const document = {
    _id: id,
    _type: kind === 'image' ? 'sanity.imageAsset' : 'sanity.fileAsset',
    assetId: sha1,
    sha1hash: sha1,
    extension,
    mimeType,
    originalFilename: filename ?? name,
    size: bytes.length,
    path: `${folder}/${projectId}/${dataset}/${name}`,
    url: `${request.origin}/${folder}/${projectId}/${dataset}/${name}`,
    uploadId: sha1.slice(0, 16),
    ...(request.search.get('title') ? { title: request.search.get('title') } : {}),
    ...(request.search.get('label') ? { label: request.search.get('label') } : {}),
    ...(size
      ? {
          metadata: {
            _type: 'sanity.imageMetadata',
            dimensions: { _type: 'sanity.imageDimensions', ...size, aspectRatio: size.width / size.height },
          },
        }
      : {}),
  };
  const { transaction } = await lake.write(request.user.id, undefined, (tx) => {
    if (!tx.get(id)) tx.put(document);
  });
  return { body: { document: transaction.changes.find((change) => change.id === id)?.after ?? lake.get(id) } };
}

/** Serves an uploaded file back (`/files/<project>/<dataset>/<name>`, `/images/…`, transforms ignored). */
export async function handleAssetFile(request: LakeRequest, { assetsDir }: LakeContext): Promise<LakeResponse> {
  const [folder, , , name] = request.params;
  if (!name || !/^[a-f0-9]{40}(-\d+x\d+)?\.[a-z0-9]{1,10}$/.test(name)) throw httpError(404, '没有这个文件');
  const bytes = await readFile(join(assetsDir, folder!, name)).catch(() => {
    throw httpError(404, '没有这个文件');
  });
  const extension = extname(name).slice(1);
  const download = request.search.get('dl');
  return {
    headers: {
      'content-type': MIME_BY_EXTENSION[extension] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=31536000, immutable',
      ...(download !== null ? { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(download || name)}` } : {}),
    },
    body: bytes,
  };
}
