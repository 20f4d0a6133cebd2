/** The index and every query split text by the same function: what a page contains, a query finds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { termsOf } from '../../core/search/text/terms.ts';
import { DOC_NUMBER_VARIANTS } from './docNumberVariants.ts';

const han = fc.constantFrom(...'市场监督管理局个体工商户年度报告公示信用预付式消费退款投诉举报商标注册食品小作坊');

describe('terms', () => {
  it('splits Han text into overlapping bigrams, a lone character into itself', () => {
    expect(termsOf('监督管理')).toEqual(['监督', '督管', '管理']);
    expect(termsOf('税')).toEqual(['税']);
    expect(termsOf('食品、药品')).toEqual(['食品', '药品']);
  });

  it('gives every Han passage of a text only terms that the text has: however a person cuts a query, it matches', () => {
    fc.assert(
      fc.property(fc.array(han, { minLength: 2, maxLength: 40 }), fc.nat(), fc.nat(), (chars, a, b) => {
        const text = chars.join('');
        const from = a % (text.length - 1);
        const to = from + 2 + (b % (text.length - from - 1));
        const indexed = new Set(termsOf(`前文。${text}后文`));
        for (const term of termsOf(text.slice(from, to))) expect(indexed.has(term), term).toBe(true);
      }),
    );
  });

  it('folds full-width letters and digits and lowers case, so ＭＢ１Ｄ and mb1d are one word', () => {
    expect(termsOf('ＭＢ１Ｄ５０２３７')).toEqual(termsOf('mb1d50237'));
    expect(termsOf('MB1D50237')).toEqual(['mb1d50237']);
  });

  it('keeps 索引号 and credit codes whole as well as in parts', () => {
    expect(termsOf('MB1D50237/2023-00012')).toEqual(['mb1d50237', '2023', '00012', 'mb1d50237/2023-00012']);
    expect(termsOf('代码91430223MA4F08JT8M')).toContain('91430223ma4f08jt8m');
  });

  it('gives every written form of a 发文字号 the same term', () => {
    const canonical = '#国发2019-5';
    for (const variant of DOC_NUMBER_VARIANTS) {
      expect(termsOf(variant), variant).toContain(canonical);
    }
    // Words before the number do not hide it: 根据国发〔2019〕5号 still has the term.
    expect(termsOf('根据国发〔2019〕5号文件')).toContain(canonical);
    expect(termsOf('国办发〔2019〕5号')).not.toContain(canonical);
  });
});
