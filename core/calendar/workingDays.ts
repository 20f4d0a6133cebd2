/**
 * The one working-day calendar of the project: the State Council holiday calendar with its 调休
 * make-up days, as carried by the pinned `chinese-days` package, plus the years added in
 * core/calendar/extraYears.ts. Dates are Beijing calendar days, `YYYY-MM-DD`.
 *
 * A year neither source carries is refused with `NoPublishedCalendarError`: the package answers
 * such a year as plain Monday–Friday, which would silently move deadlines across a Spring
 * Festival it does not know about.
 *
 * Counting follows 民法典 第二百零一条: the day an event happens is not counted, so
 * `addWorkingDays('2026-09-30', 1)` is the first working day after 30 September.
 */
import chineseDays from 'chinese-days';
import { EXTRA_YEARS, type PublishedYear } from './extraYears.ts';
import { dateOf, dayNumber, weekdayOf } from './calendarDays.ts';

/** The years `chinese-days` 1.5.7 carries (its dist/years/*.json; a test keeps this in step with the package). */
export const LIBRARY_YEARS = { first: 2004, last: 2026 } as const;

export class NoPublishedCalendarError extends Error {
  readonly date: string;
  readonly year: number;
  constructor(date: string, year: number, knownYears: string) {
    super(
      `${date} 所在的 ${year} 年没有国务院公布的节假日安排（工作日日历现有 ${knownYears}），不能计算工作日，也不会按周一至周五推算；` +
        `国务院公布该年节假日安排后，在 core/calendar/extraYears.ts 中补充该年的放假日期和调休上班日期。`,
    );
    this.name = 'NoPublishedCalendarError';
    this.date = date;
    this.year = year;
  }
}

export interface WorkingDayCalendar {
  /** Whether the State Council calendar has this date as a working day (调休 Saturdays included). */
  isWorkingDay(date: string): boolean;
  /** The date `count` working days after `date`; `date` itself is not counted (count ≥ 0). */
  addWorkingDays(date: string, count: number): string;
  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: string, to: string): number;
  /** The years this calendar can answer for, as people read them: `2004–2026`. */
  readonly knownYears: string;
}

function spellYears(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const spans: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    spans.push(i === j ? `${sorted[i]} 年` : `${sorted[i]}–${sorted[j]} 年`);
    i = j + 1;
  }
  return spans.join('、');
}

/** Checks an added year before it is trusted: every date real and inside its year, no year twice. */
function indexExtraYears(extraYears: readonly PublishedYear[]): Map<number, { off: Set<string>; work: Set<string> }> {
  const byYear = new Map<number, { off: Set<string>; work: Set<string> }>();
  for (const entry of extraYears) {
    const where = `core/calendar/extraYears.ts 的 ${entry.year} 年`;
    if (entry.year >= LIBRARY_YEARS.first && entry.year <= LIBRARY_YEARS.last) {
      throw new Error(`${where}已由 chinese-days 提供，不能重复补充；若官方安排有更正，请升级 chinese-days。`);
    }
    if (byYear.has(entry.year)) throw new Error(`${where}出现了两次。`);
    const inYear = (date: string, field: string) => {
      dayNumber(date);
      if (!date.startsWith(`${entry.year}-`)) throw new Error(`${where}的 ${field} 含有其他年份的日期 ${date}。`);
    };
    const off = new Set<string>();
    for (const [from, to] of entry.daysOff) {
      inYear(from, 'daysOff');
      inYear(to, 'daysOff');
      if (to < from) throw new Error(`${where}的放假区间 ${from}–${to} 结束早于开始。`);
      for (let day = dayNumber(from); day <= dayNumber(to); day++) off.add(dateOf(day));
    }
    const work = new Set<string>();
    for (const date of entry.makeUpWorkingDays) {
      inYear(date, 'makeUpWorkingDays');
      if (off.has(date)) throw new Error(`${where}的 ${date} 既是放假日又是调休上班日。`);
      work.add(date);
    }
    byYear.set(entry.year, { off, work });
  }
  return byYear;
}

export function createWorkingDayCalendar(extraYears: readonly PublishedYear[]): WorkingDayCalendar {
  const extra = indexExtraYears(extraYears);
  const years: number[] = [...extra.keys()];
  for (let year = LIBRARY_YEARS.first; year <= LIBRARY_YEARS.last; year++) years.push(year);
  const knownYears = spellYears(years);

  // Asked for the same few thousand dates again and again (the catalogue's 公开时效 column counts the
  // days of every listed document on every page it is on); the library's answer costs a date format.
  const answered = new Map<string, boolean>();
  function isWorkingDay(date: string): boolean {
    let answer = answered.get(date);
    if (answer === undefined) {
      answer = lookUp(date);
      answered.set(date, answer);
    }
    return answer;
  }

  function lookUp(date: string): boolean {
    const day = dayNumber(date);
    const year = Number(date.slice(0, 4));
    const added = extra.get(year);
    if (added) {
      if (added.work.has(date)) return true;
      const weekday = weekdayOf(day);
      return weekday !== 0 && weekday !== 6 && !added.off.has(date);
    }
    if (year < LIBRARY_YEARS.first || year > LIBRARY_YEARS.last) throw new NoPublishedCalendarError(date, year, knownYears);
    // A local-midnight Date: the package formats dates with local getters, and a date string would
    // be parsed as UTC midnight, the day before in any zone west of Greenwich.
    return chineseDays.getDayDetail(new Date(year, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))).work;
  }

  function addWorkingDays(date: string, count: number): string {
    if (!Number.isInteger(count) || count < 0) throw new Error(`工作日天数必须是非负整数：${count}`);
    let day = dayNumber(date);
    for (let left = count; left > 0; ) {
      day++;
      if (isWorkingDay(dateOf(day))) left--;
    }
    return dateOf(day);
  }

  function workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let day = dayNumber(from) + 1, last = dayNumber(to); day <= last; day++) if (isWorkingDay(dateOf(day))) count++;
    return count;
  }

  return { isWorkingDay, addWorkingDays, workingDaysBetween, knownYears };
}

const calendar = createWorkingDayCalendar(EXTRA_YEARS);

export const isWorkingDay = calendar.isWorkingDay;
export const addWorkingDays = calendar.addWorkingDays;
export const workingDaysBetween = calendar.workingDaysBetween;
