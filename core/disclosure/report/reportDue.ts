/**
 * The annual report's deadline (条例 第四十九条): each year's report is published by 31 January of the next.
 * From 1 January the desk flags the previous year's report until it is released — 即将到期 up to and on
 * 31 January, 已超期 after it. Calendar days, not working days: the date is fixed by the regulation.
 */
import type { StoredDocument } from '../../model/datasetRules.ts';
import { draftId, isPublishedId } from '../../model/documentTypes.ts';
import { annualReportId } from './annualReport.ts';
import { calendarDaysBetween } from '../../calendar/calendarDays.ts';

export interface AnnualReportDue {
  /** The year reported on. */
  year: number;
  dueDate: string;
  state: 'dueSoon' | 'overdue';
  /** Calendar days to the due date (0 on the day), or past it when overdue. */
  days: number;
  /** The report's document ids (published and draft) when one has been started, else none. */
  documents: string[];
}

/** The previous year's report on the Beijing day `today`, when it is not released; undefined when it is. */
export function annualReportDue(documents: readonly StoredDocument[], today: string): AnnualReportDue | undefined {
  const year = Number(today.slice(0, 4)) - 1;
  const reports = documents.filter((doc) => doc._type === 'annualReport' && doc.year === year);
  if (reports.some((doc) => isPublishedId(doc._id) && typeof doc.publishedAt === 'string')) return undefined;
  const dueDate = `${year + 1}-01-31`;
  const days = calendarDaysBetween(today, dueDate);
  const started = reports.length > 0 ? [annualReportId(year), draftId(annualReportId(year)), ...reports.map((doc) => doc._id)] : [];
  return {
    year,
    dueDate,
    state: days >= 0 ? 'dueSoon' : 'overdue',
    days: Math.abs(days),
    documents: [...new Set(started)],
  };
}

/** The desk's line for the flag. */
export function annualReportDueText(due: AnnualReportDue): string {
  const when = due.state === 'overdue' ? `已超期 ${due.days} 天` : due.days === 0 ? '今天到期' : `剩余 ${due.days} 天`;
  const started = due.documents.length > 0 ? '已起草，尚未发布' : '尚未起草';
  return `${due.year} 年政府信息公开工作年度报告应于 ${due.dueDate} 前公布（条例第四十九条）：${started}，${when}`;
}
