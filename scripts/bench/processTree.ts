/**
 * Peak resident memory of a process and all its descendants (Linux /proc).
 *
 * A build is a tree: `node scripts/build-site.ts` starts Astro, and Pagefind's Node API starts
 * its own binary. Every `intervalMs` the sampler reads the parent of every process in /proc,
 * walks down from the root, and sums VmRSS over the tree; it keeps the largest sum and the
 * largest single process it has seen. Memory shared between processes (libraries) is counted
 * once per process, as `ps` and cgroup-less tools do, so the sum is an upper bound.
 */
import { readdirSync, readFileSync } from 'node:fs';

interface ProcessInfo {
  pid: number;
  /** Program and script (`node astro`, `pagefind_extended`), or the kernel's short `comm`. */
  name: string;
  rssBytes: number;
}

export interface TreeSample {
  /** Milliseconds since the sampler started. */
  at: number;
  totalRssBytes: number;
  /** The tree's processes, largest first. */
  processes: ProcessInfo[];
}

export interface TreePeak {
  samples: number;
  /** Largest sum of RSS over the tree, and when (ms after start). */
  peakTotalBytes: number;
  peakTotalAt: number;
  /** Processes alive at the moment of the largest sum. */
  peakTotalProcesses: ProcessInfo[];
  /** Largest RSS of any single process of the tree, and which. */
  peakSingleBytes: number;
  peakSingleName: string;
  /** Most processes seen in the tree at once. */
  maxProcesses: number;
}

function readStat(pid: string): { ppid: number; name: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // `pid (comm) state ppid …`; comm may itself contain spaces and parentheses.
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    return { ppid: Number(fields[1]), name: stat.slice(open + 1, close) };
  } catch {
    return null; // exited between readdir and read
  }
}

/** `node astro`, `node build-site.ts`, `pagefind_extended`: the program and its script, from the command line. */
function commandName(pid: number, fallback: string): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const base = (arg: string) => arg.slice(arg.lastIndexOf('/') + 1);
    if (argv.length === 0) return fallback;
    const program = base(argv[0]!);
    const script = argv.slice(1).find((arg) => !arg.startsWith('-'));
    return /^node(js)?(\d+)?$/.test(program) && script ? `node ${base(script)}` : program;
  } catch {
    return fallback;
  }
}

function readRssBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'latin1');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : 0; // zombies and kernel threads have no VmRSS
  } catch {
    return 0;
  }
}

/** The root and every descendant alive now, parents before their children. */
function walkTree(rootPid: number): ProcessInfo[] {
  const children = new Map<number, number[]>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    const first = entry.charCodeAt(0);
    if (first < 48 || first > 57) continue;
    const stat = readStat(entry);
    if (!stat) continue;
    const pid = Number(entry);
    names.set(pid, stat.name);
    const siblings = children.get(stat.ppid);
    if (siblings) siblings.push(pid);
    else children.set(stat.ppid, [pid]);
  }
  if (!names.has(rootPid)) return [];
  const tree: ProcessInfo[] = [];
  const queue = [rootPid];
  for (let next = 0; next < queue.length; next++) {
    const pid = queue[next]!;
    tree.push({ pid, name: commandName(pid, names.get(pid) ?? '?'), rssBytes: readRssBytes(pid) });
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** The root and every descendant alive now, with their RSS, largest first. */
function sampleProcessTree(rootPid: number): ProcessInfo[] {
  return walkTree(rootPid).sort((a, b) => b.rssBytes - a.rssBytes);
}

/** Samples a process tree every `intervalMs` until stopped; `onSample` sees each sample. */
export class ProcessTreeSampler {
  private readonly rootPid: number;
  private readonly started = performance.now();
  private readonly onSample: ((sample: TreeSample) => void) | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly peak: TreePeak = {
    samples: 0,
    peakTotalBytes: 0,
    peakTotalAt: 0,
    peakTotalProcesses: [],
    peakSingleBytes: 0,
    peakSingleName: '',
    maxProcesses: 0,
  };
  private last: TreeSample | undefined;

  constructor(rootPid: number, options: { intervalMs?: number; onSample?: (sample: TreeSample) => void } = {}) {
    this.rootPid = rootPid;
    this.onSample = options.onSample;
    this.sample();
    this.timer = setInterval(() => this.sample(), options.intervalMs ?? 100);
  }

  /** Takes one sample now (also called by the timer). */
  sample(): TreeSample {
    const processes = sampleProcessTree(this.rootPid);
    const totalRssBytes = processes.reduce((sum, p) => sum + p.rssBytes, 0);
    const sample: TreeSample = { at: performance.now() - this.started, totalRssBytes, processes };
    const peak = this.peak;
    peak.samples++;
    if (totalRssBytes > peak.peakTotalBytes) {
      peak.peakTotalBytes = totalRssBytes;
      peak.peakTotalAt = sample.at;
      peak.peakTotalProcesses = processes;
    }
    const largest = processes[0];
    if (largest && largest.rssBytes > peak.peakSingleBytes) {
      peak.peakSingleBytes = largest.rssBytes;
      peak.peakSingleName = `${largest.name} (pid ${largest.pid})`;
    }
    peak.maxProcesses = Math.max(peak.maxProcesses, processes.length);
    this.last = sample;
    this.onSample?.(sample);
    return sample;
  }

  /** The most recent sample. */
  latest(): TreeSample | undefined {
    return this.last;
  }

  /** Stops sampling and returns the peaks seen. */
  stop(): TreePeak {
    clearInterval(this.timer);
    return { ...this.peak };
  }
}

/** Every pid of the tree, for killing a build that ran past its limit (children first). */
export function treePids(rootPid: number): number[] {
  return walkTree(rootPid)
    .map((p) => p.pid)
    .reverse();
}
