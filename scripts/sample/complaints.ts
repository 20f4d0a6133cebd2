/**
 * 12315 指挥中心工作情况简析, one per quarter. The volumes come from one series so that
 * `previous` is the previous quarter's count and `lastYear` the same quarter a year earlier.
 */
import { departmentId, EDITORS, sourceOf } from './departments.ts';
import { PROACTIVE, ref, releaseAfter, slug, type Doc } from './documents.ts';
import { onWorkingDay } from './calendar.ts';
import { QUARTER_NOTES } from './complaintNotes.ts';
import { portableText } from './portableText.ts';
import { intBetween, pick, randomFor, type Random } from './random.ts';
import { TOPIC } from './topics.ts';

/** Consultations, complaints and reports received by quarter (2023 gives the first comparisons). */
const SERIES: Record<string, readonly [number, number, number]> = {
  '2023-1': [5820, 2410, 386],
  '2023-2': [6135, 2688, 412],
  '2023-3': [6402, 2795, 441],
  '2023-4': [5988, 2543, 397],
  '2024-1': [6210, 2637, 405],
  '2024-2': [6578, 2902, 438],
  '2024-3': [6893, 3046, 462],
  '2024-4': [6345, 2781, 419],
  '2025-1': [6532, 2855, 431],
  '2025-2': [6912, 3120, 457],
  '2025-3': [7204, 3288, 476],
  '2025-4': [6701, 2964, 445],
  '2026-1': [6880, 3012, 452],
  '2026-2': [7135, 3246, 470],
  '2026-3': [7416, 3405, 489],
};

/** The quarters that have an analysis on the site. */
export const PUBLISHED_QUARTERS: readonly (readonly [number, number])[] = [
  [2024, 1], [2024, 2], [2024, 3], [2024, 4],
  [2025, 1], [2025, 2], [2025, 3], [2025, 4],
  [2026, 1], [2026, 2], [2026, 3],
];

const CHINESE_QUARTER = ['一', '二', '三', '四'] as const;

type Kind = 'goods' | 'services';

/** Share of complaints by category; the season adds to some (index = quarter − 1). */
const COMPLAINT_CATEGORIES: readonly { kind: Kind; name: string; share: number; season?: readonly number[] }[] = [
  { kind: 'services', name: '预付式消费', share: 0.16, season: [0.02, 0, -0.01, 0] },
  { kind: 'services', name: '网络购物服务', share: 0.14, season: [0, 0.03, 0, 0.04] },
  { kind: 'goods', name: '食品', share: 0.1, season: [0.03, 0, 0.01, 0] },
  { kind: 'goods', name: '家用电器', share: 0.08, season: [0, 0.02, 0, 0.02] },
  { kind: 'services', name: '餐饮住宿服务', share: 0.07, season: [0.02, 0.01, 0.01, 0] },
  { kind: 'goods', name: '服装鞋帽', share: 0.06 },
  { kind: 'goods', name: '通讯器材', share: 0.05 },
  { kind: 'services', name: '教育培训服务', share: 0.05, season: [0, 0, 0.03, -0.01] },
  { kind: 'goods', name: '交通工具（含新能源汽车）', share: 0.05, season: [0.01, 0, 0, 0] },
  { kind: 'services', name: '美容美发服务', share: 0.04 },
  { kind: 'goods', name: '装修建材', share: 0.035, season: [-0.01, 0.02, 0, 0] },
  { kind: 'services', name: '旅游服务', share: 0.03, season: [0, 0.01, 0.02, -0.01] },
];

const REPORT_CATEGORIES: readonly { name: string; share: number }[] = [
  { name: '价格违法', share: 0.2 },
  { name: '虚假宣传', share: 0.18 },
  { name: '食品安全', share: 0.16 },
  { name: '无照经营', share: 0.1 },
  { name: '侵犯注册商标专用权', share: 0.08 },
  { name: '产品质量', share: 0.09 },
  { name: '计量违法', share: 0.05 },
];

function counts(year: number, quarter: number): readonly [number, number, number] {
  const value = SERIES[`${year}-${quarter}`];
  if (!value) throw new Error(`no 12315 figures for ${year} Q${quarter}`);
  return value;
}

function previousQuarter(year: number, quarter: number): [number, number] {
  return quarter === 1 ? [year - 1, 4] : [year, quarter - 1];
}

function jitter(random: Random): number {
  return 0.9 + random() * 0.2;
}

function change(count: number, base: number): string {
  const percent = ((count - base) / base) * 100;
  if (Math.abs(percent) < 0.05) return '持平';
  return `${percent > 0 ? '增长' : '下降'}${Math.abs(percent).toFixed(1)}%`;
}

