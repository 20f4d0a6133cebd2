/**
 * 公开属性复核 as a Studio document action, shown only on information that is not proactive: the
 * yearly review of 条例 第十八条, recorded through the workflow (core/workflow/transitions.ts
 * `reviewDisclosure`) as the current user. Like the workflow's buttons it is enabled when the
 * review would be recorded on the unit's snapshot, and otherwise says why; the click asks for the
 * conclusion and a comment, and records them on a fresh read.
 */
import { useState } from 'react';
import type { DocumentActionComponent, DocumentActionDescription, DocumentActionProps } from 'sanity';
import type { ReviewOutcome } from '../../core/model/vocabulary.ts';
import { DISCLOSURE_MODES } from '../../core/model/vocabulary.ts';
import { isUnderReview, unitReview } from '../../core/workflow/disclosureReview.ts';
import type { Plan } from '../../core/workflow/plan.ts';
import { reviewDisclosure } from '../../core/workflow/transitions.ts';
import { refusalText, WorkflowError } from '../../core/workflow/units.ts';
import { AVAILABILITY_WAITING, type Availability } from '../../core/workflow/availability.ts';
import { REVIEW_DIALOG } from '../i18n.ts';
import { describeError, revisionKey, type Notice, type UnitStatusResult, type UseUnitStatus } from './deps.ts';
import { ReviewDialog } from './ReviewDialog.tsx';

export type RecordReview = (id: string, by: string, extra: { outcome: ReviewOutcome; comment?: string }) => Promise<Plan>;

export interface ReviewActionDeps {
  useUnitStatus: UseUnitStatus;
  useCurrentUserName: () => string | undefined;
  /** Returns the function that records a review through the workflow and the Content Lake. */
  useReview: () => RecordReview;
  useNotify: () => (notice: Notice) => void;
}

/** Whether recording a review now would succeed: a dry run of the rule, its refusal as the reason. */
function reviewAvailability(unit: UnitStatusResult, id: string, user: string | undefined, now: Date = new Date()): Availability {
  if (unit.error) return { enabled: false, reason: describeError(unit.error) };
  if (!unit.snapshot || !unit.status) return { enabled: false, reason: AVAILABILITY_WAITING.status };
  if (user === undefined) return { enabled: false, reason: AVAILABILITY_WAITING.user };
  try {
    reviewDisclosure(unit.snapshot, id, { by: user, at: now.toISOString(), transactionId: 'availability', outcome: 'keep' });
    return { enabled: true };
  } catch (error) {
    if (error instanceof WorkflowError) return { enabled: false, reason: refusalText(error) };
    return { enabled: false, reason: `无法判断能否复核：${(error as Error)?.message ?? String(error)}` };
  }
}

/** What the dialog says about the unit: its mode, its last review and when the next is due. */
function reviewPrompt(unit: UnitStatusResult): string {
  const review = unit.status ? unitReview(unit.status) : undefined;
  if (!review) return REVIEW_DIALOG.header;
  return REVIEW_DIALOG.prompt(DISCLOSURE_MODES[review.mode], review.since, review.neverReviewed, review.dueDate);
}

export function createReviewAction(deps: ReviewActionDeps): DocumentActionComponent {
  const Action: DocumentActionComponent = (props: DocumentActionProps) => {
    const unit = deps.useUnitStatus(props.id, revisionKey(props));
    const user = deps.useCurrentUserName();
    const review = deps.useReview();
    const notify = deps.useNotify();
    const [dialogOpen, setDialogOpen] = useState(false);
    const [busy, setBusy] = useState(false);

    // Only information that is not proactive is reviewed: no button at all on the rest.
    if (!isUnderReview((props.draft ?? props.published) as never)) return null;

    const availability = reviewAvailability(unit, props.id, user);
    const close = () => {
      setDialogOpen(false);
      props.onComplete();
    };
    const execute = async (outcome: ReviewOutcome, comment: string) => {
      setBusy(true);
      try {
        await review(props.id, user ?? '', { outcome, ...(comment ? { comment } : {}) });
        notify({
          status: 'success',
          title: REVIEW_DIALOG.done,
          ...(outcome === 'proactive' ? { description: REVIEW_DIALOG.doneProactive } : {}),
        });
      } catch (error) {
        notify({ status: 'error', title: REVIEW_DIALOG.failed, description: describeError(error) });
      } finally {
        setBusy(false);
        unit.refresh?.();
        close();
      }
    };

    const dialog: DocumentActionDescription['dialog'] = dialogOpen
      ? {
          type: 'dialog',
          header: REVIEW_DIALOG.header,
          onClose: close,
          content: (
            <ReviewDialog
              prompt={reviewPrompt(unit)}
              busy={busy}
              onConfirm={(outcome, comment) => void execute(outcome, comment)}
              onCancel={close}
            />
          ),
        }
      : null;

    return {
      label: REVIEW_DIALOG.label,
      tone: 'primary',
      disabled: busy || !availability.enabled,
      title: availability.enabled ? undefined : availability.reason,
      onHandle: () => setDialogOpen(true),
      dialog,
    };
  };
  Action.displayName = 'DisclosureReview';
  return Action;
}
