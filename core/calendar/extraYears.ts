/**
 * Working-day calendars for years the pinned `chinese-days` package does not carry yet.
 *
 * The State Council publishes each year's 部分节假日安排 (usually in November of the year before).
 * When it does, and before the package has a release with it, add the year here — one entry, the
 * notice's number, every day off (ranges, inclusive) and every 调休 make-up working day — and the
 * whole site, the workflow and `npm run deadlines` count working days in that year. A year missing
 * from both is refused, never guessed (core/calendar/workingDays.ts).
 *
 * Example (do not copy: the dates are invented):
 *   {
 *     year: 2027,
 *     notice: '国办发明电〔2026〕N号',
 *     daysOff: [['2027-01-01', '2027-01-01'], ['2027-02-05', '2027-02-12']],
 *     makeUpWorkingDays: ['2027-02-14'],
 *   },
 */
export interface PublishedYear {
  year: number;
  /** The State Council notice the dates come from. */
  notice: string;
  /** Public holidays and the days off around them, `[from, to]` inclusive, `YYYY-MM-DD`. */
  daysOff: readonly (readonly [string, string])[];
  /** Saturdays and Sundays that are working days (调休上班). */
  makeUpWorkingDays: readonly string[];
}

export const EXTRA_YEARS: readonly PublishedYear[] = [];
