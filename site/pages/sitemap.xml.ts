/** sitemap.xml: the section pages and every public document, with its release date. */
import type { APIRoute } from 'astro';
import { siteContent } from '../lib/content.ts';
import { documentUrl } from '../../core/urls.ts';

const SECTION_PAGES = ['/', '/policies/', '/interpretations/', '/12315/', '/inspections/', '/trademarks/', '/catalog/'];

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export const GET: APIRoute = async ({ site }) => {
  const { catalog } = await siteContent();
  const entries = [
    ...SECTION_PAGES.map((path) => ({ loc: new URL(path, site).href, lastmod: undefined as string | undefined })),
    ...catalog.map((doc) => ({ loc: new URL(documentUrl(doc), site).href, lastmod: doc.publishedAt ?? undefined })),
  ];
  const body = entries
    .map((e) => `  <url><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`)
    .join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`, {
    headers: { 'content-type': 'application/xml' },
  });
};
