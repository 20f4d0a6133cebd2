/** 12315 figures for display: period names, 环比/同比 with their direction, chart data. */
import { COMPLAINT_FIGURES, COMPLAINT_KINDS, type ComplaintFigure } from '../../core/model/vocabulary.ts';
import { zh } from '../i18n/zh.ts';
import type { ComplaintAnalysis } from './content.ts';
import { formatPercent, percentChange } from './format.ts';

const QUARTER_NAMES = ['一', '二', '三', '四'] as const;

/** `2024年第四季度`, `2024年3月`: as the analyses' titles and government statistics write them. */
export function periodLabel(period: ComplaintAnalysis['period']): string {
  return period.quarter !== undefined ? `${period.year}年第${QUARTER_NAMES[period.quarter - 1]}季度` : `${period.year}年${period.month}月`;
}

/** Sort key of a period: quarters and months on one time line. */
export function periodOrder(period: ComplaintAnalysis['period']): number {
  const month = period.quarter !== undefined ? period.quarter * 3 : period.month!;
  return period.year * 12 + month;
}

export interface Change {
  text: string;
  direction: 'up' | 'down' | 'flat' | 'none';
}

/** `+12.3%（上升）`: the word carries the direction, so colour is never the only signal. */
function describeChange(value: number, base: number): Change {
  const change = percentChange(value, base);
  if (change === null) return { text: '—', direction: 'none' };
  const text = formatPercent(change, { signed: true });
  if (text === '0.0%') return { text: `${text}（${zh.complaints.flat}）`, direction: 'flat' };
  const direction = change > 0 ? 'up' : 'down';
  return { text: `${text}（${zh.complaints[direction]}）`, direction };
}

export function figureRows(analysis: ComplaintAnalysis) {
  return (Object.keys(COMPLAINT_FIGURES) as ComplaintFigure[]).map((key) => {
    const figure = analysis.figures[key];
    return {
      key,
      label: COMPLAINT_FIGURES[key],
      ...figure,
      monthOnMonth: describeChange(figure.count, figure.previous),
      yearOnYear: describeChange(figure.count, figure.lastYear),
    };
  });
}

export function categoryBars(analysis: ComplaintAnalysis) {
  return (analysis.complaintCategories ?? []).map((c) => ({ label: c.name, value: c.count, group: c.kind }));
}

export const kindLabels: Record<string, string> = { ...COMPLAINT_KINDS };
