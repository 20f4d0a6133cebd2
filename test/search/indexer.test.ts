/** The indexer beside the build: pages handed over while the site is rendered, the rest found at the end. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, SearchIndexBuilder } from '../../core/search/index/buildIndex.ts';
import { openSiteIndex } from '../../core/search/query/openSiteIndex.ts';
import { searchSite } from '../../core/search/query/searchSite.ts';
import { startIndexer } from '../../core/search/index/startIndexer.ts';
import { pageHtml, writeFixtureSite } from './fixtureSite.ts';

const page = (n: number) => ({
  url: `/policies/p${n}/`,
  title: `第${n}号公告 食品抽检`,
  date: `2024-0${(n % 9) + 1}-01`,
  paragraphs: [`食品抽检第${n}批次结果。`],
});

describe('the index of a site', () => {
  it('is the same, file for file, whatever order its pages were read in, and changes with the site', async () => {
    const site = writeFixtureSite([page(1), page(2), page(3)]);
    const files = () =>
      readdirSync(join(site, 'search-index'), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map(
          (entry) =>
            `${entry.parentPath.slice(site.length)}/${entry.name}:${readFileSync(join(entry.parentPath, entry.name)).toString('base64')}`,
        )
        .sort();
    const forward = new SearchIndexBuilder(site, { parallel: false });
    for (const n of [1, 2, 3]) forward.addPage(join(site, 'policies', `p${n}`, 'index.html'));
    forward.addRemaining();
    await forward.write();
    const first = files();
    // …and whether half the terms are encoded in a worker thread or not.
    const backward = new SearchIndexBuilder(site, { parallel: true });
    for (const n of [3, 2, 1]) backward.addPage(join(site, 'policies', `p${n}`, 'index.html'));
    backward.addRemaining();
    await backward.write();
    expect(files()).toEqual(first);
    const build = async () => (await openSiteIndex(site)).manifest.build;
    const before = await build();
    writeFileSync(join(site, 'policies', 'p3', 'index.html'), pageHtml({ ...page(3), title: '改过的标题' }));
    await buildSearchIndex(site);
    expect(await build()).not.toBe(before);
  });
});

describe('the indexer process', () => {
  it('indexes the pages it is handed during the build and finds the ones it was not told about', async () => {
    const site = writeFixtureSite([page(1), page(2)]);
    const indexer = startIndexer(site);
    // Handed over as the renderer does: the article only, and it is read instead of the file.
    const html = pageHtml(page(1));
    const article = html.slice(html.indexOf('<article'), html.indexOf('</article>') + '</article>'.length);
    writeFileSync(join(site, 'policies', 'p1', 'index.html'), html.replace('食品抽检第1批次', '文件里的旧文字'));
    indexer.page(join(site, 'policies', 'p1', 'index.html'), article);
    // Written later and never handed over: found by finish().
    writeFileSync(join(site, 'policies', 'p2', 'index.html'), pageHtml(page(2)));
    const { summary, handed, read } = await indexer.finish();
    expect(summary.documents).toBe(2);
    expect([handed, read]).toEqual([1, 2]); // p1 handed; p2 and the list page read at the end
    const index = await openSiteIndex(site);
    const found = await searchSite(index, { query: '食品抽检', limit: 10 });
    expect(found.hits.map((hit) => hit.url).sort()).toEqual(['/policies/p1/', '/policies/p2/']);
    expect((await searchSite(index, { query: '文件里的旧文字' })).hits).toEqual([]);
  });

  it('fails the build with the reason when it cannot write the index', async () => {
    const site = writeFixtureSite([page(3)]);
    const indexer = startIndexer(join(site, 'policies', 'p3', 'index.html')); // a file, not a folder
    await expect(indexer.finish()).rejects.toThrow(/搜索索引失败：.*not a directory/);
    expect(existsSync(join(site, 'search-index'))).toBe(false);
    expect(readdirSync(site).sort()).toEqual(['policies']);
  });

  it('fails the build naming a page it cannot read, instead of leaving it out of search', async () => {
    const site = writeFixtureSite([page(4), page(5)]);
    // An article without the title the indexer keys results on.
    writeFileSync(join(site, 'policies', 'p5', 'index.html'), pageHtml(page(5)).replace(' data-pagefind-meta="title"', ''));
    await expect(buildSearchIndex(site)).rejects.toThrow('搜索索引无法读取 /policies/p5/：没有标题');
    const indexer = startIndexer(site);
    await expect(indexer.finish()).rejects.toThrow(/\/policies\/p5\//);
  });

  it('keeps table cells apart in the text and the excerpts', async () => {
    const site = writeFixtureSite([{ url: '/inspections/r1/', title: '抽查结果公告', date: '2025-06-06', paragraphs: [] }]);
    const file = join(site, 'inspections', 'r1', 'index.html');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '</article>',
        '<table><tr><td>攸县某经营部</td><td>92430202MA7GR2X82R</td><td>未发现问题</td></tr><tr><td>2</td><td>攸县某超市</td><td>责令改正</td></tr></table></article>',
      ),
    );
    await buildSearchIndex(site);
    const { hits } = await searchSite(await openSiteIndex(site), { query: '未发现问题' });
    const text = hits[0]!.excerpt.replace(/<\/?mark>/g, '');
    expect(text).toContain('攸县某经营部 92430202MA7GR2X82R 未发现问题 2 攸县某超市');
  });
});
