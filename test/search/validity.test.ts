/**
 * Validity in search results: a repealed, expired or amended document is marked as such in its
 * result and links to the policy that replaced it; between results of similar score the valid
 * document ranks first, while a repealed document a query names outright still comes first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { searchSite } from '../../core/search/query/searchSite.ts';
import type { SearchIndex } from '../../core/search/query/searchIndex.ts';
import { indexedFixtureSite, type FixturePage } from './fixtureSite.ts';

const sentence = '经营者以预付式消费方式提供服务的，应当与消费者订立书面合同，约定退款方式。';
// The two guidances match the query alike (titles of one length, the same mentions); the
// repealed one is two characters shorter, so on score alone it comes first, by a hair.
const PAGES: FixturePage[] = [
  {
    url: '/policies/prepaid-old/',
    title: '关于加强预付式消费领域监管的指导意见',
    docNumber: '株市监发〔2022〕35号',
    date: '2022-10-26',
    validity: '已废止',
    replacedBy: { url: '/policies/prepaid-new/', title: '关于规范预付式消费经营行为的实施意见' },
    paragraphs: [sentence, '预付式消费纠纷多发。'],
  },
  {
    url: '/policies/prepaid-new/',
    title: '关于规范预付式消费经营行为的实施意见',
    docNumber: '株市监规〔2024〕1号',
    date: '2024-05-10',
    validity: '有效',
    paragraphs: [sentence, '预付式消费纠纷多有发生。'],
  },
  {
    url: '/policies/prepaid-amended/',
    title: '预付卡退款办法',
    date: '2023-01-10',
    validity: '已修改',
    paragraphs: ['单用途预付卡余额退款的办法。'],
  },
];

let index: SearchIndex;
beforeAll(async () => {
  ({ index } = await indexedFixtureSite(PAGES));
});

describe('validity in search results', () => {
  it('ranks the valid document above a repealed one of similar score, and marks the repealed one', async () => {
    // The premise: were both valid, the older one would come first.
    const { index: bothValid } = await indexedFixtureSite(PAGES.map((page) => ({ ...page, validity: '有效', replacedBy: undefined })));
    const unmarked = await searchSite(bothValid, { query: '预付式消费' });
    expect(unmarked.hits.map((hit) => hit.url).slice(0, 2), 'premise: on score alone the repealed page comes first').toEqual([
      '/policies/prepaid-old/',
      '/policies/prepaid-new/',
    ]);
    const { hits } = await searchSite(index, { query: '预付式消费' });
    expect(hits.map((hit) => hit.url).slice(0, 2)).toEqual(['/policies/prepaid-new/', '/policies/prepaid-old/']);
    expect(hits[0]!.validity).toBeUndefined();
    expect(hits[1]!.validity).toBe('已废止');
  });

  it('links a repealed document to the policy that replaced it', async () => {
    const { hits } = await searchSite(index, { query: '预付式消费' });
    expect(hits.find((hit) => hit.url === '/policies/prepaid-old/')!.replacedBy).toEqual({
      url: '/policies/prepaid-new/',
      title: '关于规范预付式消费经营行为的实施意见',
    });
  });

  it('marks an amended document too', async () => {
    const { hits } = await searchSite(index, { query: '预付卡退款' });
    expect(hits[0]).toMatchObject({ url: '/policies/prepaid-amended/', validity: '已修改' });
  });

  it('still puts a repealed document first when the query names it', async () => {
    expect((await searchSite(index, { query: '株市监发〔2022〕35号' })).hits[0]!.url).toBe('/policies/prepaid-old/');
    expect((await searchSite(index, { query: '加强预付式消费领域监管的指导意见' })).hits[0]!.url).toBe('/policies/prepaid-old/');
  });
});
