/**
 * The annual report of one year: its counted tables (表二's policy rows from the policies, 表三 from the
 * request register), the report document that carries them with what the office typed, and the report
 * as tables of cells — one source for the command line, the page and its CSV downloads.
 */
import type { StoredDocument } from '../../model/datasetRules.ts';
import { draftId, isDraftId, publishedId } from '../../model/documentTypes.ts';
import { formatProblem } from '../../model/problems.ts';
import type { RequestRecord } from '../requests/record.ts';
import {
  APPLICANT_COLUMNS,
  COUNTED_POLICY_ROWS,
  emptyTableThree,
  POLICY_COUNT_COLUMNS,
  resultTotal,
  rowTotal,
  TABLE_FOUR_COLUMNS,
  TABLE_FOUR_PARTS,
  TABLE_THREE_COLUMNS,
  TABLE_THREE_ROW_KEYS,
  TABLE_THREE_ROWS,
  TABLE_THREE_TOTAL_ROW,
  tableThreeItems,
  tableThreeOf,
  tableThreeProblem,
  TYPED_FIGURES,
  type CountedPolicyRow,
  type StoredTableThreeRow,
  type TableFour,
  type TableFourColumn,
  type TableFourPart,
  type TableThreeGrid,
  type TableTwoCounts,
  type TypedFigure,
} from './tables.ts';
import { countTableThree, type TableThree } from './tableThree.ts';
import { countTableTwo } from './tableTwo.ts';

/** A report that cannot be counted or shown: the message names the document, field or column. */
export class AnnualReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnnualReportError';
  }
}

/** The report document of a year has this id, so there is one a year. */
export const annualReportId = (year: number) => `annualReport-${year}`;

/** 表三 as P1's counting returns it, row by row as the report stores it. */
function gridOf(counted: TableThree): TableThreeGrid {
  const grid = emptyTableThree();
  const { outcome } = counted;
  const rows: Record<string, Record<string, number>> = {
    newlyReceived: counted.received,
    carriedOver: counted.carriedIn,
    disclosed: outcome.disclosed,
    partlyDisclosed: outcome.partlyDisclosed,
    carriedForward: counted.carriedOut,
  };
  for (const group of ['withheld', 'unavailable', 'notProcessed', 'otherHandling'] as const)
    for (const [reason, row] of Object.entries(outcome[group])) rows[`${group}.${reason}`] = row;
  for (const row of TABLE_THREE_ROW_KEYS) for (const column of APPLICANT_COLUMNS) grid[row]![column] = rows[row]?.[column] ?? 0;
  return grid;
}

/** What an editor sees of each document: its draft when there is one, else the published version. */
function currentVersions(documents: readonly StoredDocument[]): StoredDocument[] {
  const drafts = new Set(documents.filter((doc) => isDraftId(doc._id)).map((doc) => publishedId(doc._id)));
  return documents.filter((doc) => isDraftId(doc._id) || !drafts.has(doc._id));
}

export interface CountedTables {
  tableTwo: TableTwoCounts;
  tableThree: TableThreeGrid;
  /** Released policies of the year with no 文件类别: in no row of 表二. */
  unclassified: string[];
  /** Whether the year has anything to count: a policy issued or in force, or a request. */
  hasData: boolean;
}

