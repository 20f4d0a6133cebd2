/**
 * Page weight of a built site, weighed by size-limit (its file plugin: each file gzip, level 9):
 * for a page, its HTML, every stylesheet it links (and their `@import`s), and every script it
 * loads — `<script src>`, the static and literal dynamic `import`s of those scripts and of its
 * inline module scripts. size-limit weighs files; which files a page loads is read here from
 * its HTML. Inline `<script>` and `<style>` are part of the HTML's bytes; inline script bytes
 * are also reported on their own, so "JS on this page" counts both.
 *
 * Reads files only; the same site always gives the same numbers. The policy page's budget is
 * checked by `npm run bench:build`, test/scripts/pageWeight.test.ts and `npx size-limit` over
 * dist/ (.size-limit.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import filePlugin from '@size-limit/file';
import sizeLimit, { type Check } from 'size-limit';
import { DOCUMENT_PATHS, SECTIONS } from '../../core/sections.ts';

/** The page-weight target of a policy page (HTML + CSS + JS, gzip): what fits the first round trip. */
export const POLICY_PAGE_BUDGET_BYTES = 14 * 1024;

interface AssetWeight {
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
  const base = fromSitePath.endsWith('/') ? fromSitePath : `${dirname(fromSitePath.replaceAll('/', sep)).replaceAll(sep, '/')}/`;
  return normalize(`${base}${clean}`).replaceAll(sep, '/');
}

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
const STATIC_IMPORT = /\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']|\bexport\s*[\w*{}\s,$]*from\s*["']([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*(?:\/\*[^*]*\*\/\s*)?["'`]([^"'`$]+)["'`]\s*\)/g;
const CSS_IMPORT = /@import\s+(?:url\()?\s*["']?([^"')\s;]+)["']?\s*\)?/g;

/** The files one page loads, found in its HTML; not yet weighed. */
interface PageFiles {
  page: string;
  /** The HTML file. */
  file: string;
  htmlBytes: number;
  /** Site path → file and raw size, in the order they were found. */
  stylesheets: Map<string, { file: string; rawBytes: number }>;
  scripts: Map<string, { file: string; rawBytes: number; dynamic: boolean }>;
  /** The text of the inline scripts. */
  inline: string;
  unresolved: string[];
}

function pageFiles(siteDir: string, page: string): PageFiles {
  const file = pageFile(siteDir, page);
  const html = readFileSync(file);
  const text = html.toString('utf8');
  const found: PageFiles = { page, file, htmlBytes: html.length, stylesheets: new Map(), scripts: new Map(), inline: '', unresolved: [] };
  const { stylesheets, scripts, unresolved } = found;

  const load = (path: string): { file: string; bytes: Buffer } | null => {
    const file = join(siteDir, ...path.split('/').filter(Boolean));
    if (!file.startsWith(siteDir) || !existsSync(file) || !statSync(file).isFile()) return null;
    return { file, bytes: readFileSync(file) };
  };

  const addStylesheet = (href: string, from: string) => {
    const path = sitePath(href, from);
    if (path === null) return void unresolved.push(href);
    if (stylesheets.has(path)) return;
    const loaded = load(path);
    if (!loaded) return void unresolved.push(href);
    stylesheets.set(path, { file: loaded.file, rawBytes: loaded.bytes.length });
    for (const match of loaded.bytes.toString('utf8').matchAll(CSS_IMPORT)) addStylesheet(match[1]!, path);
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
    const loaded = load(path);
    if (!loaded) return void unresolved.push(src);
    scripts.set(path, { file: loaded.file, rawBytes: loaded.bytes.length, dynamic });
    followImports(loaded.bytes.toString('utf8'), path, dynamic);
  };

  for (const match of text.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0];
    const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attribute(tag, 'href');
    if (rel.includes('stylesheet') && href) addStylesheet(href, page);
    else if (rel.includes('modulepreload') && href) addScript(href, page, false);
  }

  for (const match of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const tag = `<script ${match[1]}>`;
    const type = (attribute(tag, 'type') ?? '').toLowerCase();
    if (!JS_TYPES.has(type)) continue; // JSON-LD and other data blocks are not scripts
    const src = attribute(tag, 'src');
    if (src) addScript(src, page, false);
    else if (match[2]!.trim()) {
      found.inline += match[2];
      followImports(match[2]!, page, false);
    }
  }
  return found;
}

/** The files of the pages, each file once, gzip as size-limit weighs it. */
async function gzipSizes(files: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(files)];
  if (unique.length === 0) return new Map();
  const checks = unique.map((file) => ({ files: [file], gzip: true }));
  const sizes = (await sizeLimit([filePlugin], { checks })) as { size: number }[];
  return new Map(unique.map((file, index) => [file, sizes[index]!.size]));
}

function filesOf(found: PageFiles): string[] {
  return [found.file, ...[...found.stylesheets.values(), ...found.scripts.values()].map((asset) => asset.file)];
}

/** Weighs pages of a built site, their files with one size-limit run. */
async function pageWeights(siteDir: string, pages: readonly string[]): Promise<PageWeight[]> {
  const found = pages.map((page) => pageFiles(siteDir, page));
  const gzip = await gzipSizes(found.flatMap(filesOf));
  return found.map(({ page, file, htmlBytes, stylesheets, scripts, inline, unresolved }) => {
    const stylesheetWeights = [...stylesheets].map(([path, asset]) => ({
      path,
      rawBytes: asset.rawBytes,
      gzipBytes: gzip.get(asset.file)!,
      dynamic: false,
    }));
    const scriptWeights = [...scripts].map(([path, asset]) => ({
      path,
      rawBytes: asset.rawBytes,
      gzipBytes: gzip.get(asset.file)!,
      dynamic: asset.dynamic,
    }));
    const sum = (assets: readonly AssetWeight[], key: 'rawBytes' | 'gzipBytes') => assets.reduce((total, a) => total + a[key], 0);
    const htmlGzip = gzip.get(file)!;
    const cssGzip = sum(stylesheetWeights, 'gzipBytes');
    const jsGzip = sum(scriptWeights, 'gzipBytes');
    const inlineJsBytes = Buffer.byteLength(inline);
    return {
      page,
      htmlBytes,
      htmlGzip,
      stylesheets: stylesheetWeights,
      scripts: scriptWeights,
      cssGzip,
      jsGzip,
      inlineJsBytes,
      // A figure for a part of the HTML, not a file, so size-limit cannot weigh it: zlib as its file plugin sets it.
      inlineJsGzip: inline ? gzipSync(inline, { level: 9 }).length : 0,
      jsBytes: sum(scriptWeights, 'rawBytes') + inlineJsBytes,
      totalGzip: htmlGzip + cssGzip + jsGzip,
      unresolved,
    };
  });
}

/** Weighs one page of a built site. */
export async function pageWeight(siteDir: string, page: string): Promise<PageWeight> {
  return (await pageWeights(siteDir, [page]))[0]!;
}

// ---------------------------------------------------------------- one page of each template

export interface Template {
  name: string;
  /** A fixed page, or the site path whose document pages (`<section>/<slug>/`) use the template. */
  page?: string;
  section?: string;
}

const TEMPLATES: readonly Template[] = [
  { name: 'home', page: '/' },
  { name: 'policy list', page: SECTIONS.policy.path },
  { name: 'policy', section: DOCUMENT_PATHS.policy },
  { name: 'interpretation', section: DOCUMENT_PATHS.interpretation },
  { name: '12315 analysis', section: DOCUMENT_PATHS.complaintAnalysis },
  { name: 'inspection result', section: DOCUMENT_PATHS.inspectionResult },
  { name: 'trademark news', section: DOCUMENT_PATHS.trademarkNews },
  { name: 'catalog', page: SECTIONS.catalog.path },
  { name: 'search', page: SECTIONS.search.path },
];

/**
 * Document pages of a section: its `<slug>/index.html` pages that carry `data-pagefind-body`
 * (list and filter pages such as `year/2024/` do not), with their HTML size.
 */
function documentPages(siteDir: string, section: string): { page: string; bytes: number }[] {
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

type PagePick = 'median' | 'largest';

/** The page of a template: the fixed page, or the section's document page of median HTML size (or the largest). */
function templatePage(siteDir: string, template: Template, pick: PagePick = 'median'): string | null {
  let page = template.page;
  if (!page && template.section) {
    const pages = documentPages(siteDir, template.section);
    page = (pick === 'largest' ? pages.at(-1) : pages[Math.floor((pages.length - 1) / 2)])?.page;
  }
  return page && existsSync(pageFile(siteDir, page)) ? page : null;
}

/**
 * One page of each template: the fixed page, or the section's document page of median HTML
 * size (`pick: 'largest'` takes the largest instead).
 */
export async function templateWeights(
  siteDir: string,
  options: { pick?: PagePick; templates?: readonly Template[] } = {},
): Promise<TemplateWeight[]> {
  const templates = options.templates ?? TEMPLATES;
  const pages = templates.map((template) => templatePage(siteDir, template, options.pick));
  const weights = await pageWeights(
    siteDir,
    pages.filter((page) => page !== null),
  );
  return templates.map((template, index) => ({
    template: template.name,
    weight: pages[index] ? weights.find((w) => w.page === pages[index])! : null,
  }));
}

/**
 * size-limit's checks for one page of each template (its HTML, CSS and JS, gzip), the policy
 * page with its budget: what `npx size-limit` runs (.size-limit.ts). Paths are relative to `root`.
 */
export function templateChecks(siteDir: string, root: string): Check[] {
  return TEMPLATES.flatMap((template) => {
    const page = templatePage(siteDir, template);
    if (!page) return [];
    const files = filesOf(pageFiles(siteDir, page)).map((file) => relative(root, file));
    const limit = template.name === 'policy' ? { limit: `${POLICY_PAGE_BUDGET_BYTES} B` } : {};
    return [{ name: `${template.name} (${page})`, path: files, gzip: true, ...limit }];
  });
}
