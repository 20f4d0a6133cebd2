/**
 * 附件 of the sample documents. A content file names each attachment's title and file; the file
 * lies in site/public/attachments/ and the site serves it at /attachments/<file>. Each becomes a
 * `sanity.fileAsset` document as an upload to the Content Lake makes one (id from the SHA-1 of its
 * bytes, size, type), whose `url` is that path on the site (core/model/assetSchemas.ts allows one).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ref, type Doc, type Reference } from './documents.ts';

const ATTACHMENT_DIR = fileURLToPath(new URL('../../site/public/attachments/', import.meta.url));
const MIME_TYPES = { pdf: 'application/pdf', ofd: 'application/ofd' } as const;

export const attachmentSpec = z.strictObject({
  /** As the page lists it: 附件1：…. */
  title: z.string().min(2),
  /** The file's name in site/public/attachments/. */
  file: z.string().regex(/^[a-z0-9-]+\.(pdf|ofd)$/, '文件名只用小写字母、数字和连字符，扩展名为 pdf 或 ofd'),
});
type AttachmentSpec = z.output<typeof attachmentSpec>;

export interface Attachment {
  asset: Doc;
  entry: { _type: 'file'; _key: string; title: string; asset: Reference };
}

/** The asset document and the document's attachment entry of `spec`; null when its file is missing. */
export function attachment(spec: AttachmentSpec, index: number): Attachment | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(`${ATTACHMENT_DIR}${spec.file}`);
  } catch {
    return null;
  }
  const extension = spec.file.split('.').pop() as keyof typeof MIME_TYPES;
  const sha1 = createHash('sha1').update(bytes).digest('hex');
  const id = `file-${sha1}-${extension}`;
  return {
    asset: {
      _id: id,
      _type: 'sanity.fileAsset',
      assetId: sha1,
      sha1hash: sha1,
      extension,
      mimeType: MIME_TYPES[extension],
      originalFilename: spec.file,
      size: bytes.length,
      url: `/attachments/${spec.file}`,
    },
    entry: { _type: 'file', _key: `attachment${index + 1}`, title: spec.title, asset: ref(id) },
  };
}
