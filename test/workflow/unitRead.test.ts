/**
 * Studio's badge and buttons refresh from a read of one unit, not of the dataset: with 1,200
 * other documents (drafts among them, 索引号 and audit entries of other units) in a Content
 * Lake that answers GROQ as the real one does (groq-js), a badge refresh fetches only the
 * unit's documents and records in two queries, as does a transition run from a button — and
 * the transitions decide on that read exactly what they decide on a full read, 索引号 and
 * audit sequence included.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { ACTION_NAMES, availableActions } from '../../core/workflow/availability.ts';
import { LakeStore } from '../../core/workflow/lakeStore.ts';
import { MemoryStore } from '../../core/workflow/memoryStore.ts';
import { TRANSITIONS } from '../../core/workflow/transitionTable.ts';
import { Workflow } from '../../core/workflow/workflow.ts';
import { UnitStatusSource } from '../../studio/actions/unitStatusSource.ts';
import { type FakeLake, startFakeLake } from '../helpers/fakeLake.ts';
import { deterministic, workflowDataset } from './fixtures.ts';

const NOW = new Date('2026-11-02T02:00:00Z');
const OTHERS = 1_200;

interface Request {
  kind: 'query' | 'history' | 'actions' | 'other';
  documents: number;
  ids: string[];
}
let lake: FakeLake;
let dataset: StoredDocument[] = [];
let requests: Request[] = [];

/** Every document (an object with an `_id`) in a query result. */
function documentIds(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) documentIds(item, out);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record._id === 'string') out.push(record._id);
    else for (const child of Object.values(record)) documentIds(child, out);
  }
  return out;
}

beforeAll(async () => {
  lake = await startFakeLake({
    documents: () => dataset,
    onQuery: (result) => {
      const ids = documentIds(result);
      requests.push({ kind: 'query', documents: ids.length, ids });
    },
    answer: ({ url, raw }) => {
      if (url.pathname.includes('/data/history/')) {
        requests.push({ kind: 'history', documents: 0, ids: [] });
        return { ndjson: '' };
      }
      if (url.pathname.includes('/data/actions/')) {
        requests.push({ kind: 'actions', documents: 0, ids: [] });
        return { json: { transactionId: (JSON.parse(raw) as { transactionId?: string }).transactionId } };
      }
      requests.push({ kind: 'other', documents: 0, ids: [] });
      return { status: 404, json: {} };
    },
  });
});
afterAll(() => lake.close());
beforeEach(() => {
  requests = [];
});

/**
 * The rest of a bureau's archive: published documents with bodies and 索引号 of this year
 * (higher than any of the unit's), a quarter of them with a draft edited in Studio (no
 * `lastEditedBy`: a full read asks the History API for each), and audit entries of other
 * units with higher sequence numbers.
 */
function archive(count: number): StoredDocument[] {
  const docs: StoredDocument[] = [];
  for (let n = 1; n <= count; n++) {
    const doc: StoredDocument = {
      _id: `news-${n}`,
      _type: 'trademarkNews',
      _rev: `n${n}`,
      title: `商标品牌动态 第${n}期`,
      indexNumber: `MB1D50237/2026-${String(100 + n).padStart(5, '0')}`,
      body: [{ _type: 'block', _key: 'b', children: [{ _type: 'span', _key: 's', text: '正文'.repeat(200) }] }],
    };
    docs.push(doc);
    if (n % 4 === 0) docs.push({ ...doc, _id: `drafts.news-${n}`, _rev: `nd${n}`, title: `${String(doc.title)}（修订）` });
    if (n % 10 === 0)
      docs.push({
        _id: `audit.news-${n}.${1000 + n}`,
        _type: 'workflowAudit',
        _rev: `a${n}`,
        unit: `news-${n}`,
        seq: 1000 + n,
        action: 'submit',
        actor: '王编辑',
        at: '2026-10-01T00:00:00Z',
        revisions: [],
      });
  }
  return docs;
}

/** The fixture brought to a state by the real workflow, inside the archive. */
async function archiveWith(steps: (w: Workflow) => Promise<unknown>): Promise<StoredDocument[]> {
  const store = new MemoryStore(workflowDataset());
  await steps(new Workflow(store, deterministic()));
  return [...archive(OTHERS), ...store.documents];
}

const signed = (w: Workflow) =>
  w.run('submit', 'policy-b', '王编辑').then(() => w.run('signoff', 'policy-b', '李审核', { confidentialityChecked: true }));

