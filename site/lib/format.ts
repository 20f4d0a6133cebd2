/**
 * Dates and numbers as Chinese readers expect them. Every instant is shown in Beijing time,
 * through core/beijingTime.ts — the one place that turns an instant into a wall clock.
 */
import { beijingDay as dayOf, formatBeijingTime } from '../../core/beijingTime.ts';

/** `2026-03-02` → `2026年3月2日`. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [year, month, day] = date.slice(0, 10).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/**
 * A date or an ISO date-time (its Beijing day) as `2026-03-10`: the short form of tables that set
 * dates in narrow columns (the 目录), on one line.
 */
export function formatShortDate(date: string | null | undefined): string {
  if (!date) return '—';
  return date.length > 10 ? dayOf(date) : date;
}

/** An ISO date-time → the Beijing calendar date, `2026年3月10日`. */
export function formatDateTime(dateTime: string | null | undefined): string {
  return dateTime ? formatDate(dayOf(dateTime)) : '—';
}

/** An ISO date-time → Beijing date and time, `2026-11-24 10:15` (workflow events on the preview). */
export function formatTime(dateTime: string | null | undefined): string {
  return dateTime ? formatBeijingTime(dateTime) : '—';
}

/** The Beijing calendar date of a date-time as `YYYY-MM-DD` (for sorting and filters). */
export function beijingDay(dateTime: string): string {
  return dayOf(dateTime);
}

export function beijingYear(dateTime: string | null | undefined): string {
  return dateTime ? beijingDay(dateTime).slice(0, 4) : '';
}

const integer = new Intl.NumberFormat('zh-CN');
export function formatNumber(value: number): string {
  return integer.format(value);
}

/**
 * A percentage as the site writes it everywhere — tables, charts' text and the generated
 * analyses alike: one decimal, `4.0%`; `signed` adds `+` or `-` (a change: `+4.0%`).
 */
export function formatPercent(value: number, { signed = false }: { signed?: boolean } = {}): string {
  const text = `${Math.abs(value).toFixed(1)}%`;
  if (text === '0.0%') return text;
  if (signed) return `${value > 0 ? '+' : '-'}${text}`;
  return value < 0 ? `-${text}` : text;
}

/** Change from `base` to `value` as a signed percentage, or null when there is no base. */
export function percentChange(value: number, base: number): number | null {
  return base === 0 ? null : ((value - base) / base) * 100;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (!bytes) return '';
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
