/**
 * The tables of the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号): their rows and columns in the template's
 * order and words, as the report document stores them, and the one rule relating 表三's rows
 * (一 + 二 = (七) + 四, in every column). The declaration (core/model/types/annualReport.ts), the counting,
 * the command line, the page and its CSV all read the tables from here.
 */
import {
  APPLICANT_KINDS,
  type NOT_PROCESSED_REASONS,
  type OTHER_HANDLING_REASONS,
  type UNAVAILABLE_REASONS,
  type WITHHOLDING_GROUNDS,
  type ApplicantKind,
  type Vocabulary,
} from '../../model/vocabulary.ts';

/** 表二's counted rows: what the content says (core/disclosure/report/tableTwo.ts). */
export const COUNTED_POLICY_ROWS = { regulation: '规章', normative: '行政规范性文件' } as const satisfies Vocabulary<string>;
export type CountedPolicyRow = keyof typeof COUNTED_POLICY_ROWS;
export const POLICY_COUNT_COLUMNS = { issued: '本年制发件数', repealed: '本年废止件数', inForce: '现行有效件数' } as const;
type PolicyCount = Record<keyof typeof POLICY_COUNT_COLUMNS, number>;
export type TableTwoCounts = Record<CountedPolicyRow, PolicyCount>;

/** 表二's typed rows: figures the office keeps elsewhere, each with the template's column heading. */
export const TYPED_FIGURES = {
  licensing: { item: '行政许可', column: '本年处理决定数量' },
  punishment: { item: '行政处罚', column: '本年处理决定数量' },
  coercion: { item: '行政强制', column: '本年处理决定数量' },
  fees: { item: '行政事业性收费', column: '本年收费金额（单位：万元）' },
} as const;
export type TypedFigure = keyof typeof TYPED_FIGURES;

/** 表三's columns: the applicant kinds, then 总计 (derived). */
export const TABLE_THREE_COLUMNS: Vocabulary<ApplicantKind> = APPLICANT_KINDS;
export const APPLICANT_COLUMNS = Object.keys(APPLICANT_KINDS) as ApplicantKind[];

/** The template's words for the rows of each group of 三、本年度办理结果, keyed by the register's reasons. */
const WITHHELD_ROWS = {
  stateSecret: '1．属于国家秘密',
  prohibitedByLaw: '2．其他法律行政法规禁止公开',
  threeSecurities: '3．危及“三安全一稳定”',
  thirdPartyRights: '4．保护第三方合法权益',
  internalAffairs: '5．属于三类内部事务信息',
  processInformation: '6．属于四类过程性信息',
  enforcementFiles: '7．属于行政执法案卷',
  administrativeQuery: '8．属于行政查询事项',
} as const satisfies Record<keyof typeof WITHHOLDING_GROUNDS, string>;
const UNAVAILABLE_ROWS = {
  notHeld: '1．本机关不掌握相关政府信息',
  needsCreation: '2．没有现成信息需要另行制作',
  stillUnclear: '3．补正后申请内容仍不明确',
} as const satisfies Record<keyof typeof UNAVAILABLE_REASONS, string>;
const NOT_PROCESSED_ROWS = {
  petition: '1．信访举报投诉类申请',
  repeated: '2．重复申请',
  publication: '3．要求提供公开出版物',
  excessive: '4．无正当理由大量反复申请',
  confirmation: '5．要求行政机关确认或重新出具已获取信息',
} as const satisfies Record<keyof typeof NOT_PROCESSED_REASONS, string>;
const OTHER_HANDLING_ROWS = {
  noCorrection: '1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  feeUnpaid: '2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  other: '3．其他',
} as const satisfies Record<keyof typeof OTHER_HANDLING_REASONS, string>;

/** The groups of result rows, each with the template's heading. */
const RESULT_GROUPS = {
  withheld: { heading: '（三）不予公开', rows: WITHHELD_ROWS },
  unavailable: { heading: '（四）无法提供', rows: UNAVAILABLE_ROWS },
  notProcessed: { heading: '（五）不予处理', rows: NOT_PROCESSED_ROWS },
  otherHandling: { heading: '（六）其他处理', rows: OTHER_HANDLING_ROWS },
} as const;

/**
 * 表三's stored rows, in the template's order, each with its label as a table shows it (a grouped row
 * with its group's heading); (七) 总计 is derived from the rows of 三, never stored. A key
 * `withheld.stateSecret` is an outcome (core/model/vocabulary.ts REQUEST_OUTCOMES) and its reason.
 */
