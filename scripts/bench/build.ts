/**
 * Build benchmark: generates a dataset of N documents from the shared corpus, builds the
 * site from it with the real `scripts/build-site.ts`, and reports build time, pages/s, peak
 * memory of the whole process tree, the search index, the stock Pagefind CLI on the same
 * pages (up to 20,000 documents), and the gzip weight of one page of each
 * template.
 *
 *   npm run bench:build -- --docs 10000 [--keep] [--seed 1] [--timeout 3600] [--no-stock]
 *
 * Output goes to `.tmp/bench/` and is deleted afterwards unless `--keep`. Tables are printed
 * to stdout; the build's own log goes to `.tmp/bench/build-N.log`, progress to stderr.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DOCUMENT_PATHS } from '../../core/sections.ts';
import { isDraftId } from '../../core/model/documentTypes.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { generateBenchDataset } from '../sample/benchDataset.ts';
import { writeNdjson } from './ndjsonFile.ts';
import { POLICY_PAGE_BUDGET_BYTES, templateWeights, type PageWeight, type TemplateWeight } from './pageWeight.ts';
import { runMain } from '../support/runMain.ts';
import { ProcessTreeSampler, treePids, type TreePeak } from './processTree.ts';
import { table } from './table.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// ---------------------------------------------------------------- formatting

/** Above this many documents the stock Pagefind CLI is not run (6.1 GB for 10,000 pages here). */
const STOCK_MAX_DOCUMENTS = 20_000;
/** The scale target: 100,000 documents built and indexed within these on 2 cores. */
const BUILD_TARGET_SECONDS = 300;
const BUILD_TARGET_GB = 4;
/** The issue asks for this much margin under each of the two (machines and runs vary). */
const TARGET_HEADROOM = 0.15;