describe('a badge refresh reads only the unit', () => {
  it('fetches the unit’s documents and records in two queries, with no History API call for other drafts', async () => {
    dataset = await archiveWith(signed);
    expect(dataset.length).toBeGreaterThan(1_000);
    const source = new UnitStatusSource(lake.client(), {});
    const { status } = await source.status('interpretation-b', 'r/-');
    expect(status.state).toBe('signed');
    expect(status.unit.members).toEqual(['policy-b', 'interpretation-b']);

    expect(requests.map((r) => r.kind)).toEqual(['query', 'query']);
    const fetched = new Set(requests.flatMap((r) => r.ids));
    const records = dataset
      .filter((doc) => (doc._type === 'signOff' || doc._type === 'workflowAudit') && doc.unit === 'policy-b')
      .map((doc) => doc._id);
    expect(records.length).toBe(3);
    expect([...fetched].sort()).toEqual(['drafts.interpretation-b', 'drafts.policy-b', ...records].sort());

    // What the old refresh cost: the whole dataset, and a History API call for every Studio draft.
    requests = [];
    await new LakeStore(lake.client()).read();
    expect(requests.filter((r) => r.kind === 'query')[0]!.documents).toBeGreaterThan(OTHERS);
    expect(requests.filter((r) => r.kind === 'history').length).toBe(OTHERS / 4);
  });

  it('runs a button’s transition on the same read: two queries and one Actions request, numbered above the archive', async () => {
    dataset = await archiveWith(signed);
    const plan = await new Workflow(new LakeStore(lake.client()), { now: () => NOW, transactionId: () => 'txStudio' }).run(
      'release',
      'interpretation-b',
      '李审核',
    );
    expect(requests.map((r) => r.kind)).toEqual(['query', 'query', 'actions']);
    expect(requests.reduce((sum, r) => sum + r.documents, 0)).toBeLessThan(10);
    const audit = plan.operations.find((op) => op.op === 'create');
    expect(audit?.op === 'create' && audit.doc.indexNumbers).toEqual([
      { _key: 'i0', document: 'policy-b', indexNumber: `MB1D50237/2026-${String(100 + OTHERS + 1).padStart(5, '0')}` },
      { _key: 'i1', document: 'interpretation-b', indexNumber: `MB1D50237/2026-${String(100 + OTHERS + 2).padStart(5, '0')}` },
    ]);
  });

  it('shares one read between the badge and the five buttons of the same document', async () => {
    dataset = await archiveWith(signed);
    const source = new UnitStatusSource(lake.client(), {});
    await Promise.all(Array.from({ length: 6 }, () => source.status('policy-b', 'r1/-')));
    expect(requests.filter((r) => r.kind === 'query')).toHaveLength(2);
  });
});

describe('the transitions decide the same on a unit read as on a full read', () => {
  const STATES: Record<string, (w: Workflow) => Promise<unknown>> = {
    draft: async () => undefined,
    submitted: (w) => w.run('submit', 'policy-b', '王编辑'),
    signed,
    stale: (w) => signed(w).then(() => w.edit('interpretation-b', '王编辑', { summary: '审签后改了' })),
    released: (w) => signed(w).then(() => w.run('release', 'policy-b', '李审核')),
  };

  for (const [name, steps] of Object.entries(STATES)) {
    it(`${name}: the same buttons with the same reasons, and the same plans`, async () => {
      dataset = await archiveWith(steps);
      const store = new LakeStore(lake.client());
      const full = await store.read();
      const unit = await store.readUnit('interpretation-b', NOW);
      expect(unit.documents.length).toBeLessThan(12);
      for (const user of ['王编辑', '李审核', '陈审核']) {
        for (const id of ['policy-b', 'interpretation-b']) {
          expect(availableActions(unit, id, user, NOW), `${name}, ${user} on ${id}`).toEqual(availableActions(full, id, user, NOW));
          for (const action of ACTION_NAMES) {
            const ctx = { by: user, at: NOW.toISOString(), transactionId: 'tx-same', comment: '请修改', reason: '依据调整' };
            const decide = (snapshot: typeof full) => {
              try {
                return TRANSITIONS[action].decide(snapshot, id, ctx);
              } catch (error) {
                return (error as Error).message;
              }
            };
            // The same 索引号 (above the archive's) and the same audit entry ids (after the archive's sequence).
            expect(decide(unit), `${name}: ${action} by ${user} on ${id}`).toEqual(decide(full));
          }
        }
      }
    });
  }

  it('numbers a release above the highest 索引号 of the year and after the highest audit entry of the dataset', async () => {
    dataset = await archiveWith(signed);
    const plan = TRANSITIONS.release.decide(await new LakeStore(lake.client()).readUnit('policy-b', NOW), 'policy-b', {
      by: '李审核',
      at: NOW.toISOString(),
      transactionId: 't',
    });
    const audit = plan.operations.find((op) => op.op === 'create')!;
    expect(audit.op === 'create' && audit.doc).toMatchObject({
      _id: `audit.policy-b.${1000 + OTHERS + 1}`,
      indexNumbers: [
        { document: 'policy-b', indexNumber: `MB1D50237/2026-${String(100 + OTHERS + 1).padStart(5, '0')}` },
        { document: 'interpretation-b', indexNumber: `MB1D50237/2026-${String(100 + OTHERS + 2).padStart(5, '0')}` },
      ],
    });
  });
});

describe('the unit read against the local Content Lake', () => {
  it('gives the sample’s units the same buttons, reasons and release plan as a full read', async () => {
    const { startTestLake } = await import('../localLake/lakeServer.ts');
    const lake = await startTestLake();
    try {
      const store = new LakeStore(lake.client('reviewer'));
      const full = await store.read();
      for (const id of ['policy-2024-food-delivery', 'interpretation-2026-changzhutan-consumer']) {
        const unit = await store.readUnit(id, NOW);
        expect(unit.documents.length).toBeLessThan(full.documents.length / 4);
        for (const user of ['王编辑', '李审核'])
          expect(availableActions(unit, id, user, NOW), `${id} for ${user}`).toEqual(availableActions(full, id, user, NOW));
      }
      const ctx = { by: '李审核', at: NOW.toISOString(), transactionId: 't' };
      const releaseOn = (snapshot: typeof full) => TRANSITIONS.release.decide(snapshot, 'policy-2024-food-delivery', ctx);
      // Brought to 已审签 through the server, the pair gets the same 索引号 and audit ids on either read.
      await new Workflow(new LakeStore(lake.client('editor'))).run('submit', 'policy-2024-food-delivery', '王编辑');
      await new Workflow(new LakeStore(lake.client('reviewer'))).run('signoff', 'policy-2024-food-delivery', '李审核', {
        confidentialityChecked: true,
      });
      const plan = releaseOn(await store.readUnit('policy-2024-food-delivery', NOW));
      expect(plan.operations.some((op) => op.op === 'publish')).toBe(true);
      expect(plan).toEqual(releaseOn(await store.read()));
    } finally {
      await lake.stop();
    }
  });
});
