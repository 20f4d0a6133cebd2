/**
 * Random sequences of edits, submissions, sign-offs, returns, releases and withdrawals by
 * random users — with writes failing in the middle of releases and edits landing between
 * sign-off and release. After every step, whatever succeeded or was refused:
 * - no public document lacks its public partner;
 * - every public revision is exactly a revision someone other than its author signed off;
 * - nothing that is not proactive is public through a pair;
 * - the audit log accounts for every change of what is published.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDataset } from '../../core/content/dataset.ts';
import { toNdjson } from '../../core/content/ndjson.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { MemoryStore } from '../../core/workflow/memoryStore.ts';
import { Snapshot } from '../../core/workflow/snapshot.ts';
import { WorkflowError } from '../../core/workflow/units.ts';
import { RevisionConflict, strengthenReferences } from '../../core/workflow/plan.ts';
import { Workflow } from '../../core/workflow/workflow.ts';
import { workflowDataset } from './fixtures.ts';

const USERS = ['王编辑', '赵编辑', '李审核', '陈审核'];
const DOCS = ['policy-a', 'interpretation-a', 'policy-b', 'interpretation-b', 'news-a'];
const PAIRS: Record<string, string> = {
  'policy-a': 'interpretation-a',
  'interpretation-a': 'policy-a',
  'policy-b': 'interpretation-b',
  'interpretation-b': 'policy-b',
};
const STAMPED = new Set(['_id', '_rev', '_updatedAt', '_createdAt', 'publishedAt', 'indexNumber']);

type Step =
  | { kind: 'edit'; doc: string; user: string; change: number }
  | { kind: 'disclosure'; doc: string; user: string; withheld: boolean }
  | { kind: 'submit' | 'signoff' | 'release' | 'failingRelease'; doc: string; user: string }
  | { kind: 'return' | 'withdraw'; doc: string; user: string; text: string }
  /** A whole round: submit, sign-off, maybe an edit in between, then a release that may fail. */
  | { kind: 'round'; doc: string; user: string; reviewer: string; editBetween: boolean; fail: boolean };

const user = fc.constantFrom(...USERS);
const doc = fc.constantFrom(...DOCS);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), doc, user, change: fc.nat(1000) }),
  fc.record({ kind: fc.constant('disclosure' as const), doc, user, withheld: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('submit' as const, 'signoff' as const, 'release' as const, 'failingRelease' as const), doc, user }),
  fc.record({
    kind: fc.constantFrom('return' as const, 'withdraw' as const),
    doc,
    user,
    text: fc.constantFrom('', '需要修改', '依据调整'),
  }),
  fc.record({ kind: fc.constant('round' as const), doc, user, reviewer: user, editBetween: fc.boolean(), fail: fc.boolean() }),
);

