/**
 * The publisher on a Content Lake (the local one, which speaks Sanity's HTTP API) writes each deploy
 * into a 上线记录 there, and the Studio's badge and `npm run workflow -- status` read it back with
 * GROQ, as they must on Sanity's Content Lake, which has no route to the deploy log file. Writing
 * it never causes another build, and a write that fails leaves the deploy standing.
 */
import { copyFile, mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deployRecord } from './fixtures/deployRecord.ts';
import { formatBeijingTime } from '../../core/beijingTime.ts';
import { DEFAULT_DATASET } from '../../core/content/dataset.ts';
import { createLakeClient } from '../../core/content/lakeSource.ts';
import { LOCAL_USERS } from '../../core/localLake/users.ts';
import { startLocalLake, type LocalLakeServer } from '../../core/localLake/server.ts';
import { contentSourceKey, type DeployRecord, readDeployLog } from '../../core/publish/deployLog.ts';
import { deploysOf } from '../../core/publish/deploysOf.ts';
import { goLiveLabel } from '../../core/publish/deployStatus.ts';
import { followLake, readLakePublicContent } from '../../core/publish/followLake.ts';
import { writeLakeDeployRecord } from '../../core/publish/lakeDeployments.ts';
import { Publisher } from '../../core/publish/publisher.ts';
import type { BuildResult } from '../../core/publish/siteBuild.ts';
import { DatasetStore } from '../../core/workflow/datasetStore.ts';
import type { UnitStatus } from '../../core/workflow/state.ts';
import { unitStatuses } from '../../core/workflow/workflow.ts';
import { readDeployRecords } from '../../studio/actions/goLive.ts';
import { readDeadlineDesk } from '../../studio/deadlineDesk.ts';
import { ROOT } from '../helpers/run.ts';

const TOKEN = LOCAL_USERS[0]!.token;
const EDITED = 'policy-2022-registration-facilitation';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A copy of the sample in a local Content Lake, a site folder, and a publisher following the lake with a stand-in build. */
async function lakePublisher(options: { failing?: boolean; writeToken?: string; hangingWrite?: boolean } = {}) {
  const directory = await mkdtemp(join(tmpdir(), 'lake-deploys-'));
  const dataset = join(directory, 'dataset.ndjson');
  await copyFile(join(ROOT, DEFAULT_DATASET), dataset);
  const site = join(directory, 'dist');
  await mkdir(site);
  const lake: LocalLakeServer = await startLocalLake({ datasetPath: dataset, watchIntervalMs: 60_000 });
  cleanups.push(() => lake.close());
  const config = { projectId: lake.projectId, dataset: lake.dataset, apiHost: lake.url };
  const client = createLakeClient({ ...config, token: TOKEN }, 'published');
  const writer = createLakeClient({ ...config, ...(options.writeToken === undefined ? { token: TOKEN } : {}) }, 'published');
  const source = contentSourceKey({ kind: 'lake', projectId: lake.projectId, dataset: lake.dataset });
  const builds: string[] = [];
  const logged: string[] = [];
  const publisher = new Publisher({
    site,
    source,
    readContent: () => readLakePublicContent(client),
    build: async (): Promise<BuildResult> => {
      builds.push((await readLakePublicContent(client)).fingerprint);
      return options.failing
        ? { ok: false, error: '文档 policy-x（policy） 字段 title：必填' }
        : { ok: true, build: `dist-${builds.length}` };
    },
    recordElsewhere: options.hangingWrite
      ? () => new Promise<void>(() => undefined)
      : (record) => writeLakeDeployRecord(writer, site, record),
    recordElsewhereMs: 300,
    log: (message) => logged.push(message),
    debounceMs: 200,
    retryBaseMs: 60_000,
  });
  const stop = followLake(
    client,
    () => publisher.changed(),
    () => undefined,
  );
  cleanups.push(() => {
    stop();
    publisher.stop();
  });
  return { dataset, site, client, source, publisher, builds, logged };
}

/** A unit whose last step is the release at audit sequence `seq`. */
const released = (seq: number) =>
  ({
    state: 'released',
    last: { action: 'release', seq, actor: '李审核', at: '', unit: 'policy-b', revisions: [] },
  }) as unknown as UnitStatus;

