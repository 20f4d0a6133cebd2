/**
 * Incremental builds: a page whose inputs are exactly those it had in the build being served is
 * not rendered again; its file is linked from that build (site/integrations/renderCache.ts).
 * At 10,000 documents a release changes two document pages and the lists they are on, out of
 * some 14,000 pages, and the publisher has 30 seconds to put it online.
 *
 * A page's inputs are its route's `getStaticPaths` entry (params and props: the document, or a
 * list page's items and facet counts) and what every page reads besides: the code, the site's
 * address and the site settings (Base.astro's footer and meta tags), which make up the build key.
 * Only routes whose template reads nothing else may be wrapped in `reusable()`; a template that
 * reads `siteContent()` or the content source in its body (the 政府信息公开 pages) is rendered
 * every build. test/build/incrementalBuild.test.ts proves an incremental build writes the same
 * files as a full one.
 *
 * Astro renders pages from a bundle of its own, so the cache the integration sets up lives on
 * `globalThis` under a registered symbol (as core/search/index/pageChannel.ts does); without it
 * (the dev server, the preview, a build not run by scripts/build-site.ts) every page renders.
 */
import { createHash } from 'node:crypto';
import { siteContent } from './content.ts';

/** What the build before recorded of a page: its inputs' key. */
export interface CachedPage {
  key: string;
}

export interface RenderCache {
  /** The code, the site address and whatever else every page's output depends on. */
  buildKey: string;
  /** The served build's pages, by file (`policies/a/index.html`); empty for a full build. */
  previous: ReadonlyMap<string, CachedPage>;
  /** Every page of a wrapped route in this build, rendered or reused, by file: its key. */
  keys: Map<string, string>;
  /** A page taken from the served build instead of being rendered. */
  reuse(file: string): void;
  /** The build key with the site settings every page shows, once read (set on first use). */
  pageBase?: Promise<string>;
}

const CACHE = Symbol.for('zhengwu.renderCache');
type Holder = { [CACHE]?: RenderCache };

/** Installs (or, with undefined, removes) the cache the pages of this build consult. */
export function setRenderCache(cache: RenderCache | undefined): void {
  (globalThis as Holder)[CACHE] = cache;
}

/**
 * The file a route's entry is written to: `policies/[slug]/index.html` with `{ slug: 'a' }` →
 * `policies/a/index.html`; a rest parameter left undefined takes its segment away
 * (`policies/[...list]/index.html` → `policies/index.html`).
 */
export function fileOfEntry(pattern: string, params: Record<string, string | number | undefined>): string {
  return pattern
    .replace(/\[(\.\.\.)?([^\]]+)\]\/?/g, (whole, rest: string | undefined, name: string) => {
      const value = params[name];
      if (value === undefined || value === '') {
        if (rest) return '';
        throw new Error(`${pattern}：缺少参数 ${name}`);
      }
      return whole.endsWith('/') ? `${value}/` : String(value);
    })
    .replace(/^\//, '');
}

/** The build key with the site settings every page shows (read once per build). */
function pageBase(cache: RenderCache): Promise<string> {
  cache.pageBase ??= siteContent().then(({ settings }) =>
    createHash('sha256').update(cache.buildKey).update('\0').update(JSON.stringify(settings)).digest('hex'),
  );
  return cache.pageBase;
}

/**
 * The text a page's key is made from: its props as JSON, with every document in them (an object
 * with an `_id`) written as the digest of its own JSON. A list page's props hold its twenty
 * documents whole, bodies included; the same objects are on their own pages' props, so each is
 * written out once per build, not once per page it is on (hundreds of megabytes at 10,000 documents).
 */
const digests = new WeakMap<object, string>();
function propsText(props: unknown): string {
  const replacer = function (this: unknown, key: string, value: unknown): unknown {
    if (key === '' || value === null || typeof value !== 'object' || !('_id' in value)) return value;
    let digest = digests.get(value);
    if (digest === undefined) {
      // The document's own JSON (the replacer passes the top value, key '', as it is), documents inside it again as digests.
      digest = `#${createHash('sha256').update(JSON.stringify(value, replacer)).digest('base64')}`;
      digests.set(value, digest);
    }
    return digest;
  };
  return JSON.stringify(props, replacer);
}

/**
 * A route's `getStaticPaths` entries, less those whose page the served build already has with the
 * same inputs. `pattern` is the file the route writes, with its parameters in brackets
 * (`policies/[slug]/index.html`, `inspections/results/[slug]/records.csv`).
 */
export async function reusable<Entry extends { params: Record<string, string | number | undefined>; props: unknown }>(
  pattern: string,
  entries: Entry[],
): Promise<Entry[]> {
  const cache = (globalThis as Holder)[CACHE];
  if (!cache) return entries;
  const base = await pageBase(cache);
  return entries.filter((entry) => {
    const file = fileOfEntry(pattern, entry.params);
    const key = createHash('sha256').update(base).update('\0').update(file).update('\0').update(propsText(entry.props)).digest('hex');
    cache.keys.set(file, key);
    const before = cache.previous.get(file);
    if (before?.key !== key) return true;
    cache.reuse(file);
    return false;
  });
}
