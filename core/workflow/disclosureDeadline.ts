/**
 * Which units the 20-working-day clock runs for, and since when: units of proactive information
 * that have never been released. A unit released once has met (or missed) its deadline; a later
 * edit, re-release or withdrawal does not restart it. The clock of a pair starts at the earlier
 * 生成日期 of its two documents, so neither half is given more time than it has.
 */
import { beijingDay } from '../beijingTime.ts';
import { readClock, releaseTiming, type ClockReading, type ReleaseTiming } from '../calendar/disclosureClock.ts';
import type { StoredDocument } from '../model/datasetRules.ts';
import type { Snapshot } from './snapshot.ts';
import type { UnitStatus } from './state.ts';

const isProactive = (doc: StoredDocument | undefined) => (doc?.disclosure as { mode?: string } | undefined)?.mode === 'proactive';

function everReleased(snapshot: Snapshot, status: UnitStatus): boolean {
  if (status.members.some((m) => m.published || typeof m.current?.publishedAt === 'string')) return true;
  return snapshot.audit(status.unit.key).some((entry) => entry.action === 'release');
}

/** The 生成日期 the unit's clock counts from, or undefined when no clock runs for it. */
export function clockStart(snapshot: Snapshot, status: UnitStatus): string | undefined {
  if (!status.members.every((m) => isProactive(m.current)) || everReleased(snapshot, status)) return undefined;
  const dates = status.members.map((m) => m.current?.formedAt).filter((value): value is string => typeof value === 'string');
  if (dates.length !== status.members.length) return undefined;
  return dates.sort()[0];
}

/** The unit's clock read on `today` (Beijing day), when one runs. */
export function unitClock(snapshot: Snapshot, status: UnitStatus, today: string): ClockReading | undefined {
  const start = clockStart(snapshot, status);
  return start === undefined ? undefined : readClock(start, today);
}

/** What a release at the instant `at` would take on the unit's clock, when one runs. */
export function unitReleaseTiming(snapshot: Snapshot, status: UnitStatus, at: string): ReleaseTiming | undefined {
  const start = clockStart(snapshot, status);
  return start === undefined ? undefined : releaseTiming(start, beijingDay(at));
}

/**
 * What releasing the unit at `at` would be on its clock (due date, and whether late), so the
 * person can be asked why before a late release (the Studio dialog). Undefined when no clock
 * runs or the calendar cannot read it: then the release itself says what is wrong.
 */
export function releaseDeadline(snapshot: Snapshot, status: UnitStatus, at: string): ReleaseTiming | undefined {
  try {
    return unitReleaseTiming(snapshot, status, at);
  } catch {
    return undefined;
  }
}

/** Whether releasing the unit at `at` would come after its due date (see releaseDeadline). */
export function releaseIsLate(snapshot: Snapshot, status: UnitStatus, at: string): boolean {
  return releaseDeadline(snapshot, status, at)?.late ?? false;
}

/** How a desk list names a unit: its key, its documents, and the first document's title and type. */
export interface UnitHeading {
  /** The unit's key (the policy's id for a pair). */
  unit: string;
  /** Every document of the unit. */
  documents: string[];
  title: string;
  type: string;
}

export function unitHeading(status: UnitStatus): UnitHeading {
  const first = status.members[0]?.current;
  return {
    unit: status.unit.key,
    documents: [...status.unit.members],
    title: typeof first?.title === 'string' ? first.title : status.unit.key,
    type: first?._type ?? '',
  };
}

export interface DeadlineItem extends UnitHeading {
  clock: ClockReading;
}

export interface DeadlineLists {
  today: string;
  /** 即将到期: unreleased proactive units with 5 working days left or fewer, the nearest first. */
  dueSoon: DeadlineItem[];
  /** 已超期: unreleased proactive units past their due date, the longest overdue first. */
  overdue: DeadlineItem[];
}

/**
 * The 即将到期 and 已超期 lists of a snapshot on the Beijing day `today`. Throws
 * NoPublishedCalendarError when a clock would need a year the calendar does not carry.
 */
export function deadlineLists(snapshot: Snapshot, statuses: readonly UnitStatus[], today: string): DeadlineLists {
  const dueSoon: DeadlineItem[] = [];
  const overdue: DeadlineItem[] = [];
  for (const status of statuses) {
    const clock = unitClock(snapshot, status, today);
    if (!clock || clock.state === 'running') continue;
    const item: DeadlineItem = { ...unitHeading(status), clock };
    (clock.state === 'overdue' ? overdue : dueSoon).push(item);
  }
  const byDue = (a: DeadlineItem, b: DeadlineItem) => a.clock.dueDate.localeCompare(b.clock.dueDate) || a.unit.localeCompare(b.unit);
  return { today, dueSoon: dueSoon.sort(byDue), overdue: overdue.sort(byDue) };
}
