/**
 * Citations as a ranking signal: which titles a page cites, who counts, and what a person
 * searching sees — the law the site's pages stand on above a short page that repeats its words.
 */
import { describe, expect, it } from 'vitest';
import { CitationCounter, citedTitles, stillStands } from '../../core/search/index/citations.ts';
import { searchSite } from '../../core/search/query/searchSite.ts';
import { indexedFixtureSite, type FixturePage } from './fixtureSite.ts';

describe('the titles a page cites', () => {
  it('reads titles in 《》, a title quoted inside another too, each once and without spaces', () => {
    const text =
      '根据《国务院办公厅关于印发〈个体工商户年度报告暂行办法〉的通知》和《中华人民共和国 商标法》，依照《中华人民共和国商标法》第四十九条。';
    expect([...citedTitles(text)].sort()).toEqual(
      ['中华人民共和国商标法', '个体工商户年度报告暂行办法', '国务院办公厅关于印发《个体工商户年度报告暂行办法》的通知'].sort(),
    );
  });

  it('reads nothing from unmatched or empty marks', () => {
    expect([...citedTitles('《》《未闭合的标题，以及〉〈')]).toEqual([]);
  });
});

describe('who is counted as citing', () => {
  it('counts each citing page once, never a page for itself, and only pages still in the site', () => {
    const counter = new CitationCounter();
    counter.add(0, '中华人民共和国商标法', '中华人民共和国商标法\n本法依照《中华人民共和国商标法》的规定……');
    counter.add(1, '商标宣传周活动', '宣传《中华人民共和国商标法》。再次宣传《中华人民共和国商标法》。');
    counter.add(2, '商标侵权案件通报', '依据《中华人民共和国商标法》查处。');
    counter.add(3, '已撤下的新闻', '依据《中华人民共和国商标法》。');
    expect([...counter.counts()]).toEqual([3, 0, 0, 0]);
    // Page 3 taken back: its citation goes with it.
    expect([...counter.counts((doc) => doc !== 3)]).toEqual([2, 0, 0, 0]);
    // The law taken back: nothing is cited, whatever cites its title.
    expect([...counter.counts((doc) => doc !== 0)]).toEqual([0, 0, 0, 0]);
  });

  it('lifts no repealed or expired document, whoever cites it; its own citations still count', () => {
    const counter = new CitationCounter();
    counter.add(0, '旧办法', '旧办法', stillStands('已废止'));
    counter.add(1, '新办法', '新办法\n本办法施行，《旧办法》同时废止。', stillStands('有效'));
    counter.add(2, '过期通知', '过期通知\n依据《新办法》。', stillStands('已失效'));
    counter.add(3, '修改后的规定', '依据《旧办法》《过期通知》。', stillStands('已修改'));
    expect([...counter.counts()]).toEqual([0, 1, 0, 0]);
  });

  it('refuses documents added out of order (a count would land on the wrong page)', () => {
    const counter = new CitationCounter();
    expect(() => counter.add(1, '标题', '正文')).toThrow(/document 1 added out of order/);
  });
});

describe('what a person searching sees', () => {
  const FILLER = [
    '为了加强商标管理，保护商标专用权，促使生产、经营者保证商品和服务质量，维护商标信誉，制定本法。',
    '国务院工商行政管理部门商标局主管全国商标注册和管理的工作。',
    '自然人、法人或者其他组织在生产经营活动中，对其商品或者服务需要取得商标专用权的，应当向商标局申请商标注册。',
    '申请注册的商标，应当有显著特征，便于识别，并不得与他人在先取得的合法权利相冲突。',
    '商标注册人有权标明“注册商标”或者注册标记。',
    '注册商标的有效期为十年，自核准注册之日起计算。',
    '注册商标需要改变其标志的，应当重新提出注册申请。',
    '商标代理机构应当遵循诚实信用原则，遵守法律、行政法规。',
  ];
  const LAW: FixturePage = {
    url: '/policies/trademark-law/',
    title: '中华人民共和国商标法',
    date: '2019-04-23',
    publisher: '知识产权科',
    topic: '知识产权',
    validity: '有效',
    paragraphs: [
      ...FILLER,
      '注册商标成为其核定使用的商品的通用名称或者没有正当理由连续三年不使用的，任何单位或者个人可以向商标局申请撤销该注册商标。',
    ],
  };
  const REPEATS: FixturePage = {
    url: '/trademarks/repeats/',
    title: '商标使用常见问题',
    section: '商标品牌',
    date: '2025-06-01',
    publisher: '知识产权科',
    paragraphs: ['注册商标连续三年不使用的，可以申请撤销。'],
  };
  const citing = (n: number): FixturePage => ({
    url: `/trademarks/campaign-${n}/`,
    title: `第${n}期知识产权宣传活动`,
    section: '商标品牌',
    date: `2024-0${n}-15`,
    publisher: '知识产权科',
    paragraphs: [`本期活动组织企业学习《中华人民共和国商标法》，发放资料${n * 100}份。`],
  });
  const pages = [LAW, REPEATS, citing(1), citing(2), citing(3)];
  const first = async (options: Parameters<typeof indexedFixtureSite>[1]) => {
    const { index } = await indexedFixtureSite(pages, options);
    return (await searchSite(index, { query: '注册商标连续三年不使用会被撤销吗' })).hits.map((hit) => hit.url);
  };

  it('puts the law three pages cite above a short page that repeats its words', async () => {
    expect((await first({}))[0]).toBe('/policies/trademark-law/');
  });

  it('owes that to the citations: without them the short page comes first', async () => {
    const hits = await first({ citation: 0 });
    expect(hits[0]).toBe('/trademarks/repeats/');
    expect(hits).toContain('/policies/trademark-law/');
  });
});

