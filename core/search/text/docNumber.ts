/**
 * 发文字号 as text: the one pattern of a document number, which the index's terms (terms.ts), the
 * query's normal form (queryText.ts) and the reading of a whole query (parseDocNumber) all use,
 * and the form documents print.
 *
 * Two kinds: numbers with a year (国发〔2019〕5号: prefix 国发, year 2019, serial 5), typed in any
 * brackets or with 年 (国发[2019]5号, 国发（2019）5号, 国发2019年5号, full-width digits), and order
 * numbers (国务院令第711号, 国家市场监督管理总局令第45号: prefix ending in 令, year 0).
 */
import { foldFullWidth } from './fold.ts';

export interface DocNumberParts {
  prefix: string;
  /** 0 for an order number (…令第N号). */
  year: number;
  serial: number;
}

/**
 * A number with a year, in running text: an issuer of 2–12 Han characters (it may have swallowed
 * the words before it: 根据国发…), the year in any brackets people type or followed by 年, an
 * optional 第, the serial and 号. Full-width digits must be folded first (foldFullWidth). Global:
 * for matchAll and replace.
 */
export const DOC_NUMBER = /(\p{Script=Han}{2,12})\s*[〔[［(（【{｛]?\s*(\d{4})\s*[〕\]］)）】}｝年]\s*第?\s*(\d{1,4})\s*号/gu;

const WHOLE_NUMBER = new RegExp(`^(?:${DOC_NUMBER.source})$`, 'u');
// A whole query may put a space where the brackets go (国办发 1997 11号); running text may not.
const SPACE_FOR_BRACKETS = /(\d{4})\s+(?=第|\d)/u;
const ORDER_NUMBER = /^([\p{Script=Han}、]{0,20}令)\s*第?\s*(\d{1,5})\s*号$/u;
const ORDER_NUMBER_AFTER = /^([\p{Script=Han}、]{1,20}?)\s*第\s*(\d{1,5})\s*号令$/u;
const WRAPPING = /^[\s"“”'‘’《〈「『]+|[\s"“”'‘’》〉」』。.]+$/g;

/** The parts of `text` when all of it is one 发文字号 (quotes and 《》 around it allowed). */
export function parseDocNumber(text: string): DocNumberParts | undefined {
  const folded = foldFullWidth(text).replace(WRAPPING, '');
  const match = WHOLE_NUMBER.exec(folded.replace(SPACE_FOR_BRACKETS, '$1〕'));
  if (match) return { prefix: match[1]!, year: Number(match[2]), serial: Number(match[3]) };
  const order = ORDER_NUMBER.exec(folded);
  if (order && order[1]!.length >= 2) return { prefix: order[1]!, year: 0, serial: Number(order[2]) };
  const after = ORDER_NUMBER_AFTER.exec(folded);
  if (after) return { prefix: `${after[1]}令`, year: 0, serial: Number(after[2]) };
  return undefined;
}

/** The form documents print: 国发〔2019〕5号, 国务院令第711号. */
export const printDocNumber = ({ prefix, year, serial }: DocNumberParts) =>
  year === 0 ? `${prefix}第${serial}号` : `${prefix}〔${year}〕${serial}号`;
