/**
 * 送审 · 审签 · 退回 · 同步发布 · 同步撤回 as Studio document actions, built from their
 * dependencies so tests can render them with fakes. Each button runs its transition on the
 * unit's snapshot as the current user (core/workflow/availability.ts): enabled when that
 * returns a plan, otherwise disabled with the transition's own refusal as its tooltip. The
 * click runs the transition again, on a fresh read, before anything is written.
 */
import { useState } from 'react';
import type { DocumentActionComponent, DocumentActionDescription, DocumentActionProps } from 'sanity';
import {
  ACTION_NAMES,
  AVAILABILITY_WAITING,
  availability as decideAvailability,
  type ActionName,
  type Availability,
} from '../../core/workflow/availability.ts';
import { releaseDeadline } from '../../core/workflow/disclosureDeadline.ts';
import { conditionalTextOf, confirmationOf, needsText, TRANSITIONS } from '../../core/workflow/transitionTable.ts';
import { ACTION_LABELS, LATE_RELEASE_DIALOG, RELEASE_CONFIRM, SIGN_OFF_DIALOG, TEXT_DIALOGS, TOASTS } from '../i18n.ts';
import { ConfirmationDialog } from './ConfirmationDialog.tsx';
import { describeError, revisionKey, type UnitStatusResult, type WorkflowActionDeps } from './deps.ts';
import { TextDialog } from './TextDialog.tsx';

const TONES: Record<ActionName, DocumentActionDescription['tone']> = {
  submit: 'primary',
  signoff: 'positive',
  return: 'caution',
  release: 'positive',
  withdraw: 'critical',
};

export interface TextDialogSpec {
  /** The transition's field the words go into. */
  field: 'comment' | 'reason' | 'lateReason';
  header: string;
  prompt: string;
  placeholder: string;
  confirm: string;
}

/**
 * The words a click asks for before the transition runs, if any: the 退回 comment, the 撤回
 * reason, or — for a release after the unit's due date on `now` — the 超期理由 (instead of the
 * plain release confirmation).
 */
export function textDialogFor(name: ActionName, unit: UnitStatusResult, id: string, now: Date): TextDialogSpec | undefined {
  if (needsText(name)) return { field: TRANSITIONS[name].text.field, ...TEXT_DIALOGS[name] };
  const conditional = conditionalTextOf(name);
  if (!conditional || !unit.snapshot || !unit.status) return undefined;
  const timing = releaseDeadline(unit.snapshot, unit.status, now.toISOString());
  if (!timing?.late) return undefined;
  return {
    field: conditional.field,
    ...LATE_RELEASE_DIALOG,
    prompt: LATE_RELEASE_DIALOG.prompt(unit.status.unit.key ?? id, timing.dueDate),
  };
}

export interface ConfirmationDialogSpec {
  /** The transition's field the confirmation goes into. */
  field: 'confidentialityChecked';
  header: string;
  prompt: string;
  statement: string;
  confirm: string;
  unchecked: string;
}

/** The confirmation a click asks for before the transition runs, if any: the 审签's 保密审查. */
export function confirmationDialogFor(name: ActionName, unit: UnitStatusResult, id: string): ConfirmationDialogSpec | undefined {
  const confirmation = confirmationOf(name);
  if (!confirmation) return undefined;
  return { field: confirmation.field, ...SIGN_OFF_DIALOG, prompt: SIGN_OFF_DIALOG.prompt(unit.status?.unit.members ?? [id]) };
}

function availabilityOf(name: ActionName, unit: UnitStatusResult, id: string, user: string | undefined): Availability {
  if (unit.error) return { enabled: false, reason: describeError(unit.error) };
  if (!unit.snapshot || !unit.status) return { enabled: false, reason: AVAILABILITY_WAITING.status };
  if (user === undefined) return { enabled: false, reason: AVAILABILITY_WAITING.user };
  return decideAvailability(unit.snapshot, name, id, user);
}

function createWorkflowAction(name: ActionName, deps: WorkflowActionDeps): DocumentActionComponent {
  const label = ACTION_LABELS[name];
  const Action: DocumentActionComponent = (props: DocumentActionProps) => {
    const unit = deps.useUnitStatus(props.id, revisionKey(props));
    const user = deps.useCurrentUserName();
    const run = deps.useRun();
    const notify = deps.useNotify();
    const [dialogOpen, setDialogOpen] = useState(false);
    const [busy, setBusy] = useState(false);

    const availability = availabilityOf(name, unit, props.id, user);

    const close = () => {
      setDialogOpen(false);
      props.onComplete();
    };
    const textDialog = textDialogFor(name, unit, props.id, new Date());
    const confirmationDialog = confirmationDialogFor(name, unit, props.id);

    const execute = async (text?: string, confirmed?: ConfirmationDialogSpec['field']) => {
      setBusy(true);
      const field = textDialog?.field;
      try {
        await run(name, props.id, user ?? '', { ...(field ? { [field]: text } : {}), ...(confirmed ? { [confirmed]: true } : {}) });
        notify({ status: 'success', title: TOASTS.done(label) });
      } catch (error) {
        notify({ status: 'error', title: TOASTS.failed(label), description: describeError(error) });
      } finally {
        setBusy(false);
        // Records (审签单, audit entries) change no document revision: ask for a fresh state.
        unit.refresh?.();
        close();
      }
    };

    let dialog: DocumentActionDescription['dialog'] = null;
    if (dialogOpen && textDialog) {
      dialog = {
        type: 'dialog',
        header: textDialog.header,
        onClose: close,
        content: (
          <TextDialog
            prompt={textDialog.prompt}
            placeholder={textDialog.placeholder}
            confirm={textDialog.confirm}
            busy={busy}
            onConfirm={(text) => void execute(text)}
            onCancel={close}
          />
        ),
      };
    } else if (dialogOpen && confirmationDialog) {
      dialog = {
        type: 'dialog',
        header: confirmationDialog.header,
        onClose: close,
        content: (
          <ConfirmationDialog
            prompt={confirmationDialog.prompt}
            statement={confirmationDialog.statement}
            confirm={confirmationDialog.confirm}
            unchecked={confirmationDialog.unchecked}
            busy={busy}
            onConfirm={() => void execute(undefined, confirmationDialog.field)}
            onCancel={close}
          />
        ),
      };
    } else if (dialogOpen && name === 'release') {
      dialog = {
        type: 'confirm',
        tone: 'positive',
        message: RELEASE_CONFIRM.message(unit.status?.unit.members ?? [props.id]),
        confirmButtonText: RELEASE_CONFIRM.confirm,
        cancelButtonText: RELEASE_CONFIRM.cancel,
        onConfirm: () => void execute(),
        onCancel: close,
      };
    }

    return {
      label: busy ? TOASTS.busy(label) : label,
      tone: TONES[name],
      disabled: busy || !availability.enabled,
      title: availability.enabled ? undefined : availability.reason,
      onHandle: textDialog || confirmationDialog || name === 'release' ? () => setDialogOpen(true) : () => void execute(),
      dialog,
    };
  };
  Action.displayName = `WorkflowAction(${name})`;
  return Action;
}

/** The five workflow actions, in the order an editor meets them. */
export function createWorkflowActions(deps: WorkflowActionDeps): Record<ActionName, DocumentActionComponent> {
  return Object.fromEntries(ACTION_NAMES.map((name) => [name, createWorkflowAction(name, deps)])) as Record<
    ActionName,
    DocumentActionComponent
  >;
}
