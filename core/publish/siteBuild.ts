/**
 * One build of the public site by the existing atomic build (scripts/build-site.ts): the new
 * site is written into a folder of its own and switched in with one rename only when it passed
 * every check, so a failed build leaves the live site as it was.
 */
import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { servedFolder } from '../build/siteSwap.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILD_SCRIPT = fileURLToPath(new URL('../../scripts/build-site.ts', import.meta.url));
const EXIT_WITH_PARENT = fileURLToPath(new URL('./exitWithParent.ts', import.meta.url));

export type BuildResult = { ok: true; build: string } | { ok: false; error: string };

/** The lines worth reporting from a failed build's output: its own 「…」 messages and errors, last ones first in mind. */
function failureSummary(output: string, code: number | null, signal: NodeJS.Signals | null): string {
  const lines = output
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() && !/^\s+at /.test(l));
  const tail = lines.slice(-6).join('\n');
  const how = signal ? `构建进程被信号 ${signal} 结束` : `构建退出码 ${code}`;
  return tail ? `${tail}\n（${how}）` : how;
}

export interface BuildOptions {
  site: string;
  /** The environment naming the content (CONTENT_DATASET or SANITY_*). */
  env: Record<string, string | undefined>;
  /** Each line the build prints, for the publisher's own log. */
  onLine?: (line: string) => void;
  /** A build still running after this long is stopped and counts as failed (a hung build must not hold the site's lock for ever). */
  timeoutMs?: number;
  /**
   * Stops the build. A build stopped before its swap (one rename, near its end) leaves the live
   * site as it was; one stopped after it (while it tidies old builds) has gone live, and says so.
   */
  signal?: AbortSignal;
  /** The build command (tests stand in a script of their own); default scripts/build-site.ts. */
  script?: string;
  /** Render only the pages whose content changed (default); false renders every page. */
  incremental?: boolean;
}

/** The build folder the `site` link points at now, by name; undefined when it is no link (missing, or a plain folder). */
export const servedBuild = async (site: string): Promise<string | undefined> => {
  const folder = await servedFolder(site);
  return folder === undefined ? undefined : basename(folder);
};

export async function buildSite({
  site,
  env,
  onLine,
  timeoutMs,
  signal,
  script = BUILD_SCRIPT,
  incremental = true,
}: BuildOptions): Promise<BuildResult> {
  const before = await servedBuild(site);
  return new Promise((resolveResult) => {
    const nodeOptions = [env.NODE_OPTIONS, `--import=${EXIT_WITH_PARENT}`].filter(Boolean).join(' ');
    // Incremental: only the pages whose content changed are rendered (site/lib/renderCache.ts).
    const child = spawn(process.execPath, [script, '--out', site, ...(incremental ? ['--incremental'] : [])], {
      cwd: ROOT,
      env: { ...env, NODE_OPTIONS: nodeOptions },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output = (output + text).slice(-20_000);
      for (const line of text.split('\n')) if (line.trim()) onLine?.(line);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    let timedOut = false;
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          // Its own children (Astro, the indexer) follow it out (exitWithParent.ts).
          child.kill('SIGKILL');
        }, timeoutMs)
      : undefined;
    // Its own children (Astro, the indexer) follow it out (exitWithParent.ts).
    const stop = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', stop, { once: true });
    child.on('error', (error) => resolveResult({ ok: false, error: `构建无法启动：${error.message}` }));
    child.on('close', async (code, exitSignal) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      if (signal?.aborted) {
        // Stopped after its swap, it is what the public reads now: reporting it as stopped would let
        // the publisher believe the site is still the one before, and skip the build that withdraws.
        const now = await servedBuild(site);
        resolveResult(
          code === 0 || (now !== undefined && now !== before)
            ? { ok: true, build: now ?? '' }
            : { ok: false, error: '构建已中止（撤回优先）' },
        );
      } else if (timedOut) {
        resolveResult({ ok: false, error: `构建超过 ${Math.round(timeoutMs! / 1000)} 秒仍未完成，已停止` });
      } else if (code === 0) {
        resolveResult({ ok: true, build: (await servedBuild(site)) ?? '' });
      } else {
        resolveResult({ ok: false, error: failureSummary(output, code, exitSignal) });
      }
    });
  });
}
