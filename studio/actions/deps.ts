/**
 * What the document actions and the badge need from Studio, as hooks passed in. The real ones
 * (studioDeps.ts) talk to the Content Lake; tests pass fakes and render the actions without a
 * Studio, a network or a browser.
 */
import type { Plan } from '../../core/workflow/plan.ts';
import type { Snapshot } from '../../core/workflow/snapshot.ts';
import type { UnitStatus } from '../../core/workflow/state.ts';
import type { Transition } from '../../core/workflow/transitionTable.ts';
import { refusalText } from '../../core/workflow/units.ts';

export interface UnitStatusResult {
  /** The unit's derived state; kept while a re-read is in flight so buttons do not flicker. */
  status?: UnitStatus;
  /** What the status was derived from: the actions run the transitions on it to decide availability. */
  snapshot?: Snapshot;
  /** Why there is no status: e.g. a policy with no interpretation yet (a WorkflowError). */
  error?: Error;
  loading: boolean;
  /** Re-reads now (after a transition wrote records that change no document revision). */
  refresh?: () => void;
}

/**
 * Reads the unit of document `id`; `revisions` (its draft and published `_rev`) changes when
 * the document does, which triggers a re-read.
 */
export type UseUnitStatus = (id: string, revisions: string) => UnitStatusResult;

/** The name the current user acts under (name, else e-mail, else id); undefined while unknown. */
type UseCurrentUserName = () => string | undefined;

export type RunTransition = (
  transition: Transition,
  id: string,
  by: string,
  extra?: { comment?: string; reason?: string; lateReason?: string; confidentialityChecked?: boolean },
) => Promise<Plan>;
/** Returns the function that runs a transition through the workflow and the Content Lake. */
type UseRun = () => RunTransition;

export interface Notice {
  status: 'success' | 'error' | 'info';
  title: string;
  description?: string;
}
/** Returns the function that shows a Studio toast. */
type UseNotify = () => (notice: Notice) => void;

export interface WorkflowActionDeps {
  useUnitStatus: UseUnitStatus;
  useCurrentUserName: UseCurrentUserName;
  useRun: UseRun;
  useNotify: UseNotify;
}

/** A policy as the create-interpretation action reads it. */
export interface PolicyDraftSource {
  _id: string;
  title?: unknown;
  drafter?: unknown;
  disclosure?: unknown;
  topic?: unknown;
  interpretation?: unknown;
}

export interface CreateInterpretationDeps {
  /** Returns the function that creates the linked interpretation draft and resolves to its id. */
  useCreateInterpretation: () => (policy: PolicyDraftSource) => Promise<string>;
  /** Returns the function that opens a document in the desk. */
  useOpenDocument: () => (id: string, type: string) => void;
  useNotify: UseNotify;
}

/** The revisions of an edit state as one string, for hooks that re-read when they change. */
export function revisionKey(props: { draft?: { _rev?: string } | null; published?: { _rev?: string } | null }): string {
  return `${props.draft?._rev ?? '-'}/${props.published?._rev ?? '-'}`;
}

/** An error as an editor should read it: a WorkflowError's message followed by what to do. */
export function describeError(error: unknown): string {
  const e = error as { message?: string; hint?: string };
  return refusalText({ message: e?.message ?? String(error), ...(e?.hint ? { hint: e.hint } : {}) });
}
