/**
 * 12315 指挥中心工作情况简析 (content/sample/complaints/): one per quarter that has its own
 * words in quarters.yaml. The volumes come from one series so that `previous` is the previous
 * quarter's count and `lastYear` the same quarter a year earlier.
 */
import { z } from 'zod';
import { onWorkingDay } from './calendar.ts';
import { date, disclosure, fill, paragraphs, prose, readContentFile, slugKey, template, timestamp, topic } from './content.ts';
import type { Departments } from './departments.ts';
import { PROACTIVE, ref, releaseAfter, slug, type Doc } from './documents.ts';
import { formatPercent } from '../../site/lib/format.ts';
import { portableText } from './portableText.ts';
import { intBetween, pick, randomFor, type Random } from './random.ts';

const QUARTER = /^(20\d\d)-([1-4])$/;
const quarterKey = z.string().regex(QUARTER, { message: '应为 年-季度，例如 2024-1' });
const count = z.number().int().min(0);
const share = z.number().min(0).max(1);

const ANALYSIS_PLACEHOLDERS = [
  '期间',
  '总件数',
  '咨询',
  '咨询环比',
  '咨询同比',
  '投诉',
  '投诉环比',
  '投诉同比',
  '举报',
  '举报环比',
  '举报同比',
  '挽回损失',
  '办结率',
  '商品类',
  '商品类占比',
  '服务类',
  '服务类占比',
  '其他类',
  '投诉前三',
  '举报前三',
  '投诉热点',
  '典型案例',
  '消费提示',
];

function analysisSchema(departments: Departments) {
  return z.strictObject({
    publisher: departments.key,
    topic,
    /** Consultations, complaints and reports received by quarter. */
    volumes: z.record(quarterKey, z.tuple([count, count, count])),
    /** Share of complaints by category; `season` adds to the share in each quarter. */
    complaintCategories: z.array(
      z.strictObject({
        kind: z.enum(['goods', 'services']),
        name: z.string().min(2),
        share,
        season: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
      }),
    ),
    reportCategories: z.array(z.strictObject({ name: z.string().min(2), share })),
    title: template(ANALYSIS_PLACEHOLDERS),
    summary: template(ANALYSIS_PLACEHOLDERS),
    body: template(ANALYSIS_PLACEHOLDERS),
  });
}

/** What each quarter's analysis says beyond the figures: the hot spots, a typical case, the tips. */
const quartersSchema = z.record(
  quarterKey,
  z.strictObject({ hotspot: z.string().min(10), caseStudy: z.string().min(10), tips: z.array(z.string().min(5)).min(1) }),
);

const figure = z.strictObject({ count, previous: count, lastYear: count });

function internalSchema(departments: Departments) {
  return z.strictObject({
    key: slugKey,
    title: z.string().min(4),
    summary: z.string().min(10),
    formedAt: date,
    publishedAt: timestamp,
    disclosure,
    period: z.strictObject({ year: z.number().int(), month: z.number().int().min(1).max(12) }),
    figures: z.strictObject({ consultations: figure, complaints: figure, reports: figure }),
    responsibleEditor: departments.editor,
    body: prose,
  });
}

type Analysis = z.output<ReturnType<typeof analysisSchema>>;

/** How every quarter's analysis is written: publisher, volumes, categories, templates. */
export function readAnalysisSpec(directory: string, departments: Departments): Analysis {
  return readContentFile(directory, 'complaints/analysis.yaml', analysisSchema(departments));
}

const CHINESE_QUARTER = ['一', '二', '三', '四'] as const;

function jitter(random: Random): number {
  return 0.9 + random() * 0.2;
}

function change(value: number, base: number): string {
  const percent = ((value - base) / base) * 100;
  if (Math.abs(percent) < 0.05) return '持平';
  // The one percent format of the site (site/lib/format.ts): the text and the page's table agree.
  return `${percent > 0 ? '增长' : '下降'}${formatPercent(Math.abs(percent))}`;
}

function volumesOf(spec: Analysis, year: number, quarter: number): readonly [number, number, number] {
  const value = spec.volumes[`${year}-${quarter}`];
  if (!value)
    throw new Error(
      `content/sample/complaints/analysis.yaml：volumes 缺少 ${year}-${quarter}（${year} 年第 ${quarter} 季度简析的环比、同比要用到）`,
    );
  return value;
}

