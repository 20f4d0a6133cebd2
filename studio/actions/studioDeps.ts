/**
 * The real dependencies of the actions and the badge: the Content Lake through the Studio's
 * client, the signed-in user, Studio toasts and the desk router.
 */
import { useToast } from '@sanity/ui/toast';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useClient, useCurrentUser } from 'sanity';
import { useRouter } from 'sanity/router';
import { SANITY_API_VERSION } from '../../core/content/lakeSource.ts';
import { Workflow } from '../../core/workflow/workflow.ts';
import { createInterpretationActions } from './createInterpretation.ts';
import type { CreateInterpretationDeps, Notice, RunTransition, UnitStatusResult, WorkflowActionDeps } from './deps.ts';
import type { RecordReview, ReviewActionDeps } from './reviewAction.tsx';
import { unitStatusSource } from './unitStatusSource.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { REGISTER_TYPES } from '../../core/model/documentTypes.ts';
import { LakeStore } from '../../core/workflow/lakeStore.ts';
import { annualReportCountActions, type AnnualReportCountDeps } from './annualReportCounts.ts';

/** Wait for typing to pause before re-reading on a revision change. */
const REVISION_SETTLE_MS = 600;

const useLakeClient = () => useClient({ apiVersion: SANITY_API_VERSION });

/** Browser-safe ids (node:crypto is not in the Studio bundle). */
const newId = () => globalThis.crypto.randomUUID();
const newTransactionId = () => newId().replaceAll('-', '').slice(0, 22);

function useCurrentUserName(): string | undefined {
  const user = useCurrentUser();
  return user ? user.name || user.email || user.id : undefined;
}

function useStatusSource() {
  const client = useLakeClient();
  const user = useCurrentUser();
  const name = useCurrentUserName() ?? '';
  return useMemo(() => unitStatusSource(client, user?.id ?? '', name), [client, user?.id, name]);
}

function useSettled<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

function useUnitStatus(id: string, revisions: string): UnitStatusResult {
  const source = useStatusSource();
  const settledRevisions = useSettled(revisions, REVISION_SETTLE_MS);
  const [generation, setGeneration] = useState(0);
  const [result, setResult] = useState<Omit<UnitStatusResult, 'refresh'>>({ loading: true });

  useEffect(() => source.subscribe(() => setGeneration((g) => g + 1)), [source]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is the trigger: a change in the Content Lake bumps it to read the status again
  useEffect(() => {
    let current = true;
    setResult((previous) => ({ ...previous, loading: true }));
    source.status(id, settledRevisions).then(
      ({ status, snapshot }) => current && setResult({ status, snapshot, loading: false }),
      (error: Error) => current && setResult({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [source, id, settledRevisions, generation]);

  const unitKey = result.status?.unit.key;
  const members = result.status?.unit.members.join(',');
  useEffect(() => (unitKey && members ? source.watch(unitKey, members.split(',')) : undefined), [source, unitKey, members]);

  return { ...result, refresh: source.invalidate };
}

function useRun(): RunTransition {
  // The source's store reads the current user's edits, found in the history by user id, as the
  // name they act under — the same name passed as `by` — so four eyes compares like with like.
  const source = useStatusSource();
  return useCallback(
    (transition, id, by, extra) => new Workflow(source.store, { transactionId: newTransactionId }).run(transition, id, by, extra),
    [source],
  );
}

/** Records the yearly 复核 through the workflow and the Content Lake, as `useRun` runs a transition. */
function useReview(): RecordReview {
  const source = useStatusSource();
  return useCallback((id, by, extra) => new Workflow(source.store, { transactionId: newTransactionId }).review(id, by, extra), [source]);
}

function useNotify(): (notice: Notice) => void {
  const toast = useToast();
  return useCallback((notice: Notice) => toast.push({ ...notice, closable: true }), [toast]);
}

function useCreateInterpretation() {
  const client = useLakeClient();
  return useCallback(
    async (policy: Parameters<typeof createInterpretationActions>[0]) => {
      const id = newId();
      await client.action(createInterpretationActions(policy, id));
      return id;
    },
    [client],
  );
}

function useOpenDocument() {
  const router = useRouter();
  return useCallback((id: string, type: string) => router.navigateIntent('edit', { id, type }), [router]);
}

export const workflowDeps: WorkflowActionDeps = { useUnitStatus, useCurrentUserName, useRun, useNotify };
export const createInterpretationDeps: CreateInterpretationDeps = { useCreateInterpretation, useOpenDocument, useNotify };
export const reviewDeps: ReviewActionDeps = { useUnitStatus, useCurrentUserName, useReview, useNotify };

/** Counts an annual report's tables from the whole Content Lake (the workflow's read, and the request register) and writes them. */
function useCountReport() {
  const client = useLakeClient();
  const by = useCurrentUserName() ?? '';
  return useCallback(
    async (id: string, year: number) => {
      const [snapshot, registers] = await Promise.all([
        new LakeStore(client).read(),
        client.fetch<StoredDocument[]>('*[_type in $types]', { types: Object.keys(REGISTER_TYPES) }, { perspective: 'raw' }),
      ]);
      await client.action(annualReportCountActions([...snapshot.documents, ...registers], id, year, by));
    },
    [client, by],
  );
}
export const annualReportCountDeps: AnnualReportCountDeps = { useCountReport, useNotify };