/** 表二's policy rows and 表三 for `year`, from the dataset's documents. */
export function countReportTables(documents: readonly StoredDocument[], year: number): CountedTables {
  const two = countTableTwo(documents, year);
  if (two.problems.length > 0)
    throw new AnnualReportError(`无法统计 ${year} 年度报告表二：\n${two.problems.map(formatProblem).join('\n')}`);
  const requests = currentVersions(documents).filter((doc) => doc._type === 'disclosureRequest') as unknown as RequestRecord[];
  let tableThree: TableThreeGrid;
  try {
    tableThree = gridOf(countTableThree(requests, year));
  } catch (error) {
    throw new AnnualReportError(`无法统计 ${year} 年度报告表三：${(error as Error).message}`);
  }
  const problem = tableThreeProblem(tableThreeItems(tableThree));
  if (problem) throw new AnnualReportError(`${year} 年度报告表三统计结果不平衡：${problem}`);
  const counted = Object.values(two.counts).some((row) => row.issued + row.repealed + row.inForce > 0);
  const asked = TABLE_THREE_ROW_KEYS.some((row) => rowTotal(tableThree, row) > 0);
  return { tableTwo: two.counts, tableThree, unclassified: two.unclassified, hasData: counted || asked || two.unclassified.length > 0 };
}

/** The report's counted fields, as the document stores them (--fill, the Studio's action, the sample). */
export function countedFields(counted: CountedTables): { tableTwo: TableTwoCounts; tableThree: StoredTableThreeRow[] } {
  return { tableTwo: counted.tableTwo, tableThree: tableThreeItems(counted.tableThree) };
}

/** The year's report document as an editor sees it (draft over published), if there is one. */
export function findReport(documents: readonly StoredDocument[], year: number): StoredDocument | undefined {
  const id = annualReportId(year);
  const byId = new Map(documents.map((doc) => [doc._id, doc]));
  return (
    byId.get(draftId(id)) ?? byId.get(id) ?? currentVersions(documents).find((doc) => doc._type === 'annualReport' && doc.year === year)
  );
}

/** The report as its page, its CSV and the command line show it. */
export interface ReportContent {
  year: number;
  title: string;
  overview?: string;
  tableTwo: TableTwoCounts;
  figures: Partial<Record<TypedFigure, number>>;
  tableThree: TableThreeGrid;
  tableFour?: TableFour;
  problems?: string;
  otherMatters?: string;
}

/**
 * The content of a stored report; `counted` fills the counted tables a report does not carry yet.
 * A stored 表三 that breaks 一 + 二 = (七) + 四 is refused, naming the column.
 */
export function reportContent(doc: Record<string, unknown>, counted?: CountedTables): ReportContent {
  const year = Number(doc.year);
  const problem = tableThreeProblem(doc.tableThree);
  if (problem) throw new AnnualReportError(`${year} 年度报告（${String(doc._id ?? '')}）字段 tableThree：${problem}`);
  const tableTwo = (doc.tableTwo as TableTwoCounts | undefined) ?? counted?.tableTwo;
  const stored = doc.tableThree as StoredTableThreeRow[] | undefined;
  const tableThree = stored ? tableThreeOf(stored) : counted?.tableThree;
  if (!tableTwo || !tableThree)
    throw new AnnualReportError(`${year} 年度报告尚未统计表二、表三：请运行 npm run annual-report -- --year ${year} --fill`);
  const text = (field: string) => (typeof doc[field] === 'string' ? (doc[field] as string) : undefined);
  const figures = Object.fromEntries(
    Object.keys(TYPED_FIGURES).flatMap((key) => (typeof doc[key] === 'number' ? [[key, doc[key] as number]] : [])),
  );
  return {
    year,
    title: text('title') ?? `${year}年政府信息公开工作年度报告`,
    overview: text('overview'),
    tableTwo,
    figures,
    tableThree,
    tableFour: doc.tableFour as TableFour | undefined,
    problems: text('problems'),
    otherMatters: text('otherMatters'),
  };
}