function analysis(year: number, quarter: number): Doc {
  const key = `${year}-q${quarter}`;
  const random = randomFor(`analysis:${key}`);
  const [consultations, complaints, reports] = counts(year, quarter);
  const [py, pq] = previousQuarter(year, quarter);
  const previous = counts(py, pq);
  const lastYear = counts(year - 1, quarter);
  const complaintCategories = COMPLAINT_CATEGORIES.map((category) => ({
    kind: category.kind,
    name: category.name,
    count: Math.round(complaints * (category.share + (category.season?.[quarter - 1] ?? 0)) * jitter(random)),
  }))
    .sort((a, b) => b.count - a.count)
    .slice(0, 11)
    .map((category, index) => ({ _key: `c${index + 1}`, ...category }));
  const reportCategories = REPORT_CATEGORIES.map((category) => ({
    name: category.name,
    count: Math.round(reports * category.share * jitter(random)),
  }))
    .sort((a, b) => b.count - a.count)
    .map((category, index) => ({ _key: `r${index + 1}`, ...category }));
  const recoveredLoss = Math.round(complaints * (0.052 + random() * 0.016) * 100) / 100;
  const completionRate = Math.round((98.6 + random() * 1.3) * 10) / 10;

  const notes = QUARTER_NOTES[`${year}-${quarter}`];
  if (!notes) throw new Error(`no notes for ${year} Q${quarter}`);
  const period = `${year}年第${CHINESE_QUARTER[quarter - 1]}季度`;
  const goods = complaintCategories.filter((c) => c.kind === 'goods').reduce((sum, c) => sum + c.count, 0);
  const services = complaintCategories.filter((c) => c.kind === 'services').reduce((sum, c) => sum + c.count, 0);
  const top = complaintCategories.slice(0, 3).map((c) => `${c.name}（${c.count}件）`).join('、');
  const topReports = reportCategories.slice(0, 3).map((c) => `${c.name}（${c.count}件）`).join('、');
  const total = consultations + complaints + reports;
  const share = (part: number) => ((part / complaints) * 100).toFixed(1);

  const formedAt = onWorkingDay(`${quarter === 4 ? year + 1 : year}-${String((quarter * 3 + 1) % 12 || 12).padStart(2, '0')}-${pick(random, ['08', '09', '10', '12'])}`);
  const release = releaseAfter(formedAt, intBetween(random, 3, 8), `analysis-${key}`);
  const title = `${period}12315指挥中心工作情况简析`;
  return {
    _id: `analysis-${key}`,
    _type: 'complaintAnalysis',
    title,
    slug: slug(`${key}-12315`),
    publisher: ref(departmentId('xfbh')),
    topic: TOPIC.business,
    summary: `${period}，全市12315指挥中心共受理咨询、投诉、举报${total}件，为消费者挽回经济损失${recoveredLoss}万元，按时办结率${completionRate}%。投诉居前三位的是${top}。`,
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
    responsibleEditor: pick(random, EDITORS),
    source: sourceOf('xfbh'),
    body: portableText([
      '## 一、总体情况',
      `${period}，全市12315指挥中心（含各区、县（市）分中心）通过全国12315平台、12315热线和来信来访等渠道共受理消费者咨询、投诉、举报${total}件。其中，咨询${consultations}件，环比${change(consultations, previous[0])}，同比${change(consultations, lastYear[0])}；投诉${complaints}件，环比${change(complaints, previous[1])}，同比${change(complaints, lastYear[1])}；举报${reports}件，环比${change(reports, previous[2])}，同比${change(reports, lastYear[2])}。`,
      `本季度为消费者挽回经济损失${recoveredLoss}万元，投诉举报按时办结率${completionRate}%。`,
      '## 二、投诉热点',
      `从投诉类别看，商品类投诉${goods}件，占${share(goods)}%；服务类投诉${services}件，占${share(services)}%；其余${complaints - goods - services}件为其他商品和服务投诉。投诉量居前三位的是${top}。`,
      notes.hotspot,
      '## 三、举报情况',
      `举报主要集中在${topReports}等方面。对举报线索，各级市场监督管理部门依法核查，符合立案条件的及时立案查处。`,
      '## 四、典型案例',
      notes.caseStudy,
      '## 五、消费提示',
      ...notes.tips,
      '消费者可通过全国12315平台（www.12315.cn）、12315热线、“全国12315平台”微信小程序等渠道反映消费问题。',
    ]),
  };
}

export function complaintAnalysisDocuments(): Doc[] {
  return PUBLISHED_QUARTERS.map(([year, quarter]) => analysis(year, quarter));
}

/**
 * A monthly internal briefing on enterprises with concentrated complaints: kept for the
 * bureau's own supervision and never public (条例 第十六条).
 */
export function internalComplaintBriefing(): Doc {
  return {
    _id: 'analysis-2026-10-internal-briefing',
    _type: 'complaintAnalysis',
    title: '2026年10月12315投诉集中经营者内部通报（不予公开）',
    slug: slug('2026-10-internal-briefing'),
    publisher: ref(departmentId('xfbh')),
    topic: TOPIC.business,
    summary: '通报2026年10月投诉量居前的经营者名单、诉转案线索和约谈安排，供局机关和各区、县（市）局内部工作使用。',
    formedAt: '2026-11-06',
    publishedAt: '2026-11-10T10:00:00+08:00',
    disclosure: {
      mode: 'withheld',
      reason: '属于行政机关内部事务信息和行政执法过程中的过程性信息，依据《中华人民共和国政府信息公开条例》第十六条不予公开。',
    },
    period: { year: 2026, month: 10 },
    figures: {
      consultations: { count: 2398, previous: 2512, lastYear: 2267 },
      complaints: { count: 1076, previous: 1154, lastYear: 1003 },
      reports: { count: 151, previous: 166, lastYear: 147 },
    },
    responsibleEditor: EDITORS[0],
    source: sourceOf('xfbh'),
    body: portableText([
      '## 一、投诉集中经营者',
      '10月投诉量居前的经营者共12户，其中预付式消费类5户、网络购物类4户、汽车销售类3户，名单及投诉件数见附表（略）。',
      '## 二、诉转案线索',
      '经研判，其中3户经营者涉嫌违反明码标价规定、2户涉嫌虚假宣传，已分别转相关区局核查。',
      '## 三、约谈安排',
      '请各区、县（市）局于11月20日前完成对投诉集中经营者的行政约谈，并将约谈记录报消费者权益保护科。',
    ]),
  };
}