describe('deploy records in the Content Lake', () => {
  it('are written by a publisher following the lake, and writing them builds nothing more', async () => {
    const { dataset, site, client, source, publisher, builds } = await lakePublisher();
    await publisher.start();
    await publisher.idle();
    expect(builds).toHaveLength(1);
    const [logged] = await readDeployLog(site);

    const { records } = await readDeployRecords(client);
    expect(records).toEqual([{ ...logged!, includes: logged!.includes.slice(0, 20) }]);
    expect(records[0]).toMatchObject({ outcome: 'live', source, build: 'dist-1' });
    // One document, with the site and the source it is about, in the dataset the lake keeps.
    const documents = await client.fetch<{ _id: string; site: string }[]>('*[_type == "siteDeployment"]{_id, site}');
    expect(documents).toEqual([{ _id: expect.stringMatching(/^siteDeployment\./), site }]);
    expect(await readFile(dataset, 'utf8')).toContain('"_type":"siteDeployment"');
    // A record, not content: the workflow lists no unit of it.
    const units = unitStatuses(await new DatasetStore(dataset).read()).map((status) => status.unit.key);
    expect(units.length).toBeGreaterThan(10);
    expect(units.filter((unit) => unit.startsWith('siteDeployment'))).toEqual([]);

    // The write changed nothing the public build reads: told of it, the publisher reads again and builds nothing.
    expect((await readLakePublicContent(client)).fingerprint).toBe(builds[0]);
    await sleep(500);
    publisher.changed();
    await publisher.idle();
    expect(builds).toHaveLength(1);

    // A change of public content builds again, and its record joins the same document, newest last.
    await client.patch(EDITED).set({ title: '株洲市市场监督管理局关于进一步优化市场主体登记服务的若干措施（修订）' }).commit();
    await sleep(500);
    await publisher.idle();
    expect(builds).toHaveLength(2);
    const after = await readDeployRecords(client);
    expect(after.records.map((r) => r.build)).toEqual(['dist-1', 'dist-2']);
    expect(await client.fetch('count(*[_type == "siteDeployment"])')).toBe(1);
  });

  it('give the badge and status 「已上线 HH:MM」 in Beijing time, and 「待上线」 for a release after the deploy', async () => {
    const { client, source, publisher } = await lakePublisher();
    await publisher.start();
    await publisher.idle();
    const studio = await readDeployRecords(client);
    const status = await deploysOf({ kind: 'lake', client }, '/no/site/here');
    expect(status).toEqual(studio);
    expect(status.source).toBe(source);
    const live = status.records[0]!;
    const now = new Date(live.finishedAt);
    expect(goLiveLabel(released(live.auditSeq), status.records, status.source, now)).toBe(
      `已上线 ${formatBeijingTime(live.finishedAt).slice(11)}`,
    );
    expect(goLiveLabel(released(live.auditSeq + 1), status.records, status.source, now)).toBe('待上线');
  });

  it('of a failed build say 「上线失败：…」', async () => {
    const { client, publisher } = await lakePublisher({ failing: true });
    await publisher.start();
    await publisher.idle();
    const { source, records } = await readDeployRecords(client);
    expect(records.map((r) => r.outcome)).toEqual(['failed']);
    expect(goLiveLabel(released(1), records, source)).toBe('上线失败：文档 policy-x（policy） 字段 title：必填');
  });

  it('keep a released unit that no live deploy has on the Studio desk, and let it go once one has', async () => {
    // The sample's released units went out before the audit log began: a failed first deploy has none of them live.
    const now = new Date('2026-11-30T02:00:00Z');
    const failing = await lakePublisher({ failing: true });
    await failing.publisher.start();
    await failing.publisher.idle();
    const waiting = await readDeadlineDesk(failing.client, 'overdue', now);
    expect(waiting.ids).toContain(EDITED);
    expect(waiting.awaitingLive).toBeGreaterThan(0);

    const live = await lakePublisher();
    await live.publisher.start();
    await live.publisher.idle();
    const done = await readDeadlineDesk(live.client, 'overdue', now);
    expect(done.ids).not.toContain(EDITED);
    expect(done.awaitingLive).toBe(0);
  });

  it('that cannot be written leave the deploy live, and say why in the log', async () => {
    const { site, client, publisher, logged } = await lakePublisher({ writeToken: '' });
    await publisher.start();
    await publisher.idle();
    expect((await readDeployLog(site)).map((r) => r.outcome)).toEqual(['live']);
    expect(logged.join('\n')).toMatch(/上线记录未能写入 Content Lake（网站不受影响）：.*未登录/);
    expect((await readDeployRecords(client).catch(() => ({ records: [] as DeployRecord[] }))).records).toEqual([]);
  });

  it('that hang are given up after a while, the deploy live and the next one free to start', async () => {
    const { site, publisher, logged, builds } = await lakePublisher({ hangingWrite: true });
    await publisher.start();
    await publisher.idle();
    expect((await readDeployLog(site)).map((r) => r.outcome)).toEqual(['live']);
    expect(logged.join('\n')).toContain('上线记录未能写入 Content Lake（网站不受影响）：超过 0.3 秒仍未完成');
    expect(builds).toHaveLength(1);
  });

  it('keep the latest 50 deploys of a site, newest last', async () => {
    const { client, site, source } = await lakePublisher();
    const start = Date.UTC(2026, 10, 24, 2);
    for (let n = 0; n < 53; n += 1) {
      const at = new Date(start + n * 60_000).toISOString();
      await writeLakeDeployRecord(client, site, deployRecord({ source, auditSeq: n, finishedAt: at, build: `dist-${n}` }));
    }
    const { records } = await readDeployRecords(client);
    expect(records.map((r) => r.fingerprint)).toEqual(Array.from({ length: 50 }, (_, i) => `f${i + 3}`));
  });
});
