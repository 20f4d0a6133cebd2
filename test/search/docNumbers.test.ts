/**
 * A query that is a 发文字号: the document that carries it comes first in every written form,
 * even when another page cites it more often; a number no document carries is said to be
 * missing, and the issuer's nearest numbers are offered instead of pages sharing a lone 5 and 号.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocNumberEntry } from '../../core/search/format/docNumberFiles.ts';
import { nearest } from '../../core/search/query/docNumberLookup.ts';
import { parseDocNumber, printDocNumber } from '../../core/search/text/docNumber.ts';
import { searchSite } from '../../core/search/query/searchSite.ts';
import type { SearchIndex } from '../../core/search/query/searchIndex.ts';
import { zh } from '../../site/i18n/zh.ts';
import { indexedFixtureSite, type FixturePage } from './fixtureSite.ts';

const PAGES: FixturePage[] = [
  {
    url: '/policies/a/',
    title: '关于深化“双随机、一公开”监管的实施意见',
    docNumber: '国发〔2019〕3号',
    date: '2019-02-01',
    paragraphs: ['推进跨部门联合抽查。'],
  },
  {
    url: '/policies/b/',
    title: '关于进一步优化营商环境的通知',
    docNumber: '国发〔2019〕7号',
    date: '2019-04-01',
    paragraphs: ['压缩企业开办时间。'],
  },
  {
    url: '/policies/c/',
    title: '关于加强质量认证体系建设的意见',
    docNumber: '国发〔2018〕5号',
    date: '2018-06-01',
    paragraphs: ['完善认证认可制度。'],
  },
  {
    url: '/policies/d/',
    title: '小作坊登记管理办法',
    docNumber: '株市监规〔2022〕1号',
    date: '2022-08-25',
    paragraphs: ['小作坊登记的条件。'],
  },
  {
    url: '/policies/order-45/',
    title: '市场监督管理行政处罚信息公示规定',
    docNumber: '国家市场监督管理总局令第45号',
    date: '2021-07-30',
    paragraphs: ['行政处罚信息公示。'],
  },
  {
    url: '/policies/order-46/',
    title: '化妆品生产经营监督管理办法',
    docNumber: '国家市场监督管理总局令第46号',
    date: '2021-08-02',
    paragraphs: ['化妆品生产经营。'],
  },
  {
    url: '/policies/state-706/',
    title: '国务院关于修改部分行政法规的决定',
    docNumber: '国令第706号',
    date: '2018-12-01',
    paragraphs: ['修改部分行政法规。'],
  },
  {
    // Both laws' titles contain 商标法; the implementing rules say it more often.
    url: '/policies/trademark-rules/',
    title: '中华人民共和国商标法实施条例',
    date: '2014-04-29',
    paragraphs: ['根据商标法制定本条例。商标法规定的事项，依照商标法执行。商标法。'],
  },
  { url: '/policies/trademark-law/', title: '中华人民共和国商标法', date: '2019-04-23', paragraphs: ['为了加强商标管理，制定本法。'] },
  {
    // Cites 国发〔2019〕3号 over and over, in its title too: still not the document that carries it.
    url: '/policies/citing/',
    title: '贯彻落实国发〔2019〕3号文件的工作方案',
    date: '2019-09-01',
    paragraphs: ['根据国发〔2019〕3号，制定本方案。', '国发〔2019〕3号要求的事项，按国发〔2019〕3号执行。', '第5号 第5号 5号 号 5'],
  },
];

let index: SearchIndex;
beforeAll(async () => {
  ({ index } = await indexedFixtureSite(PAGES));
});

describe('a query that is a 发文字号', () => {
  it('reads every written form, full-width digits and 《》 included, and nothing else', () => {
    for (const typed of [
      '国发〔2019〕5号',
      '国发[2019]5号',
      '国发［2019］5号',
      '国发（2019）5号',
      '国发(2019)5号',
      '国发2019年5号',
      '国发〔２０１９〕５号',
      '《国发〔2019〕5号》',
      '国发〔2019〕第5号',
    ]) {
      expect(parseDocNumber(typed), typed).toEqual({ prefix: '国发', year: 2019, serial: 5 });
    }
    expect(parseDocNumber('国发 2019 5号'), 'spaces for brackets').toEqual({ prefix: '国发', year: 2019, serial: 5 });
    expect(parseDocNumber('国务院令第706号')).toEqual({ prefix: '国务院令', year: 0, serial: 706 });
    expect(parseDocNumber('海关总署第4号令')).toEqual({ prefix: '海关总署令', year: 0, serial: 4 });
    expect(parseDocNumber('国发〔2019〕5号 双随机')).toBeUndefined();
    expect(parseDocNumber('2019年5号')).toBeUndefined();
    expect(printDocNumber({ prefix: '国发', year: 2019, serial: 5 })).toBe('国发〔2019〕5号');
  });

  it('puts the document that carries it first, in every written form, above a page that cites it more', async () => {
    for (const typed of [
      '国发〔2019〕3号',
      '国发[2019]3号',
      '国发（2019）3号',
      '国发2019年3号',
      '国发〔２０１９〕３号',
      '“国发〔2019〕3号”',
    ]) {
      const response = await searchSite(index, { query: typed });
      expect(response.hits[0]?.url, typed).toBe('/policies/a/');
      expect(response.noSuchDocNumber).toBeUndefined();
    }
  });

  it('says plainly that no document carries a missing number, then offers the nearest numbers', async () => {
    for (const typed of ['国发〔2019〕5号', '国发2019年5号']) {
      const response = await searchSite(index, { query: typed });
      expect(response.noSuchDocNumber).toBe('国发〔2019〕5号');
      // Same year first (3号, 7号: both two away, the lower first), then the nearest year.
      expect(response.nearestDocNumbers).toEqual(['国发〔2019〕3号', '国发〔2019〕7号', '国发〔2018〕5号']);
      expect(response.hits.map((hit) => hit.url)).toEqual(['/policies/a/', '/policies/b/', '/policies/c/']);
      expect(response.total).toBe(response.hits.length);
      expect(zh.search.noSuchDocNumber(response.noSuchDocNumber!)).toBe('没有文号为国发〔2019〕5号的文件。');
    }
  });

  it('finds an order number however its issuer is shortened (国务院令 → 国令, 市场监管总局令, 总局令)', async () => {
    for (const [typed, url] of [
      ['国家市场监督管理总局令第45号', '/policies/order-45/'],
      ['市场监管总局令第46号', '/policies/order-46/'],
      ['总局令第45号', '/policies/order-45/'],
      ['国务院令第706号', '/policies/state-706/'],
    ] as const) {
      const response = await searchSite(index, { query: typed });
      expect(response.hits[0]?.url, typed).toBe(url);
    }
    const missing = await searchSite(index, { query: '市场监管总局令第47号' });
    expect(missing.noSuchDocNumber).toBe('市场监管总局令第47号');
    expect(missing.nearestDocNumbers).toEqual(['国家市场监督管理总局令第46号', '国家市场监督管理总局令第45号']);
  });

  it('puts the document a query names by its whole title first (商标法, not 商标法实施条例)', async () => {
    for (const typed of ['商标法', '中华人民共和国商标法', '《商标法》'])
      expect((await searchSite(index, { query: typed })).hits[0]?.url, typed).toBe('/policies/trademark-law/');
    expect((await searchSite(index, { query: '商标法实施条例' })).hits[0]?.url).toBe('/policies/trademark-rules/');
  });

  it('offers nothing of another issuer, and says so when the issuer has no numbers at all', async () => {
    const response = await searchSite(index, { query: '湘政发〔2019〕5号' });
    expect(response.noSuchDocNumber).toBe('湘政发〔2019〕5号');
    expect(response.hits).toEqual([]);
    expect(response.total).toBe(0);
  });

  it('ranks nearest numbers by year, then serial', () => {
    const entries: DocNumberEntry[] = [
      ['株市监规', 2025, 1, 0, '株市监规〔2025〕1号'],
      ['株市监规', 2022, 1, 1, '株市监规〔2022〕1号'],
      ['株市监规', 2023, 9, 2, '株市监规〔2023〕9号'],
      ['国发', 2023, 1, 3, '国发〔2023〕1号'],
    ];
    expect(nearest(entries, { prefix: '株市监规', year: 2023, serial: 1 }).map((e) => e[4])).toEqual([
      '株市监规〔2023〕9号',
      '株市监规〔2022〕1号',
      '株市监规〔2025〕1号',
    ]);
  });
});
