/**
 * The public site's sitemap, written by @astrojs/sitemap (sitemap-index.xml and sitemap-0.xml,
 * a new file every 50,000 pages): the home page, the sections core/sections.ts puts in the
 * sitemap and every document's page, not the filtered and paged lists, which only lead to
 * those. It lists pages the build wrote, so a draft or withheld document, which has none, is
 * never in it. The reviewers' preview has no sitemap (astro.config.mjs).
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { DOCUMENT_PATHS, SECTIONS } from '../../core/sections.ts';

const SECTION_PAGES = new Set(['/', ...Object.values(SECTIONS).flatMap((section) => (section.sitemap ? [section.path] : []))]);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A document's page: one path segment, its slug, below where its type's pages are. */
const DOCUMENT_PAGE = new RegExp(`^(?:${Object.values(DOCUMENT_PATHS).map(escapeRegExp).join('|')})[^/]+/$`);

/** Whether the page at this path (`/policies/x/`) belongs in the sitemap. */
export function inSitemap(pathname: string): boolean {
  return SECTION_PAGES.has(pathname) || DOCUMENT_PAGE.test(pathname);
}

/** `reusedPages`: pages an incremental build linked instead of rendering (renderCache.ts fills it before the sitemap is written). */
export function publicSitemap(reusedPages: string[] = []): AstroIntegration {
  return sitemap({
    filter: (url) => inSitemap(new URL(url).pathname),
    // Read when the sitemap is written, after the build; sorted with the rest, so the same file as a full build.
    customPages: reusedPages,
    // Plain <url><loc> entries: no news, image, video or language links to declare.
    namespaces: { news: false, xhtml: false, image: false, video: false },
  });
}
