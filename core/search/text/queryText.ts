/**
 * What people type, turned into what the index can match: question words and particles
 * dropped (如何, 哪些, 什么, 是否, 有何, 吗, …), document numbers written the way pages write
 * them (国发[2019]5号, 国发2019年5号 → 国发〔2019〕5号), and exact phrases in quotes.
 */

/** Question words, particles and filler that carry no meaning a document would contain. Longest first. */
const QUESTION_WORDS = [
  '可不可以',
  '能不能',
  '会不会',
  '要不要',
  '有没有',
  '是不是',
  '算不算',
  '怎么办',
  '为什么',
  '在哪里',
  '去哪里',
  '找哪里',
  '找哪个',
  '哪个部门',
  '怎么样',
  '多长时间',
  '多少钱',
  '请问',
  '如何',
  '怎么',
  '怎样',
  '哪些',
  '哪里',
  '什么',
  '是否',
  '有何',
  '可以',
  '需要',
  '应该',
  '能否',
  '多久',
  '多少',
  '一下',
  '我们',
  '我的',
  '自己',
  '吗',
  '呢',
  '吧',
  '啊',
  '呀',
  '么',
  '了',
  '的',
  '我',
  '你',
  '他',
  '她',
];
import { DOC_NUMBER } from './docNumber.ts';

const PUNCTUATION = /[\s\u3000?？!！,，.。;；:：、"“”'‘’《》〈〉()（）…~～]+/g;

/** 国发[2019]5号, 国发（2019）5号, 国发2019年5号 → 国发〔2019〕5号, the form documents print. */
export function normalizeDocNumbers(text: string): string {
  return text.replace(DOC_NUMBER, (_m, prefix: string, year: string, serial: string) => `${prefix}〔${year}〕${serial}号`);
}

/** The query without question words and punctuation, words separated by spaces. */
export function meaningfulQuery(query: string): string {
  let text = normalizeDocNumbers(query);
  for (const word of QUESTION_WORDS) text = text.split(word).join(' ');
  return text.replace(PUNCTUATION, ' ').replace(/\s+/g, ' ').trim();
}

const QUOTED = /["“”「」『』]([^"“”「」『』]+)["“”「」『』]/g;

/** Exact phrases (in "", “”, 「」 or 『』) and the rest of the query. */
export function splitPhrases(query: string): { phrases: string[]; rest: string } {
  const phrases: string[] = [];
  const rest = query.replace(QUOTED, (_whole, phrase: string) => {
    if (phrase.trim()) phrases.push(phrase.trim());
    return ' ';
  });
  return { phrases, rest: rest.trim() };
}
