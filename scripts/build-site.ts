/**
 * Builds the public site atomically: Astro writes into a new folder in `dist.builds/`, the
 * build's own guards and leak scan run there, and only a build that passed is switched in —
 * `dist` is a link to the build being served, replaced with one rename (core/build/siteSwap.ts),
 * so a web server never finds it missing or half-written. A failed or killed build leaves the
 * site being served exactly as it was.
 *
 *   npm run build                 (CONTENT_DATASET=<path> or SANITY_* pick the content)
 *   SITE_URL=https://… npm run build -- --production   (the live site: refused without SITE_URL)
 *   npm run build:preview         (the reviewers' draft preview, into dist-preview/)
 *   npm run build -- --incremental   (render only the pages whose content changed; the publisher's builds)
 */
import { spawn } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { discardBuild, pruneEmptyDirectories, servedFolder, startBuild, switchTo } from '../core/build/siteSwap.ts';
import { INDEX_DIRECTORY } from '../core/search/format/indexFormat.ts';
import { isProductionBuild, siteUrlProblem } from '../core/bureau/siteUrl.ts';

const preview = process.env.SITE_MODE === 'preview';
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: preview ? 'dist-preview' : 'dist' },
    production: { type: 'boolean' },
    incremental: { type: 'boolean' },
  },
});
// The site's public address (core/bureau/siteUrl.ts): a production build refuses to start
// without one, before anything is read or written.
{
  const problem = siteUrlProblem(process.env.SITE_URL, !preview && isProductionBuild(process.env, values.production));
  if (problem) {
    console.error(`[build] ${problem}`);
    process.exit(2);
  }
}
const target = resolve(values.out);
// Drafts must never land where the public site is deployed from.
if (preview && target === resolve('dist')) {
  console.error('[build] 草稿预览不能写入 dist/（公开网站的输出目录）');
  process.exit(2);
}
const started = Date.now();
const stage = (message: string) => console.log(`[build ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

/**
 * Astro renders every page in one process that holds the whole site's content (about 2 GB at
 * 100,000 documents). Rendering makes a great deal of short-lived garbage; with V8's default young
 * generation (16 MB semi-spaces) much of it lives just long enough to be promoted, and each full
 * collection then walks the whole content. 64 MB semi-spaces let it die young: measured at
 * 100,000 documents, rendering 197 s → 149 s, for at most 144 MB more.
 */
const RENDERING_HEAP = ['--max-semi-space-size=64'];

/**
 * Runs a command to its end: what it prints shown as it comes, or with `capture` kept and
 * returned instead (stdout and stderr together).
 */
function run(command: string, args: string[], { capture = false } = {}): Promise<{ code: number; text: string }> {
  return new Promise((resolveExit) => {
    const child = spawn(command, args, { stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: process.env });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('close', (code) => resolveExit({ code: code ?? 1, text: Buffer.concat(chunks).toString('utf8') }));
  });
}

// ---- content check: before Astro starts, before anything is written ----
// A local dataset goes through the check `npm run validate` runs, so the two refuse the same
// datasets in the same words, in about a second, and nothing of a refused build is written.
// (The Content Lake is checked inside the build, on what the queries return: same rules.)
// It runs as `npm run validate` itself, in a process of its own: reading 100,000 documents
// leaves a process a few hundred MB larger for good, and this one lives until the build's end.
{
  const { chooseSource } = await import('../core/content/fromEnvironment.ts');
  const choice = chooseSource(process.env);
  if (choice.kind === 'local') {
    // The public build publishes the dataset; a preview may show one that has only drafts, and
    // lists what would block a release rather than refusing.
    const report = await run(
      process.execPath,
      [fileURLToPath(new URL('./validate-dataset.ts', import.meta.url)), choice.path, ...(preview ? ['--preview'] : [])],
      { capture: true },
    );
    if (report.code !== 0) {
      console.error(report.text.trimEnd());
      console.error(`[build] 数据集未通过校验，未开始构建，${values.out}/ 保持不变`);
      process.exit(1);
    }
    stage(`content check: ${report.text.split('\n')[0]}`);
  }
}
// ---- end of content check ----

// An incremental build takes over the rollback build's directories (core/build/siteSwap.ts).
const folder = await startBuild(target, { recycle: values.incremental && !preview });
stage(`building into ${relative('.', folder)}`);
if (!preview) {
  // Every public build records its pages (site/integrations/renderCache.ts); with --incremental
  // (the publisher's builds) the pages whose inputs did not change are linked from the served
  // build instead of rendered. A plain `npm run build` renders every page.
  process.env.SITE_PAGE_RECORD = '1';
  const served = await servedFolder(target);
  if (values.incremental && served) {
    process.env.SITE_REUSE_FROM = served;
    stage(`incremental: unchanged pages come from ${relative('.', served)}`);
  } else delete process.env.SITE_REUSE_FROM;
}
const astro = join('node_modules', '.bin', 'astro');
const { code } = await run(process.execPath, [...RENDERING_HEAP, astro, 'build', '--outDir', folder]);
if (code !== 0) {
  await discardBuild(folder);
  console.error(`[build] 构建失败，${values.out}/ 保持不变`);
  process.exit(code);
}
stage('site written and checked');
if (values.incremental && !preview) pruneEmptyDirectories(folder, [INDEX_DIRECTORY]);
const { previous } = await switchTo(target, folder);
stage(`done: ${values.out} → ${relative('.', folder)}${previous ? ` (previous build kept for rollback: ${relative('.', previous)})` : ''}`);
