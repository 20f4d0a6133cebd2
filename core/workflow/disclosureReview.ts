/**
 * The yearly 复核 of information that is not proactive (条例 第十八条; the seed's 每年…对本单位不予公开、
 * 以及依申请公开…的信息进行全面自查): which units are due for their review and since when.
 *
 * A unit's last review is its documents' `disclosure.reviewedAt`, written by the review action
 * (transitions.ts `reviewDisclosure`); a document never reviewed counts from its 生成日期, so the
 * first review is due one year after the information was formed. The next review is due one
 * calendar year after the last (a review on 29 February is next due on 28 February); the desk
 * lists a unit from 30 days before that day (即将复核) and after it (复核已逾期). A pair is reviewed
 * as one: it is due when its earlier document is.
 *
 * Calendar days, not working days: the 条例 asks for a yearly review, not a deadline in working
 * days, so no holiday calendar is needed and no year is ever refused here.
 */
import type { StoredDocument } from '../model/datasetRules.ts';
import type { DisclosureMode, ReviewOutcome, WithholdingGround } from '../model/vocabulary.ts';
import { REVIEW_OUTCOMES } from '../model/vocabulary.ts';
import { type UnitHeading, unitHeading } from './disclosureDeadline.ts';
import type { UnitStatus } from './state.ts';
import { calendarDaysBetween, isDateString, oneYearAfter } from '../calendar/calendarDays.ts';

/** Days before the due date from which a unit is listed as 即将复核. */
export const REVIEW_DUE_SOON_DAYS = 30;

interface Disclosure {
  mode?: DisclosureMode;
  ground?: WithholdingGround;
  reviewedAt?: string;
}

const disclosureOf = (doc: StoredDocument | undefined) => (doc?.disclosure ?? {}) as Disclosure;

/** Whether a document's current version is information that is not proactive (依申请公开 or 不予公开). */
export function isUnderReview(doc: StoredDocument | undefined): boolean {
  const mode = disclosureOf(doc).mode;
  return mode !== undefined && mode !== 'proactive';
}

export function isReviewOutcome(value: string | undefined): value is ReviewOutcome {
  return value !== undefined && Object.hasOwn(REVIEW_OUTCOMES, value);
}

export interface ReviewItem extends UnitHeading {
  mode: DisclosureMode;
  ground: WithholdingGround | undefined;
  /** The day the clock counts from: the last 复核, or 生成日期 when never reviewed. */
  since: string;
  neverReviewed: boolean;
  /** One calendar year after `since`. */
  dueDate: string;
  /** Days until the due date: 0 on the day, negative once overdue. */
  daysLeft: number;
}

export interface ReviewLists {
  today: string;
  /** 即将复核: due within REVIEW_DUE_SOON_DAYS days (the due day included), the nearest first. */
  dueSoon: ReviewItem[];
  /** 复核已逾期: past the due date, the longest overdue first. */
  overdue: ReviewItem[];
}

/**
 * The unit's review clock, when all its documents are not proactive: counted from the earliest of
 * their last reviews (or 生成日期 for a document never reviewed). Undefined for proactive units and
 * for a document with no date at all (the model requires 生成日期; an unreadable one is not guessed).
 */
export function unitReview(status: UnitStatus): Omit<ReviewItem, 'unit' | 'documents' | 'title' | 'type' | 'daysLeft'> | undefined {
  const current = status.members.map((m) => m.current);
  if (current.length === 0 || !current.every(isUnderReview)) return undefined;
  const starts = current.map((doc) => {
    const reviewedAt = disclosureOf(doc).reviewedAt;
    return typeof reviewedAt === 'string' && isDateString(reviewedAt)
      ? { day: reviewedAt, reviewed: true }
      : typeof doc?.formedAt === 'string' && isDateString(doc.formedAt)
        ? { day: doc.formedAt, reviewed: false }
        : undefined;
  });
  if (starts.some((start) => start === undefined)) return undefined;
  const earliest = starts.sort((a, b) => a!.day.localeCompare(b!.day))[0]!;
  const first = disclosureOf(current[0]);
  const dueDate = oneYearAfter(earliest.day);
  return {
    mode: first.mode!,
    ground: first.ground,
    since: earliest.day,
    neverReviewed: !earliest.reviewed,
    dueDate,
  };
}

/** The 即将复核 and 复核已逾期 lists of a snapshot on the Beijing day `today`. */
export function reviewLists(statuses: readonly UnitStatus[], today: string): ReviewLists {
  const dueSoon: ReviewItem[] = [];
  const overdue: ReviewItem[] = [];
  for (const status of statuses) {
    const review = unitReview(status);
    if (!review) continue;
    const daysLeft = calendarDaysBetween(today, review.dueDate);
    if (daysLeft > REVIEW_DUE_SOON_DAYS) continue;
    const item: ReviewItem = {
      ...unitHeading(status),
      ...review,
      daysLeft,
    };
    (daysLeft < 0 ? overdue : dueSoon).push(item);
  }
  const byDue = (a: ReviewItem, b: ReviewItem) => a.dueDate.localeCompare(b.dueDate) || a.unit.localeCompare(b.unit);
  return { today, dueSoon: dueSoon.sort(byDue), overdue: overdue.sort(byDue) };
}
