/**
 * The table of government words: each entry, both ways, finds a page that prints only the other
 * word, and says so (「也搜索了：…」); without the entry the page is not found at all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expandQuery, GOVERNMENT_WORDS } from '../../core/search/text/equivalents.ts';
import { searchSite } from '../../core/search/query/searchSite.ts';
import type { SearchIndex } from '../../core/search/query/searchIndex.ts';
import { zh } from '../../site/i18n/zh.ts';
import { indexedFixtureSite, type FixturePage } from './fixtureSite.ts';

/** One page per word of the table: a sentence with that word and no other word of its group. */
const pages: FixturePage[] = GOVERNMENT_WORDS.flatMap((group, g) =>
  group.map((word, w) => ({
    url: `/policies/words-${g}-${w}/`,
    title: `第${g + 1}组第${w + 1}篇`,
    date: '2024-01-01',
    publisher: '办公室',
    paragraphs: [`关于${word}的说明。`],
  })),
);

let index: SearchIndex;
beforeAll(async () => {
  ({ index } = await indexedFixtureSite(pages));
});

describe('government words', () => {
  it('no page of a group prints another word of it (the test pages prove the table, not shared bigrams)', () => {
    for (const group of GOVERNMENT_WORDS)
      for (const a of group)
        for (const b of group) if (a !== b && !a.includes(b)) expect(`关于${a}的说明。`.includes(b), `${a} / ${b}`).toBe(false);
  });

  for (const [g, group] of GOVERNMENT_WORDS.entries()) {
    for (const [w, word] of group.entries()) {
      const others = group.filter((other) => other !== word && !word.includes(other));
      it(`「${word}」 also searches ${others.map((o) => `「${o}」`).join('')} and finds the page that prints it`, async () => {
        expect(expandQuery(word).alsoSearched).toEqual(others);
        const response = await searchSite(index, { query: word, limit: 50 });
        expect(response.alsoSearched ?? []).toEqual(others);
        const found = response.hits.map((hit) => hit.url);
        expect(found).toContain(`/policies/words-${g}-${w}/`);
        for (const other of others) expect(found).toContain(`/policies/words-${g}-${group.indexOf(other)}/`);
      });
    }
  }

  it('adds nothing when the query already has the longer word (营业执照 contains 执照)', () => {
    expect(expandQuery('营业执照遗失补办').alsoSearched).toEqual([]);
    expect(expandQuery('预付式消费').alsoSearched).toEqual([]);
  });

  it('个体工商户年报: 年报 is searched as 年度报告 as well, and the page says so', async () => {
    expect(expandQuery('个体工商户年报').alsoSearched).toEqual(['年度报告', '个体户']);
    expect(zh.search.alsoSearched(['年度报告'].join('、'))).toBe('也搜索了：年度报告');
  });
});
