/** Dates and numbers as Chinese readers expect them. Release times are shown in Beijing time. */

const beijingDate = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });

/** `2026-03-02` → `2026年3月2日`. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [year, month, day] = date.slice(0, 10).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

// A document's release date is shown on its page, in its section's lists (filtered ones too)
// and in the catalogue sorted five ways; Intl formatting is the costly part, so each
// date-time is formatted once per build (one entry per document: a few MB at 100,000).
const formattedDateTimes = new Map<string, string>();

/** An ISO date-time → the Beijing calendar date, `2026年3月10日`. */
export function formatDateTime(dateTime: string | null | undefined): string {
  if (!dateTime) return '—';
  let formatted = formattedDateTimes.get(dateTime);
  if (formatted === undefined) {
    formatted = beijingDate.format(new Date(dateTime));
    formattedDateTimes.set(dateTime, formatted);
  }
  return formatted;
}

/** The Beijing calendar date of a date-time as `YYYY-MM-DD` (for sorting and filters). */
export function beijingDay(dateTime: string): string {
  return new Date(new Date(dateTime).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function beijingYear(dateTime: string | null | undefined): string {
  return dateTime ? beijingDay(dateTime).slice(0, 4) : '';
}

const integer = new Intl.NumberFormat('zh-CN');
export function formatNumber(value: number): string {
  return integer.format(value);
}

/** Change from `base` to `value` as a signed percentage, or null when there is no base. */
export function percentChange(value: number, base: number): number | null {
  return base === 0 ? null : ((value - base) / base) * 100;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (!bytes) return '';
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