describe('a repealed document the site still cites', () => {
  const rules = (url: string, title: string, validity: string, date: string, extra: string[] = []): FixturePage => ({
    url,
    title,
    date,
    publisher: '价格监督检查科',
    topic: '工商',
    validity,
    paragraphs: ['经营者销售商品应当明码标价，标明品名、计价单位和价格。', ...extra],
  });
  const OLD = rules('/policies/old-price/', '明码标价规定', '已废止', '2010-01-01');
  const NEW = rules('/policies/new-price/', '明码标价和禁止价格欺诈规定', '有效', '2022-07-01', [
    '本规定施行后，《明码标价规定》同时废止。',
  ]);
  const news = (n: number): FixturePage => ({
    url: `/news/price-${n}/`,
    title: `第${n}次价格检查通报`,
    section: '工作动态',
    date: `2015-0${n}-01`,
    publisher: '价格监督检查科',
    paragraphs: [`依据《明码标价规定》检查${n * 10}户。`],
  });

  it('does not climb over the valid document that replaced it', async () => {
    const { index } = await indexedFixtureSite([OLD, NEW, ...[1, 2, 3, 4, 5, 6].map(news)]);
    const hits = (await searchSite(index, { query: '商品明码标价要标明什么' })).hits.map((hit) => hit.url);
    expect(hits.slice(0, 2)).toEqual(['/policies/new-price/', '/policies/old-price/']);
  });
});

describe('the floor on a term a page has', () => {
  const clause = (n: number) => `第${n}条 各级部门应当按照职责分工做好第${n}项管理工作，建立台账，按时报送材料。`;
  const page = (url: string, title: string, paragraphs: string[]): FixturePage => ({
    url,
    title,
    section: '工作动态',
    date: '2024-01-01',
    publisher: '办公室',
    paragraphs,
  });
  // A long page with every word of the question once, a short one with half of them.
  const LONG = page('/policies/rules/', '工作规则', [
    ...Array.from({ length: 80 }, (_, n) => clause(n + 1)),
    '续展手续逾期办理的，予以撤销。',
  ]);
  const SHORT = page('/news/reminder/', '提醒', ['续展手续。']);
  const others = [
    page('/news/a/', '食品安全宣传周', ['开展食品安全宣传活动，发放资料。']),
    page('/news/b/', '食品安全宣传周', ['撤销登记。']),
    page('/news/c/', '食品安全宣传周', ['逾期未办。']),
  ];
  const hits = async (options: Parameters<typeof indexedFixtureSite>[1]) => {
    const { index } = await indexedFixtureSite([LONG, SHORT, ...others], { citation: 0, ...options });
    return (await searchSite(index, { query: '续展手续逾期撤销' })).hits.map((hit) => hit.url);
  };

  it('ranks a long page with every word of the question above a short one with half of them', async () => {
    expect((await hits({}))[0]).toBe('/policies/rules/');
  });

  it('owes that to the floor: plain BM25 divides the long page’s evidence away', async () => {
    const plain = await hits({ floor: 0 });
    expect(plain[0]).toBe('/news/reminder/');
    expect(plain).toContain('/policies/rules/');
  });
});