/** PASS only with the headroom kept; the margin printed either way. */
function withHeadroom(measured: number, target: number): string {
  const margin = 1 - measured / target;
  const verdict = margin >= TARGET_HEADROOM ? 'PASS' : measured <= target ? 'FAIL (under the target, not by the headroom)' : 'FAIL';
  return `${verdict}, margin ${(margin * 100).toFixed(1)} %`;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(1);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

// ---------------------------------------------------------------- dataset

interface TypeCounts {
  proactive: number;
  withheld: number;
  drafts: number;
}

function countTypes(documents: readonly StoredDocument[]): Map<string, TypeCounts> {
  const counts = new Map<string, TypeCounts>();
  for (const doc of documents) {
    const entry = counts.get(doc._type) ?? { proactive: 0, withheld: 0, drafts: 0 };
    if (isDraftId(doc._id)) entry.drafts++;
    else if ((doc.disclosure as { mode?: string } | undefined)?.mode === 'withheld') entry.withheld++;
    else entry.proactive++;
    counts.set(doc._type, entry);
  }
  return counts;
}

// ---------------------------------------------------------------- measured child processes

interface StageRule {
  name: string;
  pattern: RegExp;
  /** Only once this stage has started (for patterns that also occur earlier). */
  after?: string;
}

export interface StageRecord {
  name: string;
  startMs: number;
  endMs: number;
  peakTotalBytes: number;
  peakSingleBytes: number;
}

interface MeasuredRun {
  pid: number;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  wallMs: number;
  peak: TreePeak;
  stages: StageRecord[];
  /** Lines of output that name a written route (`├─ /policies/x/index.html`). */
  routes: number;
  lastLines: string[];
  output: string[];
}

/** The build's stages as its log shows them (scripts/build-site.ts, Astro, the integrations). */
const BUILD_STAGES: readonly StageRule[] = [
  { name: 'start, astro config', pattern: /^\[build [\d.]+s\] building into/ },
  { name: 'astro: collect build info', pattern: /Collecting build info/ },
  { name: 'vite: bundle', pattern: /Building static entrypoints/ },
  { name: 'render: load content', pattern: /generating static routes/ },
  { name: 'render: pages', pattern: /^\[content\]/ },
  // The search index is finished while the leak scan reads the pages (the log says how long each took).
  { name: 'build:done: search index ∥ leak scan', pattern: /✓ Completed in/, after: 'render: pages' },
  { name: 'astro: finish', pattern: /\[zhengwu:public-output-checks\]/ },
  { name: 'swap output into place', pattern: /\[build\] \d+ page\(s\) built|Complete!/ },
];

/** Runs a command, sampling its process tree's memory every 100 ms and splitting its log into stages. */
function runMeasured(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; logPath: string; stages?: readonly StageRule[]; timeoutMs: number; label: string },
): Promise<MeasuredRun> {
  return new Promise((resolveRun) => {
    const log = createWriteStream(options.logPath, { flags: 'a' });
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const rules = options.stages ?? [];
    const stages: StageRecord[] = [
      { name: rules.length > 0 ? 'process start' : options.label, startMs: 0, endMs: 0, peakTotalBytes: 0, peakSingleBytes: 0 },
    ];
    const seen = new Set<string>();
    let routes = 0;
    const lastLines: string[] = [];
    const output: string[] = [];
    const sampler = new ProcessTreeSampler(child.pid!, {
      onSample: (sample) => {
        const stage = stages.at(-1)!;
        stage.peakTotalBytes = Math.max(stage.peakTotalBytes, sample.totalRssBytes);
        stage.peakSingleBytes = Math.max(stage.peakSingleBytes, sample.processes[0]?.rssBytes ?? 0);
      },
    });
    let ruleIndex = -1;
    const onLine = (line: string) => {
      const at = performance.now() - started;
      if (/[├└]─/.test(line)) routes++;
      else {
        lastLines.push(line);
        if (lastLines.length > 40) lastLines.shift();
        if (output.length < 2000) output.push(line);
      }
      for (let i = ruleIndex + 1; i < rules.length; i++) {
        const rule = rules[i]!;
        if (rule.after && !seen.has(rule.after)) continue;
        if (!rule.pattern.test(line)) continue;
        stages.at(-1)!.endMs = at;
        stages.push({ name: rule.name, startMs: at, endMs: at, peakTotalBytes: 0, peakSingleBytes: 0 });
        seen.add(rule.name);
        ruleIndex = i;
        break;
      }
    };
    const reader = () => {
      let rest = '';
      return (chunk: Buffer) => {
        log.write(chunk);
        const text = rest + chunk.toString('utf8');
        const lines = text.split('\n');
        rest = lines.pop() ?? '';
        // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colour codes (ESC) from the build's log
        for (const line of lines) onLine(line.replace(/\x1b\[[0-9;]*m/g, ''));
      };
    };
    child.stdout.on('data', reader());
    child.stderr.on('data', reader());

    const progress = setInterval(() => {
      const sample = sampler.latest();
      process.stderr.write(
        `[bench] ${options.label} ${seconds(performance.now() - started)}s  stage: ${stages.at(-1)!.name}  routes: ${routes}  ` +
          `tree RSS: ${mb(sample?.totalRssBytes ?? 0)} MB in ${sample?.processes.length ?? 0} processes\n`,
      );
    }, 15_000);

    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.stderr.write(
        `[bench] ${options.label} ran past ${seconds(options.timeoutMs)}s in stage "${stages.at(-1)!.name}": stopping it\n`,
      );
      const pids = treePids(child.pid!);
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
      setTimeout(() => {
        for (const pid of pids) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }, 5000).unref();
    }, options.timeoutMs);

    child.on('close', (exitCode, signal) => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      clearInterval(progress);
      const peak = sampler.stop();
      stages.at(-1)!.endMs = wallMs;
      log.end();
      resolveRun({ pid: child.pid!, exitCode, signal, timedOut, wallMs, peak, stages, routes, lastLines, output });
    });
  });
}

// ---------------------------------------------------------------- site measurements

interface DirectoryStats {
  files: number;
  bytes: number;
  /** Allocated on disk (blocks). */
  diskBytes: number;
  indexPages: number;
  htmlFiles: number;
}

function directoryStats(directory: string): DirectoryStats {
  const stats: DirectoryStats = { files: 0, bytes: 0, diskBytes: 0, indexPages: 0, htmlFiles: 0 };
  if (!existsSync(directory)) return stats;
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const stat = statSync(join(entry.parentPath, entry.name));
    stats.files++;
    stats.bytes += stat.size;
    stats.diskBytes += stat.blocks * 512;
    if (entry.name === 'index.html') stats.indexPages++;
    if (entry.name.endsWith('.html')) stats.htmlFiles++;
  }
  return stats;
}