export const TABLE_THREE_ROWS: Vocabulary<string> = {
  newlyReceived: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  disclosed: '三、本年度办理结果：（一）予以公开',
  partlyDisclosed: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  ...Object.fromEntries(
    Object.entries(RESULT_GROUPS).flatMap(([group, { heading, rows }]) =>
      Object.entries(rows).map(([reason, label]) => [`${group}.${reason}`, `${heading}：${label}`]),
    ),
  ),
  carriedForward: '四、结转下年度继续办理',
};
export const TABLE_THREE_ROW_KEYS = Object.keys(TABLE_THREE_ROWS);
/** The rows of 三、本年度办理结果 (everything between 二 and 四). */
const RESULT_ROWS = TABLE_THREE_ROW_KEYS.filter((row) => !['newlyReceived', 'carriedOver', 'carriedForward'].includes(row));

export const TABLE_THREE_TOTAL_ROW = '（七）总计';

/** 表三 as the report stores and shows it: row → applicant kind → number. */
export type TableThreeGrid = Record<string, Record<ApplicantKind, number>>;

export function emptyTableThree(): TableThreeGrid {
  return Object.fromEntries(
    TABLE_THREE_ROW_KEYS.map((row) => [row, Object.fromEntries(APPLICANT_COLUMNS.map((column) => [column, 0]))]),
  ) as TableThreeGrid;
}

/** One stored row of 表三 (a list item of the report document). */
export type StoredTableThreeRow = { _key?: string; row: string } & Partial<Record<ApplicantKind, number>>;

export function tableThreeItems(table: TableThreeGrid): StoredTableThreeRow[] {
  return TABLE_THREE_ROW_KEYS.map((row) => ({ _key: row.replace('.', '-'), row, ...table[row] }));
}

/** The stored rows as a table; a missing row or number is a problem (tableThreeProblem), read here as 0. */
export function tableThreeOf(items: readonly StoredTableThreeRow[] | undefined): TableThreeGrid {
  const table = emptyTableThree();
  for (const item of items ?? []) {
    const row = table[item.row];
    if (row) for (const column of APPLICANT_COLUMNS) row[column] = item[column] ?? 0;
  }
  return table;
}

export const columnTotal = (table: TableThreeGrid, column: ApplicantKind, rows: readonly string[]) =>
  rows.reduce((sum, row) => sum + (table[row]?.[column] ?? 0), 0);
export const resultTotal = (table: TableThreeGrid, column: ApplicantKind) => columnTotal(table, column, RESULT_ROWS);
export const rowTotal = (table: TableThreeGrid, row: string) =>
  APPLICANT_COLUMNS.reduce((sum, column) => sum + (table[row]?.[column] ?? 0), 0);

/**
 * What is wrong with stored 表三 rows, or null: each row once, then 一 + 二 = (七) + 四 in every
 * column (总计 included, which then holds too), naming the first column that breaks it.
 */
export function tableThreeProblem(items: unknown): string | null {
  if (items === undefined) return null;
  if (!Array.isArray(items)) return '表三应为行的列表';
  const seen = new Set<string>();
  for (const item of items as StoredTableThreeRow[]) {
    if (!Object.hasOwn(TABLE_THREE_ROWS, item.row)) return `表三没有「${item.row}」这一行`;
    if (seen.has(item.row)) return `表三「${TABLE_THREE_ROWS[item.row]}」一行出现了两次`;
    seen.add(item.row);
  }
  const missing = TABLE_THREE_ROW_KEYS.find((row) => !seen.has(row));
  if (missing) return `表三缺少「${TABLE_THREE_ROWS[missing]}」一行`;
  const table = tableThreeOf(items as StoredTableThreeRow[]);
  for (const column of APPLICANT_COLUMNS) {
    const received = table.newlyReceived![column] + table.carriedOver![column];
    const handled = resultTotal(table, column) + table.carriedForward![column];
    if (received !== handled) {
      return (
        `表三「${TABLE_THREE_COLUMNS[column]}」栏不平衡：本年新收 ${table.newlyReceived![column]} + 上年结转 ${table.carriedOver![column]} = ${received}，` +
        `而办理结果总计 ${resultTotal(table, column)} + 结转下年度继续办理 ${table.carriedForward![column]} = ${handled}（应满足 一 + 二 = （七） + 四）`
      );
    }
  }
  return null;
}

/** 表四's parts and columns; 总计 is derived. */
export const TABLE_FOUR_PARTS = {
  reconsideration: '行政复议',
  directLitigation: '行政诉讼：未经复议直接起诉',
  litigationAfterReconsideration: '行政诉讼：复议后起诉',
} as const;
export type TableFourPart = keyof typeof TABLE_FOUR_PARTS;
export const TABLE_FOUR_COLUMNS = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结' } as const;
export type TableFourColumn = keyof typeof TABLE_FOUR_COLUMNS;
export type TableFour = Record<TableFourPart, Record<TableFourColumn, number>>;
