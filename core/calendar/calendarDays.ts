/**
 * Plain calendar days of `YYYY-MM-DD` Beijing dates, the one arithmetic the working-day calendar, the
 * yearly 公开属性 review and the annual report's due date all count on.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isDateString(value: unknown): value is string {
  return typeof value === 'string' && DATE.test(value);
}

/** Days since the epoch of a `YYYY-MM-DD` date; throws on anything that is not a real calendar date. */
export function dayNumber(date: string): number {
  const match = DATE.exec(date);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new Error(`「${date}」不是日期：工作日按 YYYY-MM-DD 形式的北京日期计算。`);
  }
  return ms / DAY_MS;
}

/** The `YYYY-MM-DD` date of a day number. */
export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week of a day number, 0 for Sunday. */
export function weekdayOf(day: number): number {
  return new Date(day * DAY_MS).getUTCDay();
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The same day one calendar year later; 29 February becomes 28 February. */
export function oneYearAfter(date: string): string {
  const day = new Date(dayNumber(date) * DAY_MS);
  const [year, month, dayOfMonth] = [day.getUTCFullYear() + 1, day.getUTCMonth(), day.getUTCDate()];
  const lastOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(dayOfMonth, lastOfMonth))).toISOString().slice(0, 10);
}
