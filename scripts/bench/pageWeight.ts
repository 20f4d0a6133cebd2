/**
 * Page weight of a built site: for a page, the gzip size (zlib level 9) of its HTML, of every
 * stylesheet it links (and their `@import`s), and of every script it loads — `<script src>`,
 * the static and literal dynamic `import`s of those scripts and of its inline module scripts.
 * Inline `<script>` and `<style>` are part of the HTML's bytes; inline script bytes are also
 * reported on their own, so "JS on this page" counts both.
 *
 * Reads files only; the same site always gives the same numbers.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const GZIP_LEVEL = 9;
/** The page-weight target of a policy page (HTML + CSS + JS, gzip): what fits the first round trip. */
export const POLICY_PAGE_BUDGET_BYTES = 14 * 1024;

export interface AssetWeight {
  /** Site path, e.g. `/_astro/Base.B639YMh9.css`. */
  path: string;
  rawBytes: number;
  gzipBytes: number;
  /** Loaded by a dynamic `import()` rather than at page load. */
  dynamic: boolean;
}

export interface PageWeight {
  /** Site path of the page, e.g. `/policies/2022-price-tagging/`. */
  page: string;
  htmlBytes: number;
  htmlGzip: number;
  stylesheets: AssetWeight[];
  scripts: AssetWeight[];
  cssGzip: number;
  /** External scripts, gzip. */
  jsGzip: number;
  /** Inline scripts (already inside the HTML): raw and gzip on their own. */
  inlineJsBytes: number;
  inlineJsGzip: number;
  /** External script bytes plus inline script bytes, raw. */
  jsBytes: number;
  /** htmlGzip + cssGzip + jsGzip. */
  totalGzip: number;
  /** Linked files that are not in the site (external URLs or missing). */
  unresolved: string[];
}

export function gzipBytes(data: string | Uint8Array): number {
  return gzipSync(data, { level: GZIP_LEVEL }).length;
}

/** The HTML file of a site path: `/policies/x/` → `<site>/policies/x/index.html`. */
export function pageFile(siteDir: string, page: string): string {
  const path = page.endsWith('/') ? `${page}index.html` : page;
  return join(siteDir, ...path.split('/').filter(Boolean));
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** A link target as a site path, or null when it points outside the site. */
function sitePath(href: string, fromSitePath: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) return null;
  const clean = href.split(/[?#]/)[0]!;
  if (clean.startsWith('/')) return clean;
  const base = fromSitePath.endsWith('/') ? fromSitePath : dirname(fromSitePath.replaceAll('/', sep)).replaceAll(sep, '/') + '/';
  return normalize(`${base}${clean}`).replaceAll(sep, '/');
}

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
const STATIC_IMPORT = /\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']|\bexport\s*[\w*{}\s,$]*from\s*["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*(?:\/\*[^*]*\*\/\s*)?["'`]([^"'`$]+)["'`]\s*\)/g;
const CSS_IMPORT = /@import\s+(?:url\()?\s*["']?([^"')\s;]+)["']?\s*\)?/g;

/** Weighs one page of a built site. */
export function pageWeight(siteDir: string, page: string): PageWeight {
  const html = readFileSync(pageFile(siteDir, page));
  const text = html.toString('utf8');
  const stylesheets = new Map<string, AssetWeight>();
  const scripts = new Map<string, AssetWeight>();
  const unresolved: string[] = [];

  const load = (path: string): Buffer | null => {
    const file = join(siteDir, ...path.split('/').filter(Boolean));
    if (!file.startsWith(siteDir) || !existsSync(file) || !statSync(file).isFile()) return null;
    return readFileSync(file);
  };

  const addStylesheet = (href: string, from: string) => {
    const path = sitePath(href, from);
    if (path === null) return void unresolved.push(href);
    if (stylesheets.has(path)) return;
    const bytes = load(path);
    if (!bytes) return void unresolved.push(href);
    stylesheets.set(path, { path, rawBytes: bytes.length, gzipBytes: gzipBytes(bytes), dynamic: false });
    for (const match of bytes.toString('utf8').matchAll(CSS_IMPORT)) addStylesheet(match[1]!, path);
  };

  const followImports = (source: string, from: string, dynamicParent: boolean) => {
    for (const match of source.matchAll(STATIC_IMPORT)) addScript(match[1] ?? match[2]!, from, dynamicParent);
    for (const match of source.matchAll(DYNAMIC_IMPORT)) addScript(match[1]!, from, true);
  };

  const addScript = (src: string, from: string, dynamic: boolean) => {
    // Bare specifiers (`import x from "pagefind"`) cannot load in a browser without an import map.
    if (!src.startsWith('/') && !src.startsWith('.') && !/^[a-z]+:/i.test(src)) return;
    const path = sitePath(src, from);
    if (path === null) return void unresolved.push(src);
    const existing = scripts.get(path);
    if (existing) {
      existing.dynamic &&= dynamic;
      return;
    }
    const bytes = load(path);
    if (!bytes) return void unresolved.push(src);
    scripts.set(path, { path, rawBytes: bytes.length, gzipBytes: gzipBytes(bytes), dynamic });
    followImports(bytes.toString('utf8'), path, dynamic);
  };

  for (const match of text.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0];
    const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attribute(tag, 'href');
    if (rel.includes('stylesheet') && href) addStylesheet(href, page);
    else if (rel.includes('modulepreload') && href) addScript(href, page, false);
  }

  let inline = '';
  for (const match of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const tag = `<script ${match[1]}>`;
    const type = (attribute(tag, 'type') ?? '').toLowerCase();
    if (!JS_TYPES.has(type)) continue; // JSON-LD and other data blocks are not scripts
    const src = attribute(tag, 'src');
    if (src) addScript(src, page, false);
    else if (match[2]!.trim()) {
      inline += match[2];
      followImports(match[2]!, page, false);
    }
  }

  const sum = (assets: Iterable<AssetWeight>, key: 'rawBytes' | 'gzipBytes') => [...assets].reduce((total, a) => total + a[key], 0);
  const htmlGzip = gzipBytes(html);
  const cssGzip = sum(stylesheets.values(), 'gzipBytes');
  const jsGzip = sum(scripts.values(), 'gzipBytes');
  const inlineJsBytes = Buffer.byteLength(inline);
  return {
    page,
    htmlBytes: html.length,
    htmlGzip,
    stylesheets: [...stylesheets.values()],
    scripts: [...scripts.values()],
    cssGzip,
    jsGzip,
    inlineJsBytes,
    inlineJsGzip: inline ? gzipBytes(inline) : 0,
    jsBytes: sum(scripts.values(), 'rawBytes') + inlineJsBytes,
    totalGzip: htmlGzip + cssGzip + jsGzip,
    unresolved,
  };
}