function analysis(
  spec: Analysis,
  departments: Departments,
  year: number,
  quarter: number,
  notes: z.output<typeof quartersSchema>[string],
): Doc {
  const key = `${year}-q${quarter}`;
  const random = randomFor(`analysis:${key}`);
  const [consultations, complaints, reports] = volumesOf(spec, year, quarter);
  const previous = quarter === 1 ? volumesOf(spec, year - 1, 4) : volumesOf(spec, year, quarter - 1);
  const lastYear = volumesOf(spec, year - 1, quarter);
  const complaintCategories = spec.complaintCategories
    .map((category) => ({
      kind: category.kind,
      name: category.name,
      count: Math.round(complaints * (category.share + (category.season?.[quarter - 1] ?? 0)) * jitter(random)),
    }))
    .sort((a, b) => b.count - a.count)
    .slice(0, 11)
    .map((category, index) => ({ _key: `c${index + 1}`, ...category }));
  const reportCategories = spec.reportCategories
    .map((category) => ({ name: category.name, count: Math.round(reports * category.share * jitter(random)) }))
    .sort((a, b) => b.count - a.count)
    .map((category, index) => ({ _key: `r${index + 1}`, ...category }));
  const recoveredLoss = Math.round(complaints * (0.052 + random() * 0.016) * 100) / 100;
  const completionRate = Math.round((98.6 + random() * 1.3) * 10) / 10;

  const sum = (kind: string) => complaintCategories.filter((c) => c.kind === kind).reduce((total, c) => total + c.count, 0);
  const goods = sum('goods');
  const services = sum('services');
  const topOf = (categories: readonly { name: string; count: number }[]) =>
    categories
      .slice(0, 3)
      .map((c) => `${c.name}（${c.count}件）`)
      .join('、');
  const values = {
    期间: `${year}年第${CHINESE_QUARTER[quarter - 1]}季度`,
    总件数: consultations + complaints + reports,
    咨询: consultations,
    咨询环比: change(consultations, previous[0]),
    咨询同比: change(consultations, lastYear[0]),
    投诉: complaints,
    投诉环比: change(complaints, previous[1]),
    投诉同比: change(complaints, lastYear[1]),
    举报: reports,
    举报环比: change(reports, previous[2]),
    举报同比: change(reports, lastYear[2]),
    挽回损失: recoveredLoss,
    // Percentages through the site's one formatter (site/lib/format.ts): 99.0%, as the page's list writes it.
    办结率: formatPercent(completionRate),
    商品类: goods,
    商品类占比: formatPercent((goods / complaints) * 100),
    服务类: services,
    服务类占比: formatPercent((services / complaints) * 100),
    其他类: complaints - goods - services,
    投诉前三: topOf(complaintCategories),
    举报前三: topOf(reportCategories),
    投诉热点: notes.hotspot,
    典型案例: notes.caseStudy,
    消费提示: notes.tips.join('\n\n'),
  };

  // Released in the first weeks after the quarter.
  const month = String((quarter * 3 + 1) % 12 || 12).padStart(2, '0');
  const formedAt = onWorkingDay(`${quarter === 4 ? year + 1 : year}-${month}-${pick(random, ['08', '09', '10', '12'])}`);
  const release = releaseAfter(formedAt, intBetween(random, 3, 8), `analysis-${key}`);
  return {
    _id: `analysis-${key}`,
    _type: 'complaintAnalysis',
    title: fill(spec.title, values),
    slug: slug(`${key}-12315`),
    publisher: ref(departments.id(spec.publisher)),
    topic: spec.topic,
    summary: fill(spec.summary, values),
    formedAt: release.formedAt,
    publishedAt: release.publishedAt,
    disclosure: PROACTIVE,
    period: { year, quarter },
    figures: {
      consultations: { count: consultations, previous: previous[0], lastYear: lastYear[0] },
      complaints: { count: complaints, previous: previous[1], lastYear: lastYear[1] },
      reports: { count: reports, previous: previous[2], lastYear: lastYear[2] },
    },
    complaintCategories,
    reportCategories,
    recoveredLoss,
    completionRate,
    responsibleEditor: pick(random, departments.editors),
    source: departments.source(spec.publisher),
    body: portableText(paragraphs(fill(spec.body, values))),
  };
}

/** The quarterly analyses, then the internal monthly briefing (never public). */
export function complaintAnalyses(directory: string, departments: Departments): Doc[] {
  const spec = readAnalysisSpec(directory, departments);
  const quarters = readContentFile(directory, 'complaints/quarters.yaml', quartersSchema);
  const analyses = Object.entries(quarters).map(([period, notes]) => {
    const [, year, quarter] = QUARTER.exec(period)!;
    return analysis(spec, departments, Number(year), Number(quarter), notes);
  });
  const internal = readContentFile(directory, 'complaints/internal.yaml', internalSchema(departments));
  const { key, responsibleEditor, body, ...fields } = internal;
  const briefing: Doc = {
    _id: `analysis-${key}`,
    _type: 'complaintAnalysis',
    title: fields.title,
    slug: slug(key),
    publisher: ref(departments.id(spec.publisher)),
    topic: spec.topic,
    summary: fields.summary,
    formedAt: fields.formedAt,
    publishedAt: fields.publishedAt,
    disclosure: fields.disclosure,
    period: fields.period,
    figures: fields.figures,
    responsibleEditor,
    source: departments.source(spec.publisher),
    body: portableText(paragraphs(body)),
  };
  return [...analyses, briefing];
}
