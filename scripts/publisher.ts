/**
 * The publisher: keeps the public site live with the content. It follows the content source —
 * the local dataset file, or the Content Lake through its listener — and on every change of what
 * the public build reads (a release, a withdrawal, an edit of a published 主动公开 document; not a
 * draft edit, 送审 or 审签) rebuilds the site with the atomic build and switches it in. Each
 * deploy is recorded in `<site>.deploys.ndjson`, which `npm run workflow -- status` reads; following a
 * Content Lake, also in a 上线记录 document there (core/publish/lakeDeployments.ts), written with
 * SANITY_API_WRITE_TOKEN (else SANITY_API_READ_TOKEN), which the Studio and status read on any machine.
 *
 *   npm run publisher                               (content as for npm run build: CONTENT_DATASET, SANITY_*, or the sample)
 *   npm run publisher -- --serve [--port 4321]      (and serve the site on http://127.0.0.1:4321; HOST for another address)
 *   npm run publisher -- --site <dir> --dataset <path> --debounce-ms 1500 --retry-base-s 5 --build-timeout-s 1800
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chooseSource } from '../core/content/fromEnvironment.ts';
import { createLakeClient } from '../core/content/lakeSource.ts';
import { contentSourceKey, deployLogOf } from '../core/publish/deployLog.ts';
import { followLake, readLakePublicContent } from '../core/publish/followLake.ts';
import { writeLakeDeployRecord } from '../core/publish/lakeDeployments.ts';
import { readPublicContent } from '../core/publish/publicContent.ts';
import { Publisher } from '../core/publish/publisher.ts';
import { buildSite } from '../core/publish/siteBuild.ts';
import { createSiteServer } from '../core/publish/staticServer.ts';
import { watchDataset } from '../core/publish/watchDataset.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string', default: 'dist' },
    dataset: { type: 'string' },
    serve: { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    'debounce-ms': { type: 'string', default: '1500' },
    'retry-base-s': { type: 'string', default: '5' },
    'build-timeout-s': { type: 'string', default: '1800' },
    quiet: { type: 'boolean', default: false },
  },
});

const site = resolve(values.site);
const env: Record<string, string | undefined> = { ...process.env, ...(values.dataset ? { CONTENT_DATASET: values.dataset } : {}) };
delete env.SITE_MODE; // never the preview: drafts must not reach the public site
const choice = chooseSource(env);
if (choice.kind === 'local') env.CONTENT_DATASET = resolve(choice.path);
const source = contentSourceKey(choice);
const stamp = () => new Date().toISOString();
const log = (message: string) => console.log(`[publisher ${stamp()}] ${message}`);

const client = choice.kind === 'lake' ? createLakeClient(choice, 'published') : undefined;
// The publisher's token writes its 上线记录; a token that may only read makes that write fail, logged, and the deploy stands.
const writer =
  choice.kind === 'lake'
    ? createLakeClient({ ...choice, ...(env.SANITY_API_WRITE_TOKEN ? { token: env.SANITY_API_WRITE_TOKEN } : {}) }, 'published')
    : undefined;
let lastBuildFailed = false;
const publisher = new Publisher({
  site,
  source,
  readContent: client ? () => readLakePublicContent(client) : () => readPublicContent(env.CONTENT_DATASET!),
  build: async (signal) => {
    const result = await buildSite({
      site,
      env,
      signal,
      timeoutMs: Number(values['build-timeout-s']) * 1000,
      // After a failed build the retry renders every page: whatever failed, it is not an old page reused.
      incremental: !lastBuildFailed,
      ...(values.quiet ? {} : { onLine: (line) => console.log(`  ${line}`) }),
    });
    lastBuildFailed = !result.ok && !signal.aborted;
    return result;
  },
  log,
  ...(writer ? { recordElsewhere: (record) => writeLakeDeployRecord(writer, site, record) } : {}),
  debounceMs: Number(values['debounce-ms']),
  retryBaseMs: Number(values['retry-base-s']) * 1000,
});

log(`进程 ${process.pid}；内容：${source}；网站：${site}；上线记录：${deployLogOf(site)}`);
const stopFollowing =
  choice.kind === 'local'
    ? watchDataset(env.CONTENT_DATASET!, () => publisher.changed())
    : followLake(client!, () => publisher.changed(), log);
await publisher.start();

if (values.serve) {
  const host = process.env.HOST?.trim() || '127.0.0.1';
  const port = Number(values.port);
  const server = createSiteServer(site);
  server.on('error', (error) => {
    console.error(`[publisher] 无法在 ${host}:${port} 提供网站：${error.message}`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    const address = server.address();
    log(`网站：http://${host}:${typeof address === 'object' && address ? address.port : port}/`);
  });
}

const shutdown = () => {
  stopFollowing();
  publisher.stop();
  // A build under way is given up; its folder is removed by the next build, the site stays as it is.
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
