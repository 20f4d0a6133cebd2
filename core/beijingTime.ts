/**
 * Beijing time, the only time this site, its preview and the workflow show or count in:
 * China Standard Time (Asia/Shanghai) is UTC+8 all year with no daylight saving (none since
 * 1991, long before any document here), so an instant's Beijing wall clock is plain arithmetic —
 * the same in Node, in a browser and on a build machine set to any zone.
 */
const OFFSET_MS = 8 * 3600_000;

/** The Beijing wall clock of an instant as `YYYY-MM-DDTHH:mm`, or undefined when it is not a date. */
function wallClock(instant: string | Date): string | undefined {
  const time = new Date(instant).getTime();
  return Number.isNaN(time) ? undefined : new Date(time + OFFSET_MS).toISOString().slice(0, 16);
}

/** The Beijing calendar day of an instant, `YYYY-MM-DD` (for sorting, filters and dates shown). */
export function beijingDay(instant: string | Date): string {
  return wallClock(instant)?.slice(0, 10) ?? String(instant).slice(0, 10);
}

/** The Beijing calendar year of an instant. */
export function beijingYear(instant: string | Date): number {
  return Number(beijingDay(instant).slice(0, 4));
}

/** An instant as people read a time in Beijing: `2026-11-24 10:15`. A value that is no date is shown as it is. */
export function formatBeijingTime(instant: string | Date): string {
  return wallClock(instant)?.replace('T', ' ') ?? String(instant);
}
