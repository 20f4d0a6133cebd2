/**
 * What the indexer reads from a page (core/search/index/pageRecord.ts) when the page holds odd
 * or broken markup: markup and entities inside the title and the 发文字号, `>` in attribute
 * values, nested tables, ignored and hidden parts, comments, scripts and styles, and pages it
 * cannot read, which must fail naming the page rather than drop out of search.
 */
import { describe, expect, it } from 'vitest';
import { pageRecord } from '../../core/search/index/pageRecord.ts';
import { searchSite } from '../../core/search/query/searchSite.ts';
import { escapeHtml } from '../../core/text/escapeHtml.ts';
import { indexedFixtureSite, pageHtml } from './fixtureSite.ts';

const URL = '/policies/odd/';
/** An article as DocumentPage.astro writes it, with `inside` after the title. */
const article = (inside: string, title = '<h1 data-pagefind-meta="title">市场监管公告</h1>') =>
  `<!DOCTYPE html><html><head><title>公告</title></head><body><main><article data-pagefind-body>${title}${inside}</article></main><footer>页脚</footer></body></html>`;
const read = (html: string) => pageRecord(URL, html)!;

describe('markup inside the title and the 发文字号', () => {
  it('reads the title through inline elements and entities as one title', () => {
    const record = read(
      article('<p>正文</p>', '<h1 data-pagefind-meta="title">关于<em>食品</em>抽检 &amp; <span>复检</span>&lt;通知&gt;</h1>'),
    );
    expect(record.title).toBe('关于食品抽检 & 复检<通知>');
    expect(record.text).toBe('正文');
  });

  it('keeps a 发文字号 whose value holds markup, quotes and `>` whole, and the page in the index', async () => {
    const docNumber = '株市监发<b>〔2022〕</b>35号 "甲" > 乙';
    const record = read(pageHtml({ url: URL, title: '预付式消费管理办法', docNumber, date: '2022-05-01', paragraphs: ['正文。'] }));
    expect(record.meta.docNumber).toBe(docNumber);
    expect(record.text).toContain(docNumber);
    expect(record.parts).toContainEqual({ text: docNumber, weight: 5 });
    // Astro escapes only `&` and `"` in attribute values: a raw `>` in one does not end the tag.
    const raw = read(article('<div hidden><span data-pagefind-meta="docNumber:湘<i>市监</i>发〔2023〕1号 a>b"></span></div><p>正文</p>'));
    expect(raw.meta.docNumber).toBe('湘<i>市监</i>发〔2023〕1号 a>b');
    expect(raw.text).toBe('正文');
    const { index } = await indexedFixtureSite([
      { url: URL, title: '预付式消费管理办法', docNumber, date: '2022-05-01', paragraphs: ['单用途卡管理。'] },
    ]);
    expect((await searchSite(index, { query: '单用途卡' })).hits.map((hit) => hit.url)).toEqual([URL]);
  });

  it('does not read an attribute name inside another attribute’s value', () => {
    const record = read(article('<p title="x hidden data-pagefind-ignore">看得见的段落</p>'));
    expect(record.text).toBe('看得见的段落');
  });
});

describe('what a reader does not see', () => {
  it('leaves out ignored and hidden subtrees, however deep, but reads the facts inside them', () => {
    const record = read(
      article(
        '<div hidden><span data-pagefind-filter="section:政策文件"></span><p>隐藏文字</p></div>' +
          '<section data-pagefind-ignore="all"><div><p>侧栏<b>文字</b></p></div></section><p>正文<span hidden>藏</span>在此</p>',
      ),
    );
    expect(record.filters).toEqual({ section: '政策文件' });
    expect(record.text).toBe('正文在此');
    expect(record.parts.map((part) => part.text).join('')).not.toMatch(/隐藏|侧栏|藏/);
  });

  it('leaves out comments, scripts and styles inside the body', () => {
    const record = read(
      article(
        '<p>前<!-- 注释 <p>不是段落</p> -->后</p><script>var s = "<p>脚本</p>"; if (a < b) {}</script>' +
          '<style>p > b { color: red }</style><template><p>模板</p></template><p>结尾</p>',
      ),
    );
    expect(record.text).toBe('前后\n结尾');
    expect(record.parts.map((part) => part.text).join('')).not.toMatch(/注释|脚本|color|模板/);
  });

  it('reads only the article, not the navigation or footer around it', () => {
    const record = read(pageHtml({ url: URL, title: '标题', paragraphs: ['正文段落。'] }));
    expect(record.text).not.toMatch(/导航栏|页脚|侧栏/);
    expect(record.text).toContain('正文段落。');
  });
});

