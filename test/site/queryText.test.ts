import { describe, expect, it } from 'vitest';
import { meaningfulQuery, normalizeDocNumbers, splitPhrases } from '../../core/search/text/queryText.ts';
import { DOC_NUMBER_VARIANTS } from '../search/docNumberVariants.ts';

describe('query text', () => {
  it('drops question words, particles and punctuation', () => {
    expect(meaningfulQuery('个体工商户年报没有按时公示会有什么后果？')).toBe('个体工商户年报没有按时公示会有 后果');
    expect(meaningfulQuery('网上买的东西七天内能不能退货？')).toBe('网上买 东西七天内 退货');
  });

  it('writes document numbers the way documents print them', () => {
    // The page folds full-width digits before this (fold.ts); the rest are written as they come.
    for (const variant of DOC_NUMBER_VARIANTS.filter((variant) => !/[０-９]/.test(variant))) {
      expect(normalizeDocNumbers(variant)).toBe('国发〔2019〕5号');
    }
    expect(normalizeDocNumbers('株市监规[2025]2号')).toBe('株市监规〔2025〕2号');
  });

  it('takes exact phrases out of the query, in any quotes a Chinese keyboard types', () => {
    expect(splitPhrases('“预付式消费” 退款 「七日内」')).toEqual({ phrases: ['预付式消费', '七日内'], rest: '退款' });
    expect(splitPhrases('"单用途卡"')).toEqual({ phrases: ['单用途卡'], rest: '' });
    expect(splitPhrases('没有引号的问题')).toEqual({ phrases: [], rest: '没有引号的问题' });
  });
});
