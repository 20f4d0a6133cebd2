/**
 * The Studio's badge says whether a release is online, from the deploy log the local Content
 * Lake serves at /publish/deploys/<dataset>: only this dataset's records, never written into
 * the dataset the public build reads.
 */
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { DocumentBadgeDescription } from 'sanity';
import { afterAll, describe, expect, it } from 'vitest';
import { deployRecord } from './fixtures/deployRecord.ts';
import { DEFAULT_DATASET } from '../../core/content/dataset.ts';
import { startLocalLake, type LocalLakeServer } from '../../core/localLake/server.ts';
import { contentSourceKey, type DeployRecord } from '../../core/publish/deployLog.ts';
import { goLiveLabel } from '../../core/publish/deployStatus.ts';
import type { UnitStatus } from '../../core/workflow/state.ts';
import { createUnitBadge } from '../../studio/actions/unitBadge.ts';
import { ROOT } from '../helpers/run.ts';

const directory = await mkdtemp(join(tmpdir(), 'badge-'));
const dataset = join(directory, 'dataset.ndjson');
await copyFile(join(ROOT, DEFAULT_DATASET), dataset);
const site = join(directory, 'dist');
const source = contentSourceKey({ kind: 'local', path: dataset });

const record = (over: Partial<DeployRecord>): DeployRecord => deployRecord({ source, ...over });
const records = [
  record({ auditSeq: 2 }),
  record({ source: 'file:/elsewhere/dataset.ndjson', auditSeq: 9, finishedAt: '2026-11-24T03:00:00Z' }),
  record({ auditSeq: 5, finishedAt: '2026-11-24T02:40:00Z' }),
];
await writeFile(`${site}.deploys.ndjson`, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);

let lake: LocalLakeServer | undefined;
afterAll(async () => {
  await lake?.close();
  delete process.env.PUBLISH_SITE;
});

const released = (seq: number) =>
  ({
    state: 'released',
    last: { action: 'release', seq, actor: '李审核', at: '', unit: 'policy-b', revisions: [] },
    unit: { key: 'policy-b', members: ['policy-b', 'interpretation-b'] },
    members: [],
    revisions: [],
  }) as unknown as UnitStatus;

describe('go-live in the Studio', () => {
  it('is served by the local Content Lake for its own dataset only, and says 已上线 with the deploy time in Beijing time', async () => {
    process.env.PUBLISH_SITE = site;
    lake = await startLocalLake({ datasetPath: dataset, watchIntervalMs: 60_000 });
    const response = await fetch(`${lake.url}/v2025-02-19/publish/deploys/production`);
    expect(response.status).toBe(200);
    const log = (await response.json()) as { source: string; records: DeployRecord[] };
    expect(log.source).toBe(source);
    expect(log.records.map((r) => r.auditSeq)).toEqual([2, 5]);
    const now = new Date('2026-11-24T04:00:00Z');
    expect(goLiveLabel(released(4), log.records, log.source, now)).toBe('已上线 10:40');
    expect(goLiveLabel(released(7), log.records, log.source, now)).toBe('待上线');
    expect((await fetch(`${lake.url}/v2025-02-19/publish/deploys/other`)).status).toBe(404);
    // Nothing of it is in the dataset that the public build reads.
    expect(await readFile(dataset, 'utf8')).not.toContain('dist-1');

    let description: DocumentBadgeDescription | null = null;
    const Badge = createUnitBadge({
      useUnitStatus: () => ({ status: released(4), loading: false }),
      useGoLive: (status) => (status ? goLiveLabel(status, log.records, log.source, now) : undefined),
    });
    const props = { id: 'policy-b', type: 'policy', draft: null, published: { _id: 'policy-b', _rev: 'p1' }, liveEdit: false };
    renderToStaticMarkup(
      createElement(() => {
        description = Badge(props as never);
        return null;
      }),
    );
    expect((description as DocumentBadgeDescription | null)?.label).toBe('已发布 · 已上线 10:40');
  });
});
