/**
 * The 20-working-day clock of proactive information (条例 第二十六条): public within 20 working
 * days of its 生成日期 (`formedAt`), counted on the State Council calendar with the day it was
 * formed not counted. One function for the due date, one reading of the clock on a given day,
 * one measure of a release — the workflow, `npm run deadlines` and the Studio desk all use these.
 */
import { addWorkingDays, workingDaysBetween } from './workingDays.ts';

export const DISCLOSURE_WORKING_DAYS = 20;
/** 即将到期: this many working days left, or fewer. */
export const DUE_SOON_WORKING_DAYS = 5;

/** The last day on which information formed on `formedAt` is public in time. */
function disclosureDueDate(formedAt: string): string {
  return addWorkingDays(formedAt, DISCLOSURE_WORKING_DAYS);
}

type ClockState = 'running' | 'dueSoon' | 'overdue';

export interface ClockReading {
  formedAt: string;
  dueDate: string;
  state: ClockState;
  /** Working days after `today` up to the due date (0 on the due date itself); 0 when overdue. */
  workingDaysLeft: number;
  /** Working days after the due date up to `today`; 0 when not overdue. */
  workingDaysOverdue: number;
}

/** The clock of unreleased information formed on `formedAt`, read on the Beijing day `today`. */
export function readClock(formedAt: string, today: string): ClockReading {
  const dueDate = disclosureDueDate(formedAt);
  if (today > dueDate) {
    return { formedAt, dueDate, state: 'overdue', workingDaysLeft: 0, workingDaysOverdue: workingDaysBetween(dueDate, today) };
  }
  const workingDaysLeft = workingDaysBetween(today, dueDate);
  return {
    formedAt,
    dueDate,
    state: workingDaysLeft <= DUE_SOON_WORKING_DAYS ? 'dueSoon' : 'running',
    workingDaysLeft,
    workingDaysOverdue: 0,
  };
}

export interface ReleaseTiming {
  dueDate: string;
  /** Working days after `formedAt` up to and including the day of release. */
  workingDaysTaken: number;
  late: boolean;
}

/** How long a release on the Beijing day `releasedOn` took, and whether it was after the due date. */
export function releaseTiming(formedAt: string, releasedOn: string): ReleaseTiming {
  const dueDate = disclosureDueDate(formedAt);
  return { dueDate, workingDaysTaken: workingDaysBetween(formedAt, releasedOn), late: releasedOn > dueDate };
}
