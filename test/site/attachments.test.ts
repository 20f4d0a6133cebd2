/**
 * 附件 as the public gets them from the built sample site: every attachment of a public document
 * is listed on its page under 附件 (title, type and size) and links to a file the site serves,
 * byte for byte the file its asset document describes.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATASET, readDataset } from '../../core/content/dataset.ts';
import { isPublicDocument } from '../../core/model/datasetRules.ts';
import { documentUrl } from '../../core/sections.ts';
import { siteFile, TEST_SITE } from '../helpers/site.ts';

interface Attached {
  _id: string;
  _type: string;
  slug: { current: string };
  attachments?: { title: string; asset: { _ref: string } }[];
}
interface Asset {
  _id: string;
  url: string;
  size: number;
  sha1hash: string;
  extension: string;
}

const { documents } = await readDataset(DEFAULT_DATASET);
const assets = new Map(documents.filter((d) => d._type === 'sanity.fileAsset').map((d) => [d._id, d as unknown as Asset]));
const attached = (documents.filter(isPublicDocument) as unknown as Attached[]).filter((d) => (d.attachments ?? []).length > 0);

describe('附件', () => {
  it('the sample has a public document with an attachment', () => {
    expect(attached.length).toBeGreaterThan(0);
  });

  it("each is listed on its document's page and links to the file the site serves", async () => {
    for (const doc of attached) {
      const page = documentUrl(doc as Parameters<typeof documentUrl>[0]);
      const html = await siteFile(`${page.slice(1)}index.html`);
      const section = /<section aria-labelledby="attachments-heading">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
      expect(section, page).toContain('<h2 id="attachments-heading">附件</h2>');
      for (const {
        title,
        asset: { _ref },
      } of doc.attachments!) {
        const asset = assets.get(_ref)!;
        expect(asset, `${doc._id}: ${_ref}`).toBeDefined();
        const link = new RegExp(
          `<a href="([^"]+)" download>${title.replace(/[()（）]/g, '.')}</a>\\s*<span class="meta">（(\\w+)，(\\d+) KB）</span>`,
        ).exec(section);
        expect(link, `${page}: ${title}`).not.toBeNull();
        const [, href, type, kilobytes] = link!;
        expect(href).toBe(asset.url);
        expect(type).toBe(asset.extension.toUpperCase());
        expect(Number(kilobytes)).toBe(Math.max(1, Math.round(asset.size / 1024)));

        const bytes = await readFile(join(TEST_SITE, href!));
        expect(bytes.length).toBe(asset.size);
        expect(createHash('sha1').update(bytes).digest('hex')).toBe(asset.sha1hash);
        if (asset.extension === 'pdf') expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
    }
  });
});