// ---------------------------------------------------------------- one page of each template

export interface Template {
  name: string;
  /** A fixed page, or the section whose document pages (`<section>/<slug>/`) use the template. */
  page?: string;
  section?: string;
}

export const TEMPLATES: readonly Template[] = [
  { name: 'home', page: '/' },
  { name: 'policy list', page: '/policies/' },
  { name: 'policy', section: '/policies/' },
  { name: 'interpretation', section: '/interpretations/' },
  { name: '12315 analysis', section: '/12315/' },
  { name: 'inspection result', section: '/inspections/results/' },
  { name: 'trademark news', section: '/trademarks/' },
  { name: 'catalog', page: '/catalog/' },
  { name: 'search', page: '/search/' },
];

/**
 * Document pages of a section: its `<slug>/index.html` pages that carry `data-pagefind-body`
 * (list and filter pages such as `year/2024/` do not), with their HTML size.
 */
export function documentPages(siteDir: string, section: string): { page: string; bytes: number }[] {
  const directory = pageFile(siteDir, section).replace(/index\.html$/, '');
  if (!existsSync(directory)) return [];
  const pages: { page: string; bytes: number }[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const file = join(directory, entry.name, 'index.html');
    if (!existsSync(file)) continue;
    // The marker sits near the top of <main>; reading the whole file is cheap enough.
    if (!readFileSync(file, 'utf8').includes('data-pagefind-body')) continue;
    pages.push({ page: `${section}${entry.name}/`, bytes: statSync(file).size });
  }
  return pages.sort((a, b) => a.bytes - b.bytes || a.page.localeCompare(b.page));
}

export interface TemplateWeight {
  template: string;
  /** The page weighed, or null when the site has no page of this template. */
  weight: PageWeight | null;
}

/**
 * One page of each template: the fixed page, or the section's document page of median HTML
 * size (`pick: 'largest'` takes the largest instead).
 */
export function templateWeights(siteDir: string, options: { pick?: 'median' | 'largest'; templates?: readonly Template[] } = {}): TemplateWeight[] {
  return (options.templates ?? TEMPLATES).map((template) => {
    let page = template.page;
    if (!page && template.section) {
      const pages = documentPages(siteDir, template.section);
      const chosen = options.pick === 'largest' ? pages.at(-1) : pages[Math.floor((pages.length - 1) / 2)];
      page = chosen?.page;
    }
    if (!page || !existsSync(pageFile(siteDir, page))) return { template: template.name, weight: null };
    return { template: template.name, weight: pageWeight(siteDir, page) };
  });
}
