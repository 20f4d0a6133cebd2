/**
 * Dates for the sample: Beijing-time date-times, and the project's one working-day calendar
 * (core/calendar/workingDays.ts: the State Council calendar with its 调休 make-up days), so the
 * sample's documents are released within the same 20 working days the workflow counts.
 */
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../../core/calendar/workingDays.ts';

export { addWorkingDays, workingDaysBetween };

const DAY_MS = 24 * 60 * 60 * 1000;

function toUtcDate(date: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

export function addDays(date: string, days: number): string {
  return new Date(toUtcDate(date).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The same day if it is a working day, else the next working day. */
export function onWorkingDay(date: string): string {
  return isWorkingDay(date) ? date : addWorkingDays(date, 1);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `2024-03-12T10:25:00+08:00`: how Sanity stores a datetime typed in Beijing time. */
export function beijingDateTime(date: string, hour: number, minute: number): string {
  return `${date}T${pad(hour)}:${pad(minute)}:00+08:00`;
}

/** A Beijing date-time as Sanity writes its system timestamps: UTC, seconds, `Z`. */
export function utcTimestamp(dateTime: string, offsetSeconds = 0): string {
  const ms = Date.parse(dateTime) + offsetSeconds * 1000;
  if (Number.isNaN(ms)) throw new Error(`not a date-time: ${dateTime}`);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
