/**
 * Government words: what people type and what documents print are often different words for
 * one thing (年报 / 年度报告, 个体户 / 个体工商户). Bigrams cannot bridge them — 年报 shares no
 * bigram with 年度报告 — so a query that uses one word of a group also searches the others, and
 * the page says so (「也搜索了：年度报告」): nothing is searched that the visitor cannot see.
 *
 * A reviewed table, kept small on purpose: each group is words a citizen and a regulation use for
 * the same thing, so searching one for the other never changes what the question asks. Words
 * that are only related (回扣 and 贿赂, 投诉 and 举报) are not equivalents. Each entry has a test
 * (test/search/equivalents.test.ts).
 */

export const GOVERNMENT_WORDS: readonly (readonly string[])[] = [
  ['年报', '年度报告'],
  ['个体户', '个体工商户'],
  ['执照', '营业执照'],
  ['双随机', '随机抽查'],
  ['12315', '投诉举报'],
  ['消协', '消费者协会'],
  ['三包', '修理更换退货'],
  ['账簿', '帐簿', '账本'],
  ['市监局', '市场监督管理局'],
  ['OTC', '非处方药'],
  ['网店', '电子商务经营者'],
  ['信用代码', '统一社会信用代码'],
];

export interface Expansion {
  /** Words of the table's groups the query does not contain, searched as well, in table order. */
  alsoSearched: string[];
  /** Each of them with the query's word it stands for (an equivalent weighs what that word weighs). */
  standsFor: Map<string, string>;
}

const folded = (text: string) => text.toLowerCase();

/** The equivalents of the words a query contains (a word inside a longer equivalent counts once). */
export function expandQuery(query: string): Expansion {
  const text = folded(query);
  const alsoSearched: string[] = [];
  const standsFor = new Map<string, string>();
  for (const group of GOVERNMENT_WORDS) {
    // 营业执照 contains 执照: both are present in 「营业执照」, so nothing is added to it.
    const present = group.filter((word) => text.includes(folded(word)));
    if (present.length === 0) continue;
    for (const word of group) {
      if (present.includes(word) || alsoSearched.includes(word)) continue;
      alsoSearched.push(word);
      standsFor.set(word, present[0]!);
    }
  }
  return { alsoSearched, standsFor };
}