/** Where a stored report's counted tables differ from a count of the content now, in words. */
export function countDifferences(doc: Record<string, unknown>, counted: CountedTables): string[] {
  const differences: string[] = [];
  const two = doc.tableTwo as TableTwoCounts | undefined;
  for (const row of Object.keys(COUNTED_POLICY_ROWS) as CountedPolicyRow[])
    for (const column of Object.keys(POLICY_COUNT_COLUMNS) as (keyof typeof POLICY_COUNT_COLUMNS)[]) {
      const was = two?.[row]?.[column];
      const now = counted.tableTwo[row][column];
      if (was !== now)
        differences.push(`表二 ${COUNTED_POLICY_ROWS[row]} ${POLICY_COUNT_COLUMNS[column]}：报告中为 ${was ?? '空'}，按内容统计为 ${now}`);
    }
  const stored = doc.tableThree as StoredTableThreeRow[] | undefined;
  const three = stored ? tableThreeOf(stored) : undefined;
  for (const row of TABLE_THREE_ROW_KEYS)
    for (const column of APPLICANT_COLUMNS) {
      const was = three?.[row]?.[column];
      const now = counted.tableThree[row]![column];
      if (was !== now)
        differences.push(`表三 ${TABLE_THREE_ROWS[row]}「${TABLE_THREE_COLUMNS[column]}」：报告中为 ${was ?? '空'}，按内容统计为 ${now}`);
    }
  return differences;
}

/** One table of the report as cells: a header row, then the rows; the page, the CSV and the text print these. */
export interface ReportTable {
  /** `table-2`: the CSV's name and the page's anchor. */
  id: string;
  title: string;
  header: string[];
  rows: string[][];
}

const figure = (value: number | undefined) => (value === undefined ? '' : String(value));

export function reportTables(report: ReportContent): ReportTable[] {
  const policyRows = (Object.keys(COUNTED_POLICY_ROWS) as CountedPolicyRow[]).flatMap((row) =>
    (Object.keys(POLICY_COUNT_COLUMNS) as (keyof typeof POLICY_COUNT_COLUMNS)[]).map((column) => [
      COUNTED_POLICY_ROWS[row],
      POLICY_COUNT_COLUMNS[column],
      String(report.tableTwo[row][column]),
    ]),
  );
  const typedRows = (Object.keys(TYPED_FIGURES) as TypedFigure[]).map((key) => [
    TYPED_FIGURES[key].item,
    TYPED_FIGURES[key].column,
    figure(report.figures[key]),
  ]);
  const three = report.tableThree;
  const cells = (values: (column: (typeof APPLICANT_COLUMNS)[number]) => number) => {
    const row = APPLICANT_COLUMNS.map(values);
    return [...row.map(String), String(row.reduce((a, b) => a + b, 0))];
  };
  const threeRows: string[][] = [];
  for (const row of TABLE_THREE_ROW_KEYS) {
    if (row === 'carriedForward') threeRows.push([TABLE_THREE_TOTAL_ROW, ...cells((column) => resultTotal(three, column))]);
    threeRows.push([TABLE_THREE_ROWS[row]!, ...cells((column) => three[row]![column])]);
  }
  const fourRows = (Object.keys(TABLE_FOUR_PARTS) as TableFourPart[]).map((part) => {
    const values = (Object.keys(TABLE_FOUR_COLUMNS) as TableFourColumn[]).map((column) => report.tableFour?.[part]?.[column]);
    const total = values.every((value) => value !== undefined) ? String(values.reduce((a, b) => a! + b!, 0)) : '';
    return [TABLE_FOUR_PARTS[part], ...values.map(figure), total];
  });
  return [
    {
      id: 'table-2',
      title: '二、主动公开政府信息情况',
      header: ['信息内容', '统计项目', '数量'],
      rows: [...policyRows, ...typedRows],
    },
    {
      id: 'table-3',
      title: '三、收到和处理政府信息公开申请情况',
      header: [
        '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和',
        ...APPLICANT_COLUMNS.map((c) => TABLE_THREE_COLUMNS[c]),
        '总计',
      ],
      rows: threeRows,
    },
    {
      id: 'table-4',
      title: '四、政府信息公开行政复议、行政诉讼情况',
      header: ['类别', ...Object.values(TABLE_FOUR_COLUMNS), '总计'],
      rows: fourRows,
    },
  ];
}
