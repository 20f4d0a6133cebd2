/**
 * 政府信息公开工作年度报告 (条例 第四十九–五十条), in the tables of 国办公开办函〔2021〕30号: one document a
 * year, signed off and released as a unit of one, published at /xxgk/annual-reports/<year>/.
 *
 * 表二's 规章 and 行政规范性文件 rows and the whole of 表三 are counted from the content (the policies and the
 * request register) by `npm run annual-report -- --year <year> --fill`: read-only here, so what is signed
 * is what was counted. The rest of 表二, 表四 and the sections 一, 五, 六 are typed by the office.
 */
import { documentType, enumOf, item, list, longText, number, object, slug } from '../fields.ts';
import { APPLICANT_KINDS } from '../vocabulary.ts';
import {
  POLICY_COUNT_COLUMNS,
  TABLE_FOUR_COLUMNS,
  TABLE_FOUR_PARTS,
  TABLE_THREE_ROWS,
  TYPED_FIGURES,
  tableThreeProblem,
} from '../../disclosure/report/tables.ts';
import { disclosureMetadata } from './disclosureMetadata.ts';

const count = (title: string, options: { readOnly?: boolean } = {}) =>
  number({ required: true, title, integer: true, integerMessage: '应为整数', min: 0, message: '不能为负数', ...options });

const COUNTED = '由统计工具按内容计算（npm run annual-report -- --year <年份> --fill），不能手填';

const policyCounts = (title: string) =>
  object(
    {
      issued: count(POLICY_COUNT_COLUMNS.issued, { readOnly: true }),
      repealed: count(POLICY_COUNT_COLUMNS.repealed, { readOnly: true }),
      inForce: count(POLICY_COUNT_COLUMNS.inForce, { readOnly: true }),
    },
    { required: true, title, columns: 3, readOnly: true },
  );

const tableFourPart = (title: string) =>
  object(
    {
      upheld: count(TABLE_FOUR_COLUMNS.upheld),
      corrected: count(TABLE_FOUR_COLUMNS.corrected),
      other: count(TABLE_FOUR_COLUMNS.other),
      pending: count(TABLE_FOUR_COLUMNS.pending),
    },
    { required: true, title, columns: 4 },
  );

const applicantCounts = Object.fromEntries(
  Object.entries(APPLICANT_KINDS).map(([kind, label]) => [kind, count(label, { readOnly: true })]),
) as Record<keyof typeof APPLICANT_KINDS, ReturnType<typeof count>>;

const { body: _body, ...metadata } = disclosureMetadata(false);

export const annualReport = documentType('annualReport', {
  fields: {
    ...metadata,
    // The page is /xxgk/annual-reports/<year>/: the Studio's 生成 button makes the 网址标识 from the year.
    slug: slug({
      required: true,
      description: '网址中的一段：报告年度，例如 2025',
      group: 'metadata',
      source: (doc) => String(doc.year ?? ''),
    }),
    year: number({
      required: true,
      title: '报告年度',
      description: '报告哪一年的工作（次年 1 月 31 日前公布）；网址为 /xxgk/annual-reports/<年度>/，网址标识应为年度',
      integer: true,
      min: 2008,
      max: 2100,
      group: 'content',
      documentCheck: (doc) => {
        const slug = (doc.slug as { current?: string } | undefined)?.current;
        return typeof doc.year === 'number' && slug !== undefined && slug !== String(doc.year)
          ? `网址标识应为报告年度「${doc.year}」`
          : null;
      },
    }),
    overview: longText({ required: true, title: '一、总体情况', rows: 8, group: 'content' }),
    tableTwo: object(
      { regulation: policyCounts('规章'), normative: policyCounts('行政规范性文件') },
      { required: true, title: '二、主动公开政府信息情况：规章和行政规范性文件', description: COUNTED, group: 'content', readOnly: true },
    ),
    licensing: count(`${TYPED_FIGURES.licensing.item}：${TYPED_FIGURES.licensing.column}`),
    punishment: count(`${TYPED_FIGURES.punishment.item}：${TYPED_FIGURES.punishment.column}`),
    coercion: count(`${TYPED_FIGURES.coercion.item}：${TYPED_FIGURES.coercion.column}`),
    fees: number({
      required: true,
      title: `${TYPED_FIGURES.fees.item}：${TYPED_FIGURES.fees.column}`,
      min: 0,
      message: '不能为负数',
    }),
    tableThree: list(
      item(
        'tableThreeRow',
        { row: enumOf(TABLE_THREE_ROWS, { required: true, title: '行', readOnly: true }), ...applicantCounts },
        { title: 'row' },
      ),
      {
        required: true,
        title: '三、收到和处理政府信息公开申请情况',
        description: `${COUNTED}；每一栏须满足 一 + 二 = （七） + 四`,
        group: 'content',
        readOnly: true,
        documentCheck: (doc) => tableThreeProblem(doc.tableThree),
      },
    ),
    tableFour: object(
      {
        reconsideration: tableFourPart(TABLE_FOUR_PARTS.reconsideration),
        directLitigation: tableFourPart(TABLE_FOUR_PARTS.directLitigation),
        litigationAfterReconsideration: tableFourPart(TABLE_FOUR_PARTS.litigationAfterReconsideration),
      },
      { required: true, title: '四、政府信息公开行政复议、行政诉讼情况', group: 'content' },
    ),
    problems: longText({ required: true, title: '五、存在的主要问题及改进情况', rows: 6, group: 'content' }),
    otherMatters: longText({
      required: true,
      title: '六、其他需要报告的事项',
      description: '包括依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况',
      rows: 4,
      group: 'content',
    }),
  },
  preview: { title: 'title', subtitle: 'year' },
  orderings: [{ title: '报告年度（新→旧）', name: 'yearDesc', by: [{ field: 'year', direction: 'desc' }] }],
});