describe('blocks and table cells', () => {
  it('separates table cells and rows, nested tables too', () => {
    const record = read(
      article(
        '<table><tr><th>序号</th><th>企业名称</th></tr><tr><td>1</td><td>攸县某经营部<table><tr><td>内一</td><td>内二</td></tr></table></td></tr></table>',
      ),
    );
    expect(record.text.split('\n')).toEqual(['序号', '企业名称', '1', '攸县某经营部', '内一', '内二']);
  });

  it('ends a line at <br> and keeps inline elements in their line', () => {
    const record = read(article('<p>第一行<br>第二行<a href="/x/">链接</a>文字</p>'));
    expect(record.text.split('\n')).toEqual(['第一行', '第二行链接文字']);
  });

  it('reads a word split by inline markup as one run, so its bigrams and 发文字号 span the tag', () => {
    const record = read(article('<p>食<em>品</em>安全抽检，依据株市监发<span>〔2022〕</span>35号。</p><p>另一段</p>'));
    expect(record.parts.map((part) => part.text)).toEqual(['市场监管公告', '食品安全抽检，依据株市监发〔2022〕35号。', '另一段']);
  });

  it('weighs the parts of a weighted element, and its children with it', () => {
    const record = read(article('<p data-pagefind-weight="5">国发<span>〔2019〕</span>5号</p><p>正文</p>'));
    const weighing = (weight: number) =>
      record.parts
        .filter((part) => part.weight === weight)
        .map((part) => part.text)
        .join('');
    expect([weighing(6), weighing(5), weighing(1)]).toEqual(['市场监管公告', '国发〔2019〕5号', '正文']);
  });
});

describe('a page the indexer cannot read', () => {
  it('fails naming the page when the body element never ends', () => {
    const html = article('<p>正文</p>').replace('</article></main><footer>页脚</footer></body></html>', '<p>截断');
    expect(() => pageRecord(URL, html)).toThrow(`搜索索引无法读取 ${URL}：data-pagefind-body 元素（<article>）没有结束标签`);
  });

  it('fails naming the page when it has no title', () => {
    expect(() => pageRecord(URL, article('<p>正文</p>', '<h1>没有标记的标题</h1>'))).toThrow(
      `搜索索引无法读取 ${URL}：没有标题（data-pagefind-meta="title"）`,
    );
  });

  it('is not a document page when data-pagefind-body is only text, not an element’s attribute', () => {
    const list = `<html><head><title>${escapeHtml('<article data-pagefind-body>')}</title></head><body><p>data-pagefind-body</p></body></html>`;
    expect(pageRecord('/policies/', list)).toBeUndefined();
    expect(pageRecord('/policies/', '<html><body><ul><li>列表</li></ul></body></html>')).toBeUndefined();
  });

  it('reads the same record from the whole page as from its article alone', () => {
    const html = pageHtml({ url: URL, title: '标题', docNumber: '株市监发〔2022〕35号', date: '2022-01-02', paragraphs: ['甲。', '乙。'] });
    const alone = html.slice(html.indexOf('<article'), html.indexOf('</article>') + '</article>'.length);
    expect(pageRecord(URL, alone)).toEqual(pageRecord(URL, html));
  });
});
