/**
 * Which units the 20-working-day clock runs for, and since when: units of proactive information
 * that the public cannot read yet. The clock counts to 上线, not to 发布 (条例 第二十六条: 公开 is
 * what the public can read): where a publisher deploys the content source (it has deploy records,
 * core/publish/deployStatus.ts), a released unit's clock runs until a live deploy first contains it,
 * and whether it was on time is judged by that deploy's Beijing day. Where no publisher has ever
 * deployed the source (no records for it), nothing tells when the public saw it, and the release
 * stands in for going live, as it always did. A unit live once has met (or missed) its deadline;
 * a later edit, re-release or withdrawal does not restart it. The clock of a pair starts at the
 * earlier 生成日期 of its two documents, so neither half is given more time than it has.
 */
import { beijingDay } from '../beijingTime.ts';
import { readClock, releaseTiming, type ClockReading, type ReleaseTiming } from '../calendar/disclosureClock.ts';
import type { StoredDocument } from '../model/datasetRules.ts';
import { hasDeploys, unitWentLive, type Deploys, type WentLive } from '../publish/deployStatus.ts';
import type { Snapshot } from './snapshot.ts';
import type { UnitStatus } from './state.ts';

const isProactive = (doc: StoredDocument | undefined) => (doc?.disclosure as { mode?: string } | undefined)?.mode === 'proactive';

const wasPublished = (status: UnitStatus) => status.members.some((m) => m.published || typeof m.current?.publishedAt === 'string');

function everReleased(snapshot: Snapshot, status: UnitStatus): boolean {
  if (wasPublished(status)) return true;
  return snapshot.audit(status.unit.key).some((entry) => entry.action === 'release');
}

/** The earlier 生成日期 of the unit's documents when all of them are proactive and dated: its clock's start. */
function clockFrom(status: UnitStatus): string | undefined {
  if (!status.members.every((m) => isProactive(m.current))) return undefined;
  const dates = status.members.map((m) => m.current?.formedAt).filter((value): value is string => typeof value === 'string');
  if (dates.length !== status.members.length) return undefined;
  return dates.sort()[0];
}

/** When the unit first went live, by the deploys of its content source (core/publish/deployStatus.ts). */
function wentLive(snapshot: Snapshot, status: UnitStatus, deploys: Deploys): WentLive | undefined {
  return unitWentLive(snapshot.audit(status.unit.key), wasPublished(status), deploys);
}

/**
 * Whether the unit is released but not yet on the public site: released, a publisher deploys its
 * content source, and no live deploy has contained it yet (「已发布 · 待上线」).
 */
function awaitingLive(snapshot: Snapshot, status: UnitStatus, deploys: Deploys | undefined): boolean {
  return everReleased(snapshot, status) && hasDeploys(deploys) && !wentLive(snapshot, status, deploys);
}

/**
 * The 生成日期 the unit's clock counts from, or undefined when no clock runs for it: never released,
 * or released and not yet live where `deploys` (the content source's deploy records) say so.
 * Without deploys (the release itself, which cannot know when it will be live) the clock stops at
 * the first release.
 */
export function clockStart(snapshot: Snapshot, status: UnitStatus, deploys?: Deploys): string | undefined {
  if (everReleased(snapshot, status) && !awaitingLive(snapshot, status, deploys)) return undefined;
  return clockFrom(status);
}

/**
 * The unit's first release with a clock (its audit entry carries the due date), measured to the
 * Beijing day it went live: the deploy that first put it live where `deploys` has it; the day of
 * the release where no publisher deploys the source, or it went live before the records begin.
 * Undefined when no clock ran for it, or it is released and not yet live (its clock still runs).
 */
export function unitLiveTiming(snapshot: Snapshot, status: UnitStatus, deploys?: Deploys): ReleaseTiming | undefined {
  const from = clockFrom(status);
  const release = snapshot.audit(status.unit.key).find((entry) => entry.action === 'release' && typeof entry.dueDate === 'string');
  if (from === undefined || !release) return undefined;
  if (!hasDeploys(deploys)) return releaseTiming(from, beijingDay(release.at));
  const live = wentLive(snapshot, status, deploys);
  if (!live) return undefined;
  return releaseTiming(from, beijingDay(live.exact ? live.at : release.at));
}

/** The unit's clock read on `today` (Beijing day), when one runs. */
export function unitClock(snapshot: Snapshot, status: UnitStatus, today: string, deploys?: Deploys): ClockReading | undefined {
  const start = clockStart(snapshot, status, deploys);
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
  /** Released, but no live deploy has it yet: 「已发布 · 待上线」, its clock still running. */
  awaitingLive: boolean;
}

export interface DeadlineLists {
  today: string;
  /** 即将到期: proactive units not yet public with 5 working days left or fewer, the nearest first. */
  dueSoon: DeadlineItem[];
  /** 已超期: proactive units not yet public past their due date, the longest overdue first. */
  overdue: DeadlineItem[];
}

/**
 * The 即将到期 and 已超期 lists of a snapshot on the Beijing day `today`, with the deploy records of
 * its content source where a publisher deploys it (a released unit not yet live stays listed).
 * Throws NoPublishedCalendarError when a clock would need a year the calendar does not carry.
 */
export function deadlineLists(snapshot: Snapshot, statuses: readonly UnitStatus[], today: string, deploys?: Deploys): DeadlineLists {
  const dueSoon: DeadlineItem[] = [];
  const overdue: DeadlineItem[] = [];
  for (const status of statuses) {
    const clock = unitClock(snapshot, status, today, deploys);
    if (!clock || clock.state === 'running') continue;
    const item: DeadlineItem = { ...unitHeading(status), clock, awaitingLive: awaitingLive(snapshot, status, deploys) };
    (clock.state === 'overdue' ? overdue : dueSoon).push(item);
  }
  const byDue = (a: DeadlineItem, b: DeadlineItem) => a.clock.dueDate.localeCompare(b.clock.dueDate) || a.unit.localeCompare(b.unit);
  return { today, dueSoon: dueSoon.sort(byDue), overdue: overdue.sort(byDue) };
}