/** Pages in a Pagefind index, summed over its languages, from its `pagefind-entry.json`. */
function indexedPages(indexDir: string): number | string {
  try {
    const entry = JSON.parse(readFileSync(join(indexDir, 'pagefind-entry.json'), 'utf8')) as {
      languages?: Record<string, { page_count?: number }>;
    };
    return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
  } catch {
    return '?';
  }
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string' },
      keep: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      timeout: { type: 'string', default: '3600' },
      'no-stock': { type: 'boolean', default: false },
    },
  });
  const docs = Number(values.docs);
  const seed = Number(values.seed);
  const timeoutMs = Number(values.timeout) * 1000;
  if (!Number.isInteger(docs) || docs < 20)
    throw new Error('usage: npm run bench:build -- --docs N [--keep] [--seed S] [--timeout SECONDS]   (N ≥ 20)');
  if (!Number.isInteger(seed) || !(timeoutMs > 0)) throw new Error('--seed must be an integer and --timeout a positive number of seconds');

  const benchDir = join(ROOT, '.tmp', 'bench');
  mkdirSync(benchDir, { recursive: true });
  const datasetPath = join(benchDir, `dataset-${docs}.ndjson`);
  const distDir = join(benchDir, `dist-${docs}`);
  const logPath = join(benchDir, `build-${docs}.log`);
  // The site is a link to a build folder in `<dist>.builds/` (core/build/siteSwap.ts).
  for (const path of [distDir, `${distDir}.builds`]) rmSync(path, { recursive: true, force: true });
  rmSync(logPath, { force: true });
  const rel = (path: string) => relative(ROOT, path);
  const report: string[] = [];
  const print = (text: string) => {
    report.push(text);
    console.log(`${text}\n`);
  };

  // a. dataset
  process.stderr.write(`[bench] generating ${docs} documents (seed ${seed})\n`);
  let started = performance.now();
  let documents: StoredDocument[] | undefined = generateBenchDataset(docs, seed);
  const generateMs = performance.now() - started;
  started = performance.now();
  const datasetBytes = writeNdjson(datasetPath, documents);
  const writeMs = performance.now() - started;
  const total = documents.length;
  const types = countTypes(documents);
  documents = undefined;

  print(
    table(
      `Dataset: ${rel(datasetPath)} (seed ${seed})`,
      ['type', 'proactive', 'withheld', 'drafts'],
      [...types].map(([type, c]) => [type, c.proactive, c.withheld, c.drafts]),
    ),
  );

  // b. build
  process.stderr.write(`[bench] building the site into ${rel(distDir)} (log: ${rel(logPath)})\n`);
  const build = await runMeasured(process.execPath, ['scripts/build-site.ts', '--out', distDir], {
    // The public build (not the reviewers' draft preview), from the generated dataset.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'SITE_MODE')), CONTENT_DATASET: datasetPath },
    logPath,
    stages: BUILD_STAGES,
    timeoutMs,
    label: 'build',
  });
  const buildOk = build.exitCode === 0 && !build.timedOut;

  // c. pages and our index (measured before the stock index is written beside it)
  const site = directoryStats(distDir);
  const ours = directoryStats(join(distDir, 'search-index'));
  const oursDocuments = build.output.map((line) => /search index: (\d+) documents/.exec(line)?.[1]).find(Boolean);

  const summaryRows: (string | number)[][] = [
    ['documents requested / written', `${docs} / ${total}`],
    ['dataset NDJSON', `${mb(datasetBytes)} MB`],
    ['generate dataset', `${seconds(generateMs)} s`],
    ['write NDJSON', `${seconds(writeMs)} s`],
    [
      'build result',
      build.timedOut
        ? `TIMED OUT after ${seconds(build.wallMs)} s`
        : build.exitCode === 0
          ? 'ok'
          : `FAILED (exit ${build.exitCode ?? build.signal})`,
    ],
    ['build wall time', `${seconds(build.wallMs)} s`],
    ['pages (index.html)', site.indexPages],
    ['pages/s', buildOk ? (site.indexPages / (build.wallMs / 1000)).toFixed(1) : '-'],
    ['files written / size', `${site.files} / ${mb(site.bytes)} MB`],
    ['peak RSS, whole tree (sum)', `${mb(build.peak.peakTotalBytes)} MB at ${seconds(build.peak.peakTotalAt)} s`],
    ['  processes at that moment', build.peak.peakTotalProcesses.map((p) => `${p.name} ${mb(p.rssBytes)}`).join(', ') || '-'],
    ['peak RSS, single process', `${mb(build.peak.peakSingleBytes)} MB (${build.peak.peakSingleName || '-'})`],
    ['processes in tree (max) / samples', `${build.peak.maxProcesses} / ${build.peak.samples}`],
    ['leak scan', /leak scan: (.*)$/.exec(build.output.find((line) => line.includes('leak scan:')) ?? '')?.[1] ?? '-'],
  ];
  print(table(`Build: N = ${docs}`, ['metric', 'value'], summaryRows, [false, false]));

  print(
    table(
      'Build stages (from the build log; RSS = peak during the stage)',
      ['stage', 'start s', 'duration s', 'tree RSS MB', 'single RSS MB'],
      build.stages.map((s) => [
        s.name,
        seconds(s.startMs),
        seconds(s.endMs - s.startMs),
        s.peakTotalBytes ? mb(s.peakTotalBytes) : '-',
        s.peakSingleBytes ? mb(s.peakSingleBytes) : '-',
      ]),
    ),
  );

  if (!buildOk) {
    print(
      `Build did not finish: last stage "${build.stages.at(-1)!.name}", ${build.routes} routes written.\nLast lines of the build log:\n  ${build.lastLines.slice(-25).join('\n  ')}`,
    );
    // A killed build leaves its folder in `<dist>.builds/`, which cleanUp removes with the site.
    cleanUp(values.keep!, { datasetPath, distDir, logPath, benchDir });
    return 1;
  }

  // d. stock Pagefind CLI on the same pages (where it fits in memory)
  const stockLog = `${logPath.replace(/\.log$/, '')}-stock.log`;
  rmSync(stockLog, { force: true });
  const runStock = docs <= STOCK_MAX_DOCUMENTS && !values['no-stock'];
  let stock: MeasuredRun | undefined;
  if (runStock) {
    process.stderr.write('[bench] running the stock Pagefind CLI on the built pages\n');
    const pagefindBin = realpathSync(join(ROOT, 'node_modules', '.bin', 'pagefind'));
    stock = await runMeasured(process.execPath, [pagefindBin, '--site', distDir, '--output-subdir', 'pagefind-stock'], {
      logPath: stockLog,
      timeoutMs,
      label: 'stock pagefind',
    });
  }
  const stockIndex = stock ? directoryStats(join(distDir, 'pagefind-stock')) : undefined;
  const stockFiles = stock?.output.map((line) => /Found (\d+) files matching/.exec(line)?.[1]).find(Boolean);
  const ourStage = build.stages.find((s) => s.name === 'build:done: search index ∥ leak scan');
  const indexLine = build.output.find((line) => line.includes('search index:') && line.includes('postings')) ?? '';
  const indexSeconds = (label: string) => new RegExp(`${label} ([\\d.]+)s`).exec(indexLine)?.[1];
  const finishSeconds = indexSeconds('dictionary and postings') ?? '?';
  const notRun = values['no-stock'] ? 'not run (--no-stock)' : `not run (> ${STOCK_MAX_DOCUMENTS} documents)`;
  print(
    table(
      'Search index: ours (core/search/index/buildIndex.ts inside the build) vs stock Pagefind 1.6 CLI (defaults) on the same pages',
      ['', 'ours', 'stock CLI'],
      [
        [
          'time s',
          `${indexSeconds('reading') ?? '?'} reading pages while rendering (other core) + ${finishSeconds} after`,
          stock ? seconds(stock.wallMs) : notRun,
        ],
        [
          'peak RSS, tree MB',
          ourStage ? `${mb(ourStage.peakTotalBytes)} (whole build tree, after rendering)` : '-',
          stock ? mb(stock.peak.peakTotalBytes) : notRun,
        ],
        [
          'peak RSS, single process MB',
          ourStage ? mb(ourStage.peakSingleBytes) : '-',
          stock ? `${mb(stock.peak.peakSingleBytes)} (${stock.peak.peakSingleName})` : notRun,
        ],
        ['HTML files read', site.htmlFiles, stockFiles ?? notRun],
        ['documents in index', oursDocuments ?? '?', stock ? indexedPages(join(distDir, 'pagefind-stock')) : notRun],
        ['index files', ours.files, stockIndex?.files ?? notRun],
        [
          'index size MB (bytes)',
          `${mb(ours.bytes)} (${ours.bytes})`,
          stockIndex ? `${mb(stockIndex.bytes)} (${stockIndex.bytes})` : notRun,
        ],
        ['index size ours / stock', stockIndex ? (ours.bytes / stockIndex.bytes).toFixed(2) : '-', ''],
        ['index on disk MB', mb(ours.diskBytes), stockIndex ? mb(stockIndex.diskBytes) : notRun],
        ['exit', 0, stock ? (stock.timedOut ? 'timed out' : String(stock.exitCode ?? stock.signal)) : notRun],
      ],
    ),
  );

  // e. page weight
  const weights = await templateWeights(distDir);
  const largestPolicy = await templateWeights(distDir, {
    pick: 'largest',
    templates: [{ name: 'policy (largest)', section: DOCUMENT_PATHS.policy }],
  });
  const row = ({ template, weight }: TemplateWeight) =>
    weight
      ? [template, weight.page, kb(weight.htmlGzip), kb(weight.cssGzip), kb(weight.jsGzip), kb(weight.totalGzip), `${weight.jsBytes}`]
      : [template, '(none)', '-', '-', '-', '-', '-'];
  print(
    table(
      'Page weight, gzip level 9, KB = 1024 bytes (HTML includes inline <script>/<style>; JS = external scripts incl. imports)',
      ['template', 'page', 'HTML', 'CSS', 'JS', 'total', 'JS bytes raw'],
      [...weights, ...largestPolicy].map(row),
      [false, false, true, true, true, true, true],
    ),
  );
  const policy = weights.find((w) => w.template === 'policy')?.weight;
  const largest = largestPolicy[0]?.weight;
  const check = (weight: PageWeight | null | undefined) =>
    weight ? `${kb(weight.totalGzip)} KB — ${weight.totalGzip <= POLICY_PAGE_BUDGET_BYTES ? 'PASS' : 'FAIL'}` : 'no policy page';
  print(
    table(
      'Targets',
      ['check', 'result'],
      [
        [
          `build ≤ ${BUILD_TARGET_SECONDS} s, ${TARGET_HEADROOM * 100} % headroom kept`,
          `${seconds(build.wallMs)} s — ${withHeadroom(build.wallMs, BUILD_TARGET_SECONDS * 1000)}`,
        ],
        [
          `peak RSS (whole tree) ≤ ${BUILD_TARGET_GB} GB, ${TARGET_HEADROOM * 100} % headroom kept`,
          `${mb(build.peak.peakTotalBytes)} MB — ${withHeadroom(build.peak.peakTotalBytes, BUILD_TARGET_GB * 1024 ** 3)}`,
        ],
        [`policy page ≤ ${kb(POLICY_PAGE_BUDGET_BYTES)} KB gzip (median page)`, check(policy)],
        [`policy page ≤ ${kb(POLICY_PAGE_BUDGET_BYTES)} KB gzip (largest page)`, check(largest)],
        [
          'policy page JS bytes',
          policy
            ? `${policy.jsBytes} raw (inline ${policy.inlineJsBytes}, external ${policy.jsBytes - policy.inlineJsBytes}); gzip inline ${policy.inlineJsGzip} + external ${policy.jsGzip}`
            : '-',
        ],
      ],
      [false, false],
    ),
  );
  const unresolved = [...weights, ...largestPolicy].flatMap((w) => w.weight?.unresolved ?? []);
  if (unresolved.length > 0) print(`Linked files not found in the site: ${[...new Set(unresolved)].join(', ')}`);

  cleanUp(values.keep!, { datasetPath, distDir, logPath, benchDir, extra: [stockLog] });
  return 0;
}

function cleanUp(
  keep: boolean,
  paths: { datasetPath: string; distDir: string; logPath: string; benchDir: string; extra?: string[] },
): void {
  if (keep) {
    console.log(
      `kept: ${[paths.datasetPath, paths.distDir, paths.logPath, ...(paths.extra ?? [])].map((p) => relative(ROOT, p)).join(', ')}`,
    );
    return;
  }
  for (const path of [paths.datasetPath, paths.distDir, `${paths.distDir}.builds`, paths.logPath, ...(paths.extra ?? [])])
    rmSync(path, { recursive: true, force: true });
  try {
    if (readdirSync(paths.benchDir).length === 0) rmSync(paths.benchDir, { recursive: true });
  } catch {
    // another run is using it
  }
}

if (import.meta.main) await runMain(main);
