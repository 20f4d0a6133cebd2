/**
 * The publisher on a Content Lake (here the local one, which speaks Sanity's HTTP API): it hears
 * a change through client.listen and rebuilds for a change of published 主动公开 content only.
 */
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATASET } from '../../core/content/dataset.ts';
import { createLakeClient } from '../../core/content/lakeSource.ts';
import { startLocalLake, type LocalLakeServer } from '../../core/localLake/server.ts';
import { followLake, readLakePublicContent } from '../../core/publish/followLake.ts';
import { ROOT } from '../helpers/run.ts';

const TOKEN = 'local-lake-wang-editor-7f3c9a1e5b2d4086';
const PUBLISHED = 'policy-2022-registration-facilitation';
let lake: LocalLakeServer | undefined;
afterAll(async () => lake?.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('publisher on a Content Lake', () => {
  it('hears changes through the listener and fingerprints only published public content', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'lake-publish-'));
    const dataset = join(directory, 'dataset.ndjson');
    await copyFile(join(ROOT, DEFAULT_DATASET), dataset);
    lake = await startLocalLake({ datasetPath: dataset, watchIntervalMs: 60_000 });
    const client = createLakeClient({ projectId: lake.projectId, dataset: lake.dataset, token: TOKEN, apiHost: lake.url }, 'published');
    const before = await readLakePublicContent(client);
    expect(before.auditSeq).toBeGreaterThan(0);

    let heard = 0;
    const stop = followLake(
      client,
      () => (heard += 1),
      () => undefined,
    );
    await sleep(1000);
    const afterWelcome = heard;
    expect(afterWelcome).toBeGreaterThanOrEqual(1); // a (re)connection reads again: nothing missed while away

    // A draft edit: not even sent to the publisher, and the fingerprint stays.
    const published = await client.fetch<{ _type: string } & Record<string, unknown>>('*[_id == $id][0]', { id: PUBLISHED });
    await client.createOrReplace({ ...published, _id: `drafts.${PUBLISHED}`, title: '草稿里的新标题' });
    await sleep(1000);
    expect(heard).toBe(afterWelcome);
    expect((await readLakePublicContent(client)).fingerprint).toBe(before.fingerprint);

    // An edit of the published document: heard, and a new fingerprint.
    await client.patch(PUBLISHED).set({ title: '株洲市市场监督管理局关于进一步优化市场主体登记服务的若干措施（修订）' }).commit();
    await sleep(1000);
    expect(heard).toBeGreaterThan(afterWelcome);
    expect((await readLakePublicContent(client)).fingerprint).not.toBe(before.fingerprint);
    stop();
  });
});