/** The content of a version, without what a release stamps on it (dates, 索引号, strong references). */
function content(document: StoredDocument): string {
  return JSON.stringify(
    Object.entries(strengthenReferences(document))
      .filter(([key]) => !STAMPED.has(key))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Every version ever written, by id@rev, so a published document can be traced to what was signed. */
function remember(versions: Map<string, string>, documents: readonly StoredDocument[]): void {
  for (const document of documents) versions.set(`${document._id.replace(/^drafts\./, '')}@${document._rev}`, content(document));
}

function checkInvariants(documents: StoredDocument[], initial: Map<string, string>, versions: Map<string, string>): void {
  const snapshot = new Snapshot(documents);
  // The whole dataset is still valid, the pair rule on published documents included.
  parseDataset(toNdjson(documents), 'property');
  const isPublic = (id: string) => (snapshot.published(id)?.disclosure as { mode?: string } | undefined)?.mode === 'proactive';
  for (const id of DOCS) {
    const published = snapshot.published(id);
    if (PAIRS[id] && isPublic(id)) expect(isPublic(PAIRS[id]!), `${id} is public without ${PAIRS[id]}`).toBe(true);
    const unit = id.startsWith('interpretation-') ? PAIRS[id]! : id;
    const touching = snapshot.audit(unit).filter((e) => e.action === 'release' || e.action === 'withdraw');
    const last = touching.at(-1);
    if (published) {
      if (!last) {
        // Never released nor withdrawn since the start: still exactly the initial version.
        expect(initial.get(id), `${id} changed without a release`).toBe(published._rev);
        continue;
      }
      expect(last.action, `${id} is published but the log's last word is a withdrawal`).toBe('release');
      expect(last.published?.find((p) => p.document === id)?.rev).toBe(published._rev);
      // The release published what was signed: an approving 审签单 of the same revisions.
      const signOff = snapshot.signOff(last.signOff ?? '');
      expect(signOff?.decision).toBe('approve');
      const signed = signOff!.revisions.find((r) => r.document === id)!;
      expect(last.revisions.find((r) => r.document === id)?.rev).toBe(signed.rev);
      expect(content(published)).toBe(versions.get(`${id}@${signed.rev}`));
      const author = versions.get(`${id}@${signed.rev}`)!.includes('"lastEditedBy"')
        ? JSON.parse(versions.get(`${id}@${signed.rev}`)!).find(([k]: [string]) => k === 'lastEditedBy')?.[1]
        : undefined;
      if (author) expect(signOff!.signer).not.toBe(author);
    } else if (initial.has(id) || touching.some((e) => e.action === 'release')) {
      expect(last?.action, `${id} disappeared without a withdrawal`).toBe('withdraw');
    }
  }
}

function ignoreRefusal(error: unknown): void {
  if (!(error instanceof WorkflowError)) throw error;
}

async function apply(workflow: Workflow, store: MemoryStore, s: Step): Promise<void> {
  switch (s.kind) {
    case 'edit':
      return void (await workflow.edit(s.doc, s.user, { summary: `第 ${s.change} 次修改` }));
    case 'disclosure':
      return void (await workflow.edit(s.doc, s.user, {
        disclosure: s.withheld ? { mode: 'withheld', ground: 'processInformation', reason: '《条例》第十六条' } : { mode: 'proactive' },
      }));
    case 'failingRelease':
      store.failNextWrite = true;
      return void (await workflow.run('release', s.doc, s.user).finally(() => (store.failNextWrite = false)));
    case 'return':
      return void (await workflow.run('return', s.doc, s.user, { comment: s.text }));
    case 'withdraw':
      return void (await workflow.run('withdraw', s.doc, s.user, { reason: s.text }));
    case 'round':
      // Each phase is its own step of the sequence; the invariants are checked after the round.
      await workflow.run('submit', s.doc, s.user).catch(ignoreRefusal);
      await workflow.run('signoff', s.doc, s.reviewer, { confidentialityChecked: true }).catch(ignoreRefusal);
      if (s.editBetween) await workflow.edit(PAIRS[s.doc] ?? s.doc, s.user, { summary: '审签后又修改' });
      store.failNextWrite = s.fail;
      return void (await workflow.run('release', s.doc, s.reviewer).finally(() => (store.failNextWrite = false)));
    default:
      return void (await workflow.run(s.kind, s.doc, s.user, s.kind === 'signoff' ? { confidentialityChecked: true } : {}));
  }
}

describe('workflow property', () => {
  it('holds its invariants over 10,000 random sequences with injected write failures', async () => {
    let steps = 0;
    let faults = 0;
    let releases = 0;
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (sequence) => {
        const store = new MemoryStore(workflowDataset());
        let tx = 0;
        let minute = 0;
        const workflow = new Workflow(store, { now: () => new Date(Date.UTC(2026, 10, 2, 0, minute++)), transactionId: () => `t${++tx}` });
        const initial = new Map(store.documents.filter((d) => !d._id.startsWith('drafts.')).map((d) => [d._id, d._rev!]));
        const versions = new Map<string, string>();
        remember(versions, store.documents);
        for (const s of sequence) {
          const before = store.documents;
          const auditBefore = new Snapshot(before).audit().length;
          try {
            await apply(workflow, store, s);
            if (s.kind === 'release' || s.kind === 'round') releases++;
          } catch (error) {
            if ((s.kind === 'failingRelease' || s.kind === 'round') && String(error).includes('模拟故障')) faults++;
            else if (!(error instanceof WorkflowError) && !(error instanceof RevisionConflict)) throw error;
            // A refused or failed transition changes nothing at all.
            if (s.kind !== 'round') expect(store.documents).toBe(before);
          }
          steps++;
          remember(versions, store.documents);
          if (s.kind !== 'round') {
            const auditAfter = new Snapshot(store.documents).audit().length;
            expect(auditAfter - auditBefore).toBe(store.documents === before || s.kind === 'edit' || s.kind === 'disclosure' ? 0 : 1);
          }
          checkInvariants(store.documents, initial, versions);
        }
      }),
      { numRuns: 10_000, seed: 20261128 },
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `[property] 10000 sequences, ${steps} steps, ${releases} releases, ${faults} injected write failures, ${seconds.toFixed(1)} s`,
    );
    expect(faults).toBeGreaterThan(100);
    expect(releases).toBeGreaterThan(100);
  }, 600_000);
});
