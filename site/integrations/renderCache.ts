/**
 * Incremental builds (site/lib/renderCache.ts decides, page by page, what need not be rendered).
 * Before the pages render, this sets up the cache: the build key and the served build's record
 * of its pages. Once they are written, and before the sitemap, the search index and the leak
 * scan look at the output, it links each reused page's file from the served build, lists it for
 * the sitemap, hands it to the indexer (which knows from the served build's index whether it has
 * an indexed article), and records this build's
 * pages beside its folder (core/build/siteSwap.ts `recordBeside`) for the next build.
 *
 * Off unless scripts/build-site.ts asks for it: a record is kept (`SITE_PAGE_RECORD=1`) and,
 * with `--incremental`, the served build is reused (`SITE_REUSE_FROM`).
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { recordBeside } from '../../core/build/siteSwap.ts';
import { writeFileAtomic } from '../../core/content/atomicWrite.ts';
import { urlOf } from '../../core/search/index/sitePages.ts';
import { type CachedPage, setRenderCache } from '../lib/renderCache.ts';

const RECORD_VERSION = 2;
/** The record of a build's pages: file → key. */
interface PageRecord {
  version: number;
  /** The build key the pages were rendered under: another (new code, another site address) reuses nothing. */
  buildKey: string;
  pages: Record<string, string>;
}

/** What the pages' output depends on besides their content: these files of the project, and the Node that runs it. */
const CODE = ['site', 'core', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

/** The files of CODE, relative to the project, in a fixed order. */
function codeFiles(root: string): string[] {
  const files: string[] = [];
  for (const path of CODE) {
    const full = join(root, path);
    if (!existsSync(full)) continue;
    if (!statSync(full).isDirectory()) files.push(path);
    else
      for (const entry of readdirSync(full, { withFileTypes: true, recursive: true }))
        if (entry.isFile()) files.push(relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
  }
  return files.sort();
}

/** The key every page's own key starts from: the code that renders it and the site's address. */
export function buildKey(root: string, site: string | undefined): string {
  const hash = createHash('sha256').update(`${RECORD_VERSION}\0${process.version}\0${site ?? ''}\0`);
  for (const file of codeFiles(root))
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

/** The served build's pages that can be reused: those its record lists, rendered under this build key, whose file is still there. */
function readRecord(folder: string, key: string): Map<string, CachedPage> {
  const pages = new Map<string, CachedPage>();
  let record: PageRecord;
  try {
    record = JSON.parse(readFileSync(recordBeside(folder, 'pages'), 'utf8')) as PageRecord;
  } catch {
    return pages;
  }
  if (record.version !== RECORD_VERSION || record.buildKey !== key) return pages;
  for (const [file, pageKey] of Object.entries(record.pages)) if (existsSync(join(folder, file))) pages.set(file, { key: pageKey });
  return pages;
}

export interface RenderCacheOptions {
  /** Keep a record of this build's pages (public builds by scripts/build-site.ts). */
  record: boolean;
  /** The served build's folder, whose unchanged pages are linked instead of rendered. */
  reuseFrom?: string;
  /** The sitemap's `customPages`: reused pages, which Astro does not list as built. */
  sitemapPages: string[];
  /** Hands a reused page to the search indexer: its file in this build, and the file to read it from. */
  indexReused: (file: string, from: string) => void;
  /** Tells the search indexer, before it starts, the served build it may read ahead (none when nothing can be reused). */
  indexMayReuse: (folder: string | undefined) => void;
}

export function renderCache(options: RenderCacheOptions): AstroIntegration {
  let root = '';
  let out = '';
  let site: string | undefined;
  const keys = new Map<string, string>();
  const reused = new Set<string>();
  let key = '';
  return {
    name: 'zhengwu:render-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        out = fileURLToPath(config.outDir);
        site = config.site;
      },
      'astro:build:start': ({ logger }) => {
        if (!options.record) return;
        key = buildKey(root, site);
        const previous = options.reuseFrom ? readRecord(options.reuseFrom, key) : new Map<string, CachedPage>();
        if (options.reuseFrom)
          logger.info(
            previous.size > 0
              ? `incremental: ${previous.size} pages of ${relative(root, options.reuseFrom)} may be reused`
              : `incremental: nothing of ${relative(root, options.reuseFrom)} can be reused (other code or site address, or no record): every page is rendered`,
          );
        // Runs before the search index's build:start (this integration is listed first).
        options.indexMayReuse(previous.size > 0 ? options.reuseFrom : undefined);
        keys.clear();
        reused.clear();
        setRenderCache({
          buildKey: key,
          previous,
          keys,
          reuse: (file) => {
            reused.add(file);
            // Told now, while the rest renders; the indexer has most of them read ahead already.
            options.indexReused(join(out, file), join(options.reuseFrom!, file));
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!options.record) return;
        setRenderCache(undefined);
        if (fileURLToPath(dir) !== out) throw new Error(`增量构建：输出目录 ${fileURLToPath(dir)} 与配置的 ${out} 不一致`);
        const linking = performance.now();
        for (const file of reused) {
          const target = join(out, file);
          mkdirSync(dirname(target), { recursive: true });
          // A hard link: the same bytes, no copy; a build never writes into a file of another.
          linkSync(join(options.reuseFrom!, file), target);
          options.sitemapPages.push(new URL(urlOf(out, target), site ?? 'http://localhost/').href);
        }
        const linked = performance.now();
        const record: PageRecord = { version: RECORD_VERSION, buildKey: key, pages: Object.fromEntries(keys) };
        await writeFileAtomic(recordBeside(out, 'pages'), JSON.stringify(record));
        const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
        logger.info(
          `incremental: ${keys.size - reused.size} pages rendered, ${reused.size} reused from the served build (linked in ${seconds(linked - linking)}, record written in ${seconds(performance.now() - linked)})`,
        );
      },
    },
  };
}
