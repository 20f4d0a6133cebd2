/**
 * The project's search over small built sites: what a person sees for questions, document
 * numbers, credit codes, phrases, facets and sorting, and what must never be found.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, type IndexOptions } from '../../core/search/index/buildIndex.ts';
import { openSiteIndex } from '../../core/search/query/openSiteIndex.ts';
import { DOCUMENT_HEAD_CHARACTERS } from '../../core/search/format/indexFormat.ts';
import { searchSite, type SearchRequest } from '../../core/search/query/searchSite.ts';
import type { SearchIndex } from '../../core/search/query/searchIndex.ts';
import { indexedFixtureSite, writeFixtureSite, type FixturePage } from './fixtureSite.ts';
import { meaningfulQuery } from '../../core/search/text/queryText.ts';
import { termsOf } from '../../core/search/text/terms.ts';

const PAGES: FixturePage[] = [
  {
    url: '/policies/annual-report/',
    title: '个体工商户年度报告公示办法',
    docNumber: '国市监信规〔2019〕3号',
    date: '2019-05-01',
    publisher: '信用监督管理科',
    topic: '工商',
    validity: '有效',
    paragraphs: [
      '个体工商户应当于每年1月1日至6月30日报送上一年度年度报告，并向社会公示。',
      '未按规定期限公示年度报告的，列入经营异常名录，可以通过纸质方式报送。',
    ],
  },
  {
    url: '/policies/prepaid/',
    title: '预付式消费纠纷处理规定',
    date: '2024-03-01',
    publisher: '消费者权益保护科',
    topic: '工商',
    validity: '有效',
    paragraphs: ['经营者以预付式消费方式提供商品或者服务的，应当与消费者订立书面合同。', '单用途卡余额应当按约定退款。'],
  },
  {
    url: '/interpretations/prepaid/',
    title: '《预付式消费纠纷处理规定》政策解读',
    section: '政策解读',
    date: '2024-03-01',
    publisher: '消费者权益保护科',
    topic: '工商',
    paragraphs: ['本解读说明预付式消费纠纷的处理程序和退款时限。'],
  },
  {
    url: '/policies/food-workshop/',
    title: '食品生产加工小作坊监督管理办法',
    docNumber: '株市监规〔2025〕1号',
    date: '2025-03-31',
    publisher: '食品生产监督管理科',
    topic: '食品药品监管',
    validity: '有效',
    paragraphs: ['小作坊应当具备与生产加工食品品种相适应的场所。', '小作坊登记证有效期为三年。'],
  },
  {
    url: '/policies/food-workshop-old/',
    title: '食品生产加工小作坊登记管理办法',
    docNumber: '株市监规〔2022〕1号',
    date: '2022-08-25',
    publisher: '食品生产监督管理科',
    topic: '食品药品监管',
    validity: '已废止',
    paragraphs: ['本办法已被新办法废止。小作坊登记的条件、程序和期限。'],
  },
  {
    url: '/trademarks/assisted-filing/',
    title: '推行商标注册申请帮办代办服务',
    section: '商标品牌',
    date: '2026-01-10',
    publisher: '知识产权科',
    paragraphs: ['商标注册申请人可以在窗口获得帮办代办服务。'],
  },
  {
    url: '/inspections/results/2025-food/',
    title: '2025年食品经营者抽查结果公告',
    section: '双随机抽查',
    date: '2025-06-06',
    publisher: '食品经营监督管理科',
    paragraphs: ['攸县创新食品有限责任公司 91430223MA4F08JT8M 发现问题已责令改正', '醴陵瓷都餐饮有限公司 91430281MA4L2K3X0Q 未发现问题'],
  },
  {
    url: '/policies/decoy/',
    title: '窗口服务指南',
    date: '2023-02-02',
    publisher: '办公室',
    topic: '综合政务',
    validity: '有效',
    paragraphs: ['办理预付卡需交付式样材料。正式消息：消费者可以咨询。'],
  },
];

let site: string;
let index: SearchIndex;
const search = (request: SearchRequest | string) => searchSite(index, typeof request === 'string' ? { query: request } : request);
const urls = async (request: SearchRequest | string) => (await search(request)).hits.map((hit) => hit.url);

beforeAll(async () => {
  ({ site, index } = await indexedFixtureSite(PAGES));
});

describe('what a person asks', () => {
  it('finds the answer to a question even though not every word of it is in the page', async () => {
    const ranked = await urls('个体工商户年报没有按时公示会有什么后果？');
    expect(ranked[0]).toBe('/policies/annual-report/');
  });

  it('drops words no page contains instead of returning nothing', async () => {
    const ranked = await urls('小作坊登记证有效期 火星文xyzzy');
    expect(ranked[0]).toBe('/policies/food-workshop/');
  });

  it('ranks pages with the words in the title above pages that only mention them', async () => {
    const ranked = await urls('预付式消费');
    expect(ranked.slice(0, 2).sort()).toEqual(['/interpretations/prepaid/', '/policies/prepaid/']);
  });

  it('finds a 发文字号 in whatever form it is typed', async () => {
    for (const variant of ['株市监规〔2025〕1号', '株市监规[2025]1号', '株市监规2025年1号', '株市监规（2025）1号']) {
      expect((await urls(variant))[0], variant).toBe('/policies/food-workshop/');
    }
    expect((await urls('株市监规〔2022〕1号'))[0]).toBe('/policies/food-workshop-old/');
  });

  it('finds the result notice that lists an enterprise by its credit code, typed in any case', async () => {
    expect((await urls('91430281MA4L2K3X0Q'))[0]).toBe('/inspections/results/2025-food/');
    expect((await urls('91430281ma4l2k3x0q'))[0]).toBe('/inspections/results/2025-food/');
  });

  it('keeps to an exact phrase in quotes: every word in it, in that order', async () => {
    // The decoy has every bigram of 预付式消费 (预付卡, 交付式样, 正式消息, 消费者), not the phrase: the
    // index lists it under each of them (whether it also ranks above the cut-off depends on the weights).
    for (const term of termsOf('预付式消费')) {
      const postings = await index.postings((await index.term(term))!, true);
      const listed = await Promise.all(postings.docs.map(async (doc) => (await index.document(doc)).url));
      expect(listed, term).toContain('/policies/decoy/');
    }
    const exact = await search('“预付式消费”');
    expect(exact.hits.map((hit) => hit.url).sort()).toEqual(['/interpretations/prepaid/', '/policies/prepaid/']);
    expect(exact.total).toBe(2);
    expect(exact.inexactPhrases).toBeUndefined();
  });

  it('when no page has a quoted phrase word for word, finds pages with its words and says so', async () => {
    const quoted = await search('店里贴着“预付式消费纠纷调解委员会”合法吗');
    expect(quoted.inexactPhrases).toEqual(['预付式消费纠纷调解委员会']);
    expect(quoted.hits.map((hit) => hit.url)).toContain('/policies/prepaid/');
  });

  it('shows why a page matched: the matched words marked in the title and the passage', async () => {
    const { hits } = await search('单用途卡退款');
    const hit = hits.find((h) => h.url === '/policies/prepaid/')!;
    const marked = [...hit.excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]!);
    expect(marked).toEqual(expect.arrayContaining(['单用途卡', '退款']));
    for (const text of marked)
      expect(
        [...text].every((c) => '单用途卡退款'.includes(c)),
        text,
      ).toBe(true);
    expect((await search('小作坊')).hits[0]!.titleHtml).toBe('食品生产加工<mark>小作坊</mark>监督管理办法');
  });

  it('escapes the page text in passages (no markup from a document reaches the results page)', async () => {
    const { hits } = await search('窗口服务指南');
    expect(hits[0]!.excerpt.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });
});

describe('what must never be found', () => {
  it('indexes only the article: not navigation, footer, ignored asides, hidden facts or list pages', async () => {
    // Typed as a phrase: no page has these words. (Unquoted, pages sharing a character or two may
    // come back ranked by those characters — what the phrase proves is that the text is not indexed.)
    for (const text of ['导航栏文字', '页脚版权信息', '不应被索引的侧栏文字', '发布机构']) {
      const response = await search(`“${text}”`);
      expect(response.inexactPhrases, text).toEqual([text]);
      for (const hit of response.hits) expect(hit.excerpt.replace(/<\/?mark>/g, ''), text).not.toContain(text);
    }
    expect(index.manifest.documents).toBe(PAGES.length);
  });
});

describe('a question in other words than the page', () => {
  const LAW: FixturePage = {
    url: '/policies/consumer-law/',
    title: '消费者权益保护条例',
    date: '2020-01-01',
    publisher: '消费者权益保护科',
    topic: '工商',
    validity: '有效',
    paragraphs: ['经营者不得对消费者进行侮辱、诽谤，不得搜查消费者的身体及其携带的物品。'],
  };
  const OTHER: FixturePage = {
    url: '/policies/security-staff/',
    title: '保安服务公司年度检查通知',
    date: '2021-01-01',
    publisher: '办公室',
    topic: '综合政务',
    validity: '有效',
    paragraphs: ['各保安服务公司应当按时报送年度检查材料。'],
  };

  it('finds the page that shares its characters when it shares no two-character word with it', async () => {
    const question = '保安凭什么翻查我随身带的包';
    // No bigram of the question is on the law's page: only its characters 查 身 带 are.
    const lawTerms = new Set(termsOf(LAW.title + LAW.paragraphs.join('')));
    expect(termsOf(meaningfulQuery(question)).filter((term) => lawTerms.has(term))).toEqual([]);
    const found = async (options: IndexOptions) => {
      const { index: small } = await indexedFixtureSite([LAW, OTHER], options);
      return (await searchSite(small, { query: question })).hits.map((hit) => hit.url);
    };
    expect(await found({})).toContain('/policies/consumer-law/');
    // Bigrams alone (the index's unigrams not asked for) miss it: the characters are what find it.
    expect(await found({ unigram: 0 })).not.toContain('/policies/consumer-law/');
  });

  it('ranks a page with the words of the question above one with only its characters', async () => {
    const { index: small } = await indexedFixtureSite([LAW, OTHER]);
    const hits = (await searchSite(small, { query: '保安公司年度检查' })).hits.map((hit) => hit.url);
    expect(hits[0]).toBe('/policies/security-staff/');
  });
});

describe('facets and sorting', () => {
  it('counts each facet value over the same results a click on it shows', async () => {
    for (const query of ['食品', '预付式消费', '管理办法 公示', '商标']) {
      const all = await search(query);
      for (const [facet, counts] of Object.entries(all.facets)) {
        for (const [value, count] of Object.entries(counts)) {
          const filtered = await search({ query, filters: { [facet]: [value] }, limit: 100 });
          expect(filtered.total, `${query} ${facet}=${value}`).toBe(count);
          expect(filtered.hits).toHaveLength(count);
        }
      }
      const sections = Object.values(all.facets.section ?? {}).reduce((a, b) => a + b, 0);
      expect(sections, query).toBe(all.total);
    }
  });

  it('filters by several values of one facet (any of them) and by year', async () => {
    const both = await search({ query: '管理', filters: { validity: ['有效', '已废止'] }, limit: 50 });
    expect(both.hits.map((h) => h.url)).toEqual(expect.arrayContaining(['/policies/food-workshop/', '/policies/food-workshop-old/']));
    const year = await search({ query: '小作坊', filters: { year: ['2022'] } });
    expect(year.hits.map((h) => h.url)).toEqual(['/policies/food-workshop-old/']);
  });

  it('sorts newest or oldest first by publication date', async () => {
    const newest = await search({ query: '食品', sort: 'newest', limit: 50 });
    const dates = newest.hits.map((hit) => hit.date!);
    expect(dates).toEqual([...dates].sort().reverse());
    const oldest = await search({ query: '食品', sort: 'oldest', limit: 50 });
    expect(oldest.hits.map((hit) => hit.url)).toEqual(newest.hits.map((hit) => hit.url).reverse());
  });

  it('pages through results with offset, without repeats', async () => {
    const all = (await search({ query: '管理', limit: 50 })).hits.map((h) => h.url);
    const first = (await search({ query: '管理', limit: 2 })).hits.map((h) => h.url);
    const second = (await search({ query: '管理', limit: 2, offset: 2 })).hits.map((h) => h.url);
    expect([...first, ...second]).toEqual(all.slice(0, 4));
  });

  it("shows the whole collection's facet counts before a query", async () => {
    const empty = await search('   ');
    expect(empty.total).toBe(0);
    expect(Object.values(empty.facets.section!).reduce((a, b) => a + b, 0)).toBe(PAGES.length);
    expect(empty.facets.year!['2024']).toBe(2);
  });
});

describe('the index files', () => {
  it('are all gzip-compressed, and a document file holds only what its page shows', () => {
    const folder = join(site, 'search-index');
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const bytes = readFileSync(join(entry.parentPath, entry.name));
      expect([bytes[0], bytes[1]], entry.name).toEqual([0x1f, 0x8b]);
    }
  });

  it('costs one request per query term and one per result shown, and reads no postings tail for words', async () => {
    const index = await openSiteIndex(site);
    const files: string[] = [];
    const fetchBefore = globalThis.fetch;
    globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      files.push(url.slice(url.indexOf('/search-index/') + '/search-index/'.length).split('?')[0]!);
      return fetchBefore(input, init);
    };
    try {
      const response = await searchSite(index, { query: '个体工商户年度报告怎么公示', limit: 10 });
      expect(response.hits[0]!.url).toBe('/policies/annual-report/');
      const terms = new Set(termsOf(meaningfulQuery('个体工商户年度报告怎么公示')));
      const dictionary = files.filter((file) => file.startsWith('t/'));
      expect(dictionary.length).toBeGreaterThan(0);
      expect(dictionary.length).toBeLessThanOrEqual(terms.size);
      expect(new Set(dictionary).size).toBe(dictionary.length);
      expect(files.filter((file) => file.startsWith('p/'))).toEqual([]);
      expect(files.filter((file) => /^d\/\d+\.sidx$/.test(file)).length).toBe(response.hits.length);
    } finally {
      globalThis.fetch = fetchBefore;
    }
  });

  it('reads the rest of a long document only to show a match or check a phrase found past its start', async () => {
    // Well past the start a result page reads (each line is about 18 characters).
    const filler = Array.from(
      { length: Math.ceil((DOCUMENT_HEAD_CHARACTERS * 1.5) / 18) },
      (_, i) => `第${i + 1}条 本条规定一般性的程序事项。`,
    );
    const long: FixturePage = {
      url: '/policies/long/',
      title: '长篇规定',
      date: '2021-01-01',
      paragraphs: [...filler, '经营者不得以格式条款排除消费者的合法权益。'],
    };
    const longSite = writeFixtureSite([long, PAGES[1]!]);
    await buildSearchIndex(longSite);
    expect(readdirSync(join(longSite, 'search-index', 'd')).sort()).toEqual(['0.sidx', '1.sidx', '1r.sidx']);
    const longIndex = await openSiteIndex(longSite);
    const { hits } = await searchSite(longIndex, { query: '“格式条款排除”' });
    expect(hits.map((hit) => hit.url)).toEqual(['/policies/long/']);
    expect(hits[0]!.excerpt).toContain('<mark>格式条款排除</mark>');
  });

  it("reads only a common term's best documents, but all of them for an exact phrase", async () => {
    const crowd: FixturePage[] = Array.from({ length: 12 }, (_, i) => ({
      url: `/policies/crowd-${i}/`,
      title: `市场通知${i}`,
      date: `2024-01-${String(i + 1).padStart(2, '0')}`,
      paragraphs: ['市场市场市场市场。'],
    }));
    const needle: FixturePage = {
      url: '/policies/needle/',
      title: '负面清单说明',
      date: '2020-01-01',
      paragraphs: ['实行市场准入负面清单制度。', ...Array.from({ length: 40 }, (_, i) => `第${i + 1}项其他事项的说明文字。`)],
    };
    const { index: smallIndex } = await indexedFixtureSite([...crowd, needle], { headSize: 3, characterHead: 3 });
    const common = await searchSite(smallIndex, { query: '市场', limit: 50 });
    expect(common.total).toBeLessThanOrEqual(3);
    const phrase = await searchSite(smallIndex, { query: '“市场准入”' });
    expect(phrase.hits.map((hit) => hit.url)).toEqual(['/policies/needle/']);
  });
});
