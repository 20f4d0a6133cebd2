/**
 * The reviewers' preview (built by test/globalSetup.ts into .tmp/test-preview): drafts shown
 * as they will be released, marked on every page, never indexed, never in the public output.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATASET, readDataset } from '../../core/content/dataset.ts';
import { siteFiles, TEST_PREVIEW, TEST_READ_TOKEN, TEST_SITE } from '../helpers/site.ts';
import { runNpm } from '../helpers/run.ts';

const preview = (path: string) => readFile(join(TEST_PREVIEW, path), 'utf8');

describe('the preview build', () => {
  it('shows a draft-only pair in the preview and in no file of the public build', async () => {
    const { documents } = await readDataset(DEFAULT_DATASET);
    const draftOnly = documents.find((d) => d._id === 'drafts.policy-2026-changzhutan-consumer')!;
    const title = draftOnly.title as string;
    const page = await preview('policies/2026-changzhutan-consumer/index.html');
    expect(page).toContain(title);
    // The pair as it will be released: the draft policy links its draft interpretation and back.
    const interpretationHref = /<aside class="related"[\s\S]*?<a href="([^"]+)"/.exec(page)![1]!;
    expect(await preview(`${interpretationHref.slice(1)}index.html`)).toContain('/policies/2026-changzhutan-consumer/');
    for (const file of await siteFiles(TEST_SITE)) {
      const bytes = await readFile(join(TEST_SITE, file));
      expect(bytes.includes(title), file).toBe(false);
    }
  });

  it('marks every preview page with the banner and noindex, disallows all robots and offers no sitemap', async () => {
    const pages = (await siteFiles(TEST_PREVIEW)).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    for (const file of pages) {
      const html = await preview(file);
      expect(html, file).toContain('草稿预览 · 非正式发布');
      expect(html, file).toContain('<meta name="robots" content="noindex, nofollow">');
    }
    expect(await preview('robots.txt')).toBe('User-agent: *\nDisallow: /\n');
    // No sitemap for search engines (the readers' 网站地图 page, /sitemap/, is a page like the others: noindex above).
    expect((await siteFiles(TEST_PREVIEW)).filter((f) => /sitemap[^/]*\.xml$/.test(f))).toEqual([]);
  });

  it('shows each document’s workflow state in the banner', async () => {
    expect(await preview('policies/2026-changzhutan-consumer/index.html')).toMatch(/流程状态：<strong>待审签<\/strong>/);
    expect(await preview('policies/2024-food-delivery/index.html')).toMatch(/流程状态：<strong>草稿<\/strong>/);
    expect(await preview('policies/2024-prepaid-consumption/index.html')).toMatch(/流程状态：<strong>已发布<\/strong>/);
  });

  it('lists the pair awaiting sign-off on 待审签 with links to its preview and changes', async () => {
    const review = await preview('review/index.html');
    const waiting = review.slice(0, review.indexOf('其他未发布的修改'));
    expect(waiting).toContain('href="/policies/2026-changzhutan-consumer/"');
    expect(waiting).toContain('href="/changes/policy-2026-changzhutan-consumer/"');
    expect(waiting).toContain('href="/changes/interpretation-2026-changzhutan-consumer/"');
    expect(waiting).not.toContain('2024-food-delivery');
    // Sent at 02:15 UTC: shown in Beijing time.
    expect(waiting).toContain('送审 · 刘芳（消费者权益保护科） · 2026-11-24 10:15');
  });

  it('shows what changed against the published version, field by field and paragraph by paragraph', async () => {
    const { documents } = await readDataset(DEFAULT_DATASET);
    const published = documents.find((d) => d._id === 'policy-2024-food-delivery')!;
    const draft = documents.find((d) => d._id === 'drafts.policy-2024-food-delivery')!;
    const changes = await preview('changes/policy-2024-food-delivery/index.html');
    expect(changes).toMatch(
      new RegExp(
        `<th scope="row">标题</th><td><del>${published.title}</del></td><td><ins>${(draft.title as string).replace(/[()（）]/g, '.')}</ins></td>`,
      ),
    );
    expect(changes).toContain(`<del>${published.formedAt}</del>`);
    expect(changes).toContain(`<ins>${draft.formedAt}</ins>`);
    expect(changes).toContain('【新增】');
    // Inside a changed paragraph the changed words are marked: 鼓励 → 应当 in （五）…
    expect(changes).toMatch(
      /<li class="changed"><span class="marker">【修改】<\/span>（五）<del class="words"><span class="visually-hidden">［删除：<\/span>鼓励<span class="visually-hidden">］<\/span><\/del>入网餐饮服务提供者<ins class="words"><span class="visually-hidden">［新增：<\/span>应当/,
    );
    // …and clauses renumbered by the inserted （六） show only their new numbers, not 删除 + 新增.
    expect(changes).toMatch(
      /（<del class="words"><span class="visually-hidden">［删除：<\/span>六<span class="visually-hidden">］<\/span><\/del><ins class="words"><span class="visually-hidden">［新增：<\/span>七<span class="visually-hidden">］<\/span><\/ins>）以城区/,
    );
    expect(changes).not.toContain('<li class="removed">');
    const news = await preview('changes/policy-2026-changzhutan-consumer/index.html');
    expect(news).toContain('此文档从未发布过');
  });

  it('keeps its own search index, apart from the public one', async () => {
    const search = runNpm(['search', '--', '--site', TEST_PREVIEW, '--json', '长株潭消费投诉异地受理']);
    expect(JSON.parse(search.stdout).map((h: { url: string }) => h.url)).toContain('/policies/2026-changzhutan-consumer/');
    const publicSearch = runNpm(['search', '--', '--site', TEST_SITE, '--json', '长株潭消费投诉异地受理']);
    expect(JSON.parse(publicSearch.stdout).map((h: { url: string }) => h.url)).not.toContain('/policies/2026-changzhutan-consumer/');
  });

  it('never writes the read token into any output file', async () => {
    for (const root of [TEST_PREVIEW, TEST_SITE]) {
      for (const file of await siteFiles(root)) {
        expect((await readFile(join(root, file))).includes(TEST_READ_TOKEN), file).toBe(false);
      }
    }
  });

  it('refuses to write the preview into dist/', () => {
    const result = runNpm(['build:preview', '--', '--out', 'dist']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('草稿预览不能写入 dist/');
  });
});
