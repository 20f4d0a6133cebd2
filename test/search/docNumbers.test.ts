/**
 * A query that is a 发文字号: the document that carries it comes first in every written form,
 * even when another page cites it more often; a number no document carries is said to be
 * missing, and the issuer's nearest numbers are offered instead of pages sharing a lone 5 and 号.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../core/search/buildIndex.ts';
import { nearest, parseDocNumber, printDocNumber, type DocNumberEntry } from '../../core/search/docNumbers.ts';
import { openSiteIndex } from '../../core/search/nodeSearch.ts';
import { searchSite } from '../../core/search/searchSite.ts';
import type { SearchIndex } from '../../core/search/searchIndex.ts';
import { zh } from '../../site/i18n/zh.ts';
import { writeFixtureSite, type FixturePage } from './fixtureSite.ts';

const PAGES: FixturePage[] = [
  { url: '/policies/a/', title: '关于深化“双随机、一公开”监管的实施意见', docNumber: '国发〔2019〕3号', date: '2019-02-01', paragraphs: ['推进跨部门联合抽查。'] },
  { url: '/policies/b/', title: '关于进一步优化营商环境的通知', docNumber: '国发〔2019〕7号', date: '2019-04-01', paragraphs: ['压缩企业开办时间。'] },
  { url: '/policies/c/', title: '关于加强质量认证体系建设的意见', docNumber: '国发〔2018〕5号', date: '2018-06-01', paragraphs: ['完善认证认可制度。'] },
  { url: '/policies/d/', title: '小作坊登记管理办法', docNumber: '株市监规〔2022〕1号', date: '2022-08-25', paragraphs: ['小作坊登记的条件。'] },
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
  const site = writeFixtureSite(PAGES);
  await buildSearchIndex(site);
  index = await openSiteIndex(site);
});

describe('a query that is a 发文字号', () => {
  it('reads every written form, full-width digits and 《》 included, and nothing else', () => {
    for (const typed of ['国发〔2019〕5号', '国发[2019]5号', '国发［2019］5号', '国发（2019）5号', '国发(2019)5号', '国发2019年5号', '国发〔２０１９〕５号', '《国发〔2019〕5号》', '国发〔2019〕第5号']) {
      expect(parseDocNumber(typed), typed).toEqual({ prefix: '国发', year: 2019, serial: 5 });
    }
    expect(parseDocNumber('国发〔2019〕5号 双随机')).toBeUndefined();
    expect(parseDocNumber('2019年5号')).toBeUndefined();
    expect(printDocNumber({ prefix: '国发', year: 2019, serial: 5 })).toBe('国发〔2019〕5号');
  });

  it('puts the document that carries it first, in every written form, above a page that cites it more', async () => {
    for (const typed of ['国发〔2019〕3号', '国发[2019]3号', '国发（2019）3号', '国发2019年3号', '国发〔２０１９〕３号', '“国发〔2019〕3号”']) {
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
    expect(nearest(entries, { prefix: '株市监规', year: 2023, serial: 1 }).map((e) => e[4])).toEqual(['株市监规〔2023〕9号', '株市监规〔2022〕1号', '株市监规〔2025〕1号']);
  });
});
