/**
 * Dates for the sample: Beijing-time date-times and a working-day calendar.
 *
 * The calendar counts Monday–Friday minus the State Council public holidays of 2022–2026.
 * It ignores 调休 make-up Saturdays and Sundays, so it never counts more working days
 * than the official calendar does: a document released within N of these days is
 * released within N official working days too. Releases are only placed on days that
 * are working days in both calendars.
 */

/** Public holiday ranges (inclusive) announced by the General Office of the State Council. */
const HOLIDAY_RANGES: readonly (readonly [string, string])[] = [
  ['2022-01-01', '2022-01-03'], ['2022-01-31', '2022-02-06'], ['2022-04-03', '2022-04-05'],
  ['2022-04-30', '2022-05-04'], ['2022-06-03', '2022-06-05'], ['2022-09-10', '2022-09-12'],
  ['2022-10-01', '2022-10-07'], ['2022-12-31', '2023-01-02'], ['2023-01-21', '2023-01-27'],
  ['2023-04-05', '2023-04-05'], ['2023-04-29', '2023-05-03'], ['2023-06-22', '2023-06-24'],
  ['2023-09-29', '2023-10-06'], ['2024-01-01', '2024-01-01'], ['2024-02-10', '2024-02-17'],
  ['2024-04-04', '2024-04-06'], ['2024-05-01', '2024-05-05'], ['2024-06-10', '2024-06-10'],
  ['2024-09-15', '2024-09-17'], ['2024-10-01', '2024-10-07'], ['2025-01-01', '2025-01-01'],
  ['2025-01-28', '2025-02-04'], ['2025-04-04', '2025-04-06'], ['2025-05-01', '2025-05-05'],
  ['2025-05-31', '2025-06-02'], ['2025-10-01', '2025-10-08'], ['2026-01-01', '2026-01-03'],
  ['2026-02-15', '2026-02-23'], ['2026-04-04', '2026-04-06'], ['2026-05-01', '2026-05-05'],
  ['2026-06-19', '2026-06-21'], ['2026-09-25', '2026-09-27'], ['2026-10-01', '2026-10-07'],
];

const DAY_MS = 24 * 60 * 60 * 1000;

function toUtcDate(date: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

function formatDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return formatDate(new Date(toUtcDate(date).getTime() + days * DAY_MS));
}

const HOLIDAYS: ReadonlySet<string> = new Set(
  HOLIDAY_RANGES.flatMap(([from, to]) => {
    const days: string[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
    return days;
  }),
);

export function isWorkingDay(date: string): boolean {
  const weekday = toUtcDate(date).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(date);
}

/** The date `count` working days after `date` (count ≥ 1). */
export function addWorkingDays(date: string, count: number): string {
  let day = date;
  for (let left = count; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/** Working days after `from`, up to and including `to`. */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
  return count;
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
