/**
 * What decides that a page need not be rendered again (site/lib/renderCache.ts): its file, its
 * props, and the build key (code, site address, settings). A page is reused only when all are
 * as they were; anything else renders it. test/build/incrementalBuild.test.ts proves the whole
 * build on the sample.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildKey } from '../../site/integrations/renderCache.ts';
import { type CachedPage, fileOfEntry, type RenderCache, reusable, setRenderCache } from '../../site/lib/renderCache.ts';

afterEach(() => setRenderCache(undefined));

const entries = () => [
  { params: { slug: 'a' }, props: { doc: { title: '甲', body: '正文' } } },
  { params: { slug: 'b' }, props: { doc: { title: '乙', body: '正文' } } },
];

function cache(previous: Map<string, CachedPage>, base = 'build-1'): RenderCache & { reused: string[] } {
  const reused: string[] = [];
  return {
    buildKey: base,
    previous,
    keys: new Map(),
    reuse: (file) => reused.push(file),
    // The settings every page shows, as the build would read them.
    pageBase: Promise.resolve(`${base}+settings`),
    reused,
  };
}

/** The keys a first build records. */
async function firstBuild(base = 'build-1'): Promise<Map<string, CachedPage>> {
  const first = cache(new Map(), base);
  setRenderCache(first);
  expect(await reusable('policies/[slug]/index.html', entries())).toHaveLength(2);
  return new Map([...first.keys].map(([file, key]) => [file, { key, indexed: true }]));
}

describe('fileOfEntry', () => {
  it('writes a route entry to the file Astro writes it to', () => {
    expect(fileOfEntry('policies/[slug]/index.html', { slug: 'a' })).toBe('policies/a/index.html');
    expect(fileOfEntry('policies/[...list]/index.html', { list: undefined })).toBe('policies/index.html');
    expect(fileOfEntry('policies/[...list]/index.html', { list: 'year/2024/page/2' })).toBe('policies/year/2024/page/2/index.html');
    expect(fileOfEntry('inspections/results/[slug]/records.csv', { slug: 'x' })).toBe('inspections/results/x/records.csv');
  });

  it('refuses an entry without a parameter its route needs', () => {
    expect(() => fileOfEntry('policies/[slug]/index.html', {})).toThrow(/slug/);
  });
});

describe('reusable', () => {
  it('renders every page when no cache is set up (dev server, preview, a plain build)', async () => {
    const all = entries();
    expect(await reusable('policies/[slug]/index.html', all)).toBe(all);
  });

  it('leaves out only the pages whose props are as the served build had them', async () => {
    const previous = await firstBuild();
    const second = cache(previous);
    setRenderCache(second);
    const changed = entries();
    changed[1]!.props.doc.title = '乙（修订）';
    const rendered = await reusable('policies/[slug]/index.html', changed);
    expect(rendered.map((entry) => entry.params.slug)).toEqual(['b']);
    expect(second.reused).toEqual(['policies/a/index.html']);
    // Both are in this build's record, the reused one under its unchanged key.
    expect(second.keys.get('policies/a/index.html')).toBe(previous.get('policies/a/index.html')!.key);
    expect(second.keys.get('policies/b/index.html')).not.toBe(previous.get('policies/b/index.html')!.key);
  });

  it('reuses nothing when the build key differs (other code, site address or settings)', async () => {
    const previous = await firstBuild('build-1');
    const second = cache(previous, 'build-2');
    setRenderCache(second);
    expect(await reusable('policies/[slug]/index.html', entries())).toHaveLength(2);
    expect(second.reused).toEqual([]);
  });

  it('sees a change deep in a document on a list page, and only a change', async () => {
    const doc = (title: string) => ({ _id: 'p1', title, interpretation: { _id: 'i1', title: '解读', body: [{ text: '一' }] } });
    const list = (items: object[]) => [{ params: { list: undefined }, props: { items, page: 1 } }];
    const first = cache(new Map());
    setRenderCache(first);
    await reusable('policies/[...list]/index.html', list([doc('甲')]));
    const previous = new Map([...first.keys].map(([file, key]) => [file, { key, indexed: false }]));
    // The same content in new objects (the next build reads the content again): reused.
    setRenderCache(cache(previous));
    expect(await reusable('policies/[...list]/index.html', list([doc('甲')]))).toHaveLength(0);
    // A change in a document inside a document: rendered.
    const changed = doc('甲');
    changed.interpretation.body[0]!.text = '二';
    setRenderCache(cache(previous));
    expect(await reusable('policies/[...list]/index.html', list([changed]))).toHaveLength(1);
  });

  it('does not take one route’s page for another’s with the same props', async () => {
    const previous = await firstBuild();
    setRenderCache(cache(previous));
    expect(await reusable('interpretations/[slug]/index.html', entries())).toHaveLength(2);
  });
});

describe('buildKey', () => {
  it('changes with the code that renders the pages and with the site address, and only then', async () => {
    const root = await mkdtemp(join(tmpdir(), 'build-key-'));
    await mkdir(join(root, 'site', 'components'), { recursive: true });
    await writeFile(join(root, 'site', 'components', 'Footer.astro'), '<footer>一</footer>');
    await writeFile(join(root, 'astro.config.mjs'), 'export default {}');
    const key = buildKey(root, 'https://example.gov.cn');
    expect(buildKey(root, 'https://example.gov.cn')).toBe(key);
    expect(buildKey(root, 'https://other.gov.cn')).not.toBe(key);
    await writeFile(join(root, 'site', 'components', 'Footer.astro'), '<footer>二</footer>');
    expect(buildKey(root, 'https://example.gov.cn')).not.toBe(key);
    await writeFile(join(root, 'site', 'components', 'Footer.astro'), '<footer>一</footer>');
    expect(buildKey(root, 'https://example.gov.cn')).toBe(key);
    await mkdir(join(root, 'core'));
    await writeFile(join(root, 'core', 'format.ts'), 'export const x = 1;');
    expect(buildKey(root, 'https://example.gov.cn')).not.toBe(key);
  });
});
