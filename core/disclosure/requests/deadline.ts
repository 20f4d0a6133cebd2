/**
 * The dates of a 政府信息公开申请, on the one working-day calendar (core/calendar/workingDays.ts; a year
 * without a published State Council calendar is refused there, never guessed):
 * - received (第三十一条): in person, the day handed in; a registered letter, the day signed for; an ordinary
 *   letter, the internet channel, e-mail or fax, the day the office and the applicant confirm it;
 * - 补正 (第三十条): asked within 7 working days of receipt; the clock restarts on the day the corrected
 *   request arrives;
 * - 征求第三方意见 (第三十二、三十三条): the working days it takes are not counted, at most 15;
 * - the answer (第三十三条): due 20 working days after the clock starts, 40 once extended.
 * The day an event happens is not counted (民法典 第二百零一条).
 */
import { addWorkingDays, workingDaysBetween } from '../../calendar/workingDays.ts';
import type { RequestRecord } from './record.ts';

export const CORRECTION_WORKING_DAYS = 7;
export const ANSWER_WORKING_DAYS = 20;
const EXTENSION_WORKING_DAYS = 20;
const CONSULTATION_WORKING_DAYS = 15;

type Dates = Pick<
  RequestRecord,
  | 'channel'
  | 'submittedOn'
  | 'confirmedOn'
  | 'correctionAskedOn'
  | 'correctedOn'
  | 'consultationStartedOn'
  | 'consultationEndedOn'
  | 'extendedOn'
>;

/** The day the request counts as received (第三十一条), or undefined while the date it depends on is missing. */
export function receivedOn(request: Pick<RequestRecord, 'channel' | 'submittedOn' | 'confirmedOn'>): string | undefined {
  return request.channel === 'inPerson' ? request.submittedOn : request.confirmedOn;
}

/** The last day on which 补正 may be asked. */
export function correctionDeadline(received: string): string {
  return addWorkingDays(received, CORRECTION_WORKING_DAYS);
}

/** The day the 20 working days start from: the corrected request's arrival when 补正 was asked, else receipt. */
export function clockStart(request: Dates): string | undefined {
  return request.correctionAskedOn ? request.correctedOn : receivedOn(request);
}

/**
 * Working days of third-party consultation not counted: those after it started up to its end (or up to
 * `today` while it runs), at most 15.
 */
function consultationDaysExcluded(request: Dates, today?: string): number {
  const { consultationStartedOn: start, consultationEndedOn: end } = request;
  if (!start) return 0;
  const until = end ?? today;
  return until ? Math.min(workingDaysBetween(start, until), CONSULTATION_WORKING_DAYS) : 0;
}

/** The due date before any extension: the last day on which an extension may be decided. */
export function originalDueDate(request: Dates, today?: string): string | undefined {
  const start = clockStart(request);
  return start && addWorkingDays(start, ANSWER_WORKING_DAYS + consultationDaysExcluded(request, today));
}

/**
 * The last day to answer, or undefined while the clock is stopped (补正 asked and not yet received) or the
 * receipt date is missing. While a consultation runs, the days up to `today` are left out.
 */
export function answerDueDate(request: Dates, today?: string): string | undefined {
  const start = clockStart(request);
  if (!start) return undefined;
  const days = ANSWER_WORKING_DAYS + (request.extendedOn ? EXTENSION_WORKING_DAYS : 0) + consultationDaysExcluded(request, today);
  return addWorkingDays(start, days);
}
