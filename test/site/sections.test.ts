/** The sections table (core/sections.ts) against the routes under site/pages/ and the site's names. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLIC_TYPES, type PublicType } from '../../core/model/documentTypes.ts';
import { DOCUMENT_PATHS, documentUrl, previewUrl, SECTION_KEYS, SECTION_OF_TYPE, SECTIONS } from '../../core/sections.ts';
import { zh } from '../../site/i18n/zh.ts';
import { inSitemap } from '../../site/integrations/sitemap.ts';
import { ROOT } from '../helpers/run.ts';

const PAGES = join(ROOT, 'site', 'pages');
const routeFiles = (path: string) => readdirSync(join(PAGES, ...path.split('/').filter(Boolean)));

describe('the sections table', () => {
  it('gives every public document type one place, inside its section, with a route for its pages', () => {
    for (const type of Object.keys(PUBLIC_TYPES) as PublicType[]) {
      const path = DOCUMENT_PATHS[type];
      expect(path.startsWith(SECTIONS[SECTION_OF_TYPE[type]].path), type).toBe(true);
      expect(
        routeFiles(path).some((file) => file.startsWith('[slug]')),
        path,
      ).toBe(true);
    }
    expect(new Set(Object.values(DOCUMENT_PATHS)).size).toBe(Object.keys(PUBLIC_TYPES).length);
  });

  it('has a page, a name and (with a feed) a feed route for every section', () => {
    for (const key of SECTION_KEYS) {
      const { path, feed } = SECTIONS[key];
      expect(
        routeFiles(path).some((file) => file === 'index.astro' || file === '[...list].astro'),
        path,
      ).toBe(true);
      expect(zh.sections[key], key).toMatch(/\S/);
      if (feed) expect(feed, key).toMatch(/^\/rss\/[\w-]+\.xml$/);
    }
    expect(existsSync(join(PAGES, 'rss', '[section].xml.ts'))).toBe(true);
  });

  it("puts a document at its type's place, by its slug, and nothing at a type without pages", () => {
    expect(documentUrl({ _type: 'inspectionResult', slug: { current: 'r-1' } })).toBe('/inspections/results/r-1/');
    expect(documentUrl({ _type: 'policy', slug: { current: 'p-1' } })).toBe('/policies/p-1/');
    expect(() => documentUrl({ _type: 'department', slug: { current: 'd' } })).toThrow(/department/);
    expect(() => documentUrl({ _type: 'constructor', slug: { current: 'd' } })).toThrow(/constructor/);
    expect(previewUrl('https://host/preview', { _type: 'complaintAnalysis', slug: { current: 'q1' } })).toBe(
      'https://host/preview/12315/q1/',
    );
    expect(previewUrl('https://host/', { _type: 'policy', slug: null })).toBeNull();
  });
});

describe('the sitemap', () => {
  it("lists the home page, the sections and documents' pages, not lists, filters, paging or search", () => {
    for (const path of [
      '/',
      '/policies/',
      '/12315/',
      '/inspections/',
      '/catalog/',
      '/policies/p-1/',
      '/inspections/plans/x/',
      '/inspections/results/y/',
    ]) {
      expect(inSitemap(path), path).toBe(true);
    }
    for (const path of [
      '/search/',
      '/policies/year/2024/',
      '/policies/page/2/',
      '/catalog/sort/title/',
      '/inspections/plans/',
      '/inspections/x/',
      '/review/',
      '/changes/p-1/',
    ]) {
      expect(inSitemap(path), path).toBe(false);
    }
  });
});
