/**
 * The publisher's decisions: when to build, what to record. It is told that the content may
 * have changed (by a file watcher or a Content Lake listener), reads the public content's
 * fingerprint, and puts a new site live when — and only when — what the public build reads
 * has changed.
 *
 * - Bursts become one build: a build starts once the content has been quiet for `debounceMs`
 *   (at most `maxDelayMs` after the first change waiting); while one build runs, further changes
 *   make at most one more, which waits for quiet the same way.
 * - A withdrawal jumps the queue: content carrying a withdrawal the live site does not have yet
 *   starts its build at once, without waiting for quiet; and a build already running without a
 *   withdrawal is stopped for it (its content is in the new build anyway), so a withdrawal is
 *   online after one build, never after the release build in front of it plus its own.
 * - A failed build leaves the live site as it was (the swap happens only after every check
 *   passed), is recorded in the deploy log, and is tried again after 5 s, 10 s, 20 s, … up to
 *   `maxRetryMs`; any change of content tries again sooner.
 * - Two publishers on one site take turns: build and swap run under the site's lock
 *   (core/content/fileLock.ts on `<site>`), and the one that comes second finds its content
 *   already live in the deploy log and builds nothing.
 */
import { lstat } from 'node:fs/promises';
import { withFileLock } from '../content/fileLock.ts';
import { appendDeployRecord, lastLive, readDeployLog, type DeployRecord } from './deployLog.ts';
import type { PublicContent } from './publicContent.ts';
import { type BuildResult, servedBuild } from './siteBuild.ts';

export interface PublisherOptions {
  site: string;
  /** deployLog.contentSourceKey of the content. */
  source: string;
  readContent: () => Promise<PublicContent>;
  /** One build; `signal` aborts it (a withdrawal overtaking it), which must leave the live site as it was. */
  build: (signal: AbortSignal) => Promise<BuildResult>;
  log?: (message: string) => void;
  debounceMs?: number;
  maxDelayMs?: number;
  retryBaseMs?: number;
  maxRetryMs?: number;
  /** How long to wait for another publisher's build on the same site (default 30 min). */
  lockWaitMs?: number;
  /**
   * Where else each record goes once it is in the deploy log (the Content Lake followed:
   * lakeDeployments.ts). Its failure is logged and changes nothing: the site stays as deployed.
   */
  recordElsewhere?: (record: DeployRecord) => Promise<void>;
  /** How long a deploy waits for recordElsewhere before it gives up on it (default 30 s): the lock is held meanwhile. */
  recordElsewhereMs?: number;
}

/**
 * Whether the site serves the build `record` put live. The log alone is not enough: a build
 * switched in by hand (`npm run build` on the same site) or one the log missed would otherwise
 * pass for the live one, and a change already "live" in the log would never be built.
 * A site that is a plain folder, not a link to a build, is taken at the log's word.
 */
async function serves(site: string, record: DeployRecord | undefined): Promise<boolean> {
  if (!record) return false;
  const link = await servedBuild(site);
  if (link !== undefined) return link === record.build;
  return lstat(site).then(
    () => true,
    () => false,
  );
}

const hasWithdrawalAfter = (content: PublicContent, seq: number) => content.events.some((e) => e.action === 'withdraw' && e.seq > seq);

export class Publisher {
  private readonly options: Required<Omit<PublisherOptions, 'log' | 'recordElsewhere'>> &
    Pick<PublisherOptions, 'recordElsewhere'> & { log: (message: string) => void };
  /** The content being built now, if a build runs. */
  private inFlight: PublicContent | undefined;
  /** Stops the running build; set while one runs. */
  private abortInFlight: AbortController | undefined;
  private building: Promise<void> | undefined;
  /** A read of the content is under way / another was asked for meanwhile. */
  private reading: Promise<void> | undefined;
  private readAgain = false;
  /** Content newer than what is live or being built, waiting for its build. */
  private waiting: { since: number; lastChange: number; urgent: boolean } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  /** The content of the last failed build, while its retry waits: reading it again is no reason to build it sooner. */
  private failedFingerprint: string | undefined;
  private stopped = false;
  /** Live-deploy fingerprint known to this process (saves reading the log on every change). */
  private live: { fingerprint: string; auditSeq: number } | undefined;
  private idleWaiters: (() => void)[] = [];

  constructor(options: PublisherOptions) {
    this.options = {
      debounceMs: 1500,
      maxDelayMs: 30_000,
      retryBaseMs: 5000,
      maxRetryMs: 300_000,
      lockWaitMs: 30 * 60_000,
      recordElsewhereMs: 30_000,
      log: () => undefined,
      ...options,
    };
  }

  /** Starts: builds at once unless the deploy log shows the current content live. */
  async start(): Promise<void> {
    const live = lastLive(await readDeployLog(this.options.site), this.options.source);
    if (live && (await serves(this.options.site, live))) this.live = { fingerprint: live.fingerprint, auditSeq: live.auditSeq };
    this.changed();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
  }

  /** Resolves when no build runs or waits (for tests and the benchmark). */
  idle(): Promise<void> {
    if (!this.building && !this.waiting && !this.reading) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private settle(): void {
    if (this.building || this.waiting || this.reading) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** The content may have changed: read it (one read at a time; changes during a read make one more). */
  changed(): void {
    if (this.stopped) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = (async () => {
      do {
        this.readAgain = false;
        try {
          this.consider(await this.options.readContent());
        } catch (error) {
          // A file caught mid-replace or a lost connection: the next event reads again.
          this.options.log(`读取内容失败：${(error as Error).message}`);
        }
      } while (this.readAgain && !this.stopped);
    })().finally(() => {
      this.reading = undefined;
      this.settle();
    });
  }

  private consider(content: PublicContent): void {
    const current = this.inFlight ?? this.live;
    if (current?.fingerprint === content.fingerprint && !this.retryTimer) {
      // Nothing public changed (a draft edit, a 送审 or 审签), or it is being built now.
      if (!this.inFlight) this.waiting = undefined;
      return;
    }
    if (this.retryTimer && content.fingerprint === this.failedFingerprint) return;
    const now = Date.now();
    const urgent = hasWithdrawalAfter(content, current?.auditSeq ?? Number.POSITIVE_INFINITY) || (this.waiting?.urgent ?? false);
    this.waiting = { since: this.waiting?.since ?? now, lastChange: now, urgent };
    // A withdrawal overtakes a running build that carries none: that build's releases are in the next one too.
    if (urgent && this.inFlight && this.live && !hasWithdrawalAfter(this.inFlight, this.live.auditSeq) && this.abortInFlight) {
      this.options.log('撤回优先：中止正在进行的构建');
      this.abortInFlight.abort();
    }
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.stopped || !this.waiting || this.building) return;
    const { since, lastChange, urgent } = this.waiting;
    const due = urgent ? Date.now() : Math.min(lastChange + this.options.debounceMs, since + this.options.maxDelayMs);
    this.timer = setTimeout(() => this.deploy(), Math.max(0, due - Date.now()));
  }

  private deploy(): void {
    if (this.stopped || this.building) return;
    this.waiting = undefined;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.building = this.deployUnderLock()
      .catch((error: unknown) => {
        // The lock could not be had (another publisher stuck for half an hour): try again later.
        this.options.log(`未能构建：${(error as Error).message}`);
        this.retryLater();
      })
      .finally(() => {
        this.building = undefined;
        this.inFlight = undefined;
        if (this.waiting) this.schedule();
        this.settle();
      });
  }

  private retryLater(): void {
    this.failures += 1;
    const delay = Math.min(this.options.retryBaseMs * 2 ** (this.failures - 1), this.options.maxRetryMs);
    this.options.log(`${Math.round(delay / 1000)} 秒后重试`);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.stopped) return;
      this.waiting = { since: Date.now(), lastChange: 0, urgent: true };
      this.schedule();
    }, delay);
  }

  /** Hands the record on, waiting at most recordElsewhereMs: a hung Content Lake must not hold the site's lock (a withdrawal may be next). */
  private async recordElsewhere(record: DeployRecord): Promise<void> {
    const { recordElsewhere, recordElsewhereMs } = this.options;
    if (!recordElsewhere) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`超过 ${recordElsewhereMs / 1000} 秒仍未完成`)), recordElsewhereMs);
    });
    try {
      await Promise.race([recordElsewhere(record), timeout]);
    } catch (error) {
      this.options.log(`上线记录未能写入 Content Lake（网站不受影响）：${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }

  private async deployUnderLock(): Promise<void> {
    const { site, source } = this.options;
    await withFileLock(
      site,
      async () => {
        // Read again under the lock: the content now, and what another publisher may have put live meanwhile.
        const content = await this.options.readContent();
        const records = await readDeployLog(site);
        const previous = lastLive(records, source);
        if (previous && previous.fingerprint === content.fingerprint && (await serves(site, previous))) {
          this.live = { fingerprint: previous.fingerprint, auditSeq: previous.auditSeq };
          this.failures = 0;
          this.options.log(`内容未变，网站已是最新（${previous.finishedAt}）`);
          return;
        }
        this.inFlight = content;
        const started = new Date();
        this.options.log(`开始构建：${content.fingerprint.slice(0, 12)}（审计序号 ${content.auditSeq}）`);
        const abort = new AbortController();
        this.abortInFlight = abort;
        const result = await this.options.build(abort.signal).finally(() => {
          this.abortInFlight = undefined;
        });
        if (abort.signal.aborted && !result.ok) {
          // Not a failure: the content it carried is built again at once with the withdrawal.
          this.options.log('构建已中止，网站保持不变');
          return;
        }
        const finished = new Date();
        const includes = content.events.filter((e) => e.seq > (previous?.auditSeq ?? -1));
        const record: DeployRecord = {
          outcome: result.ok ? 'live' : 'failed',
          source,
          fingerprint: content.fingerprint,
          auditSeq: content.auditSeq,
          ...(content.latestRev ? { latestRev: content.latestRev } : {}),
          includes,
          startedAt: started.toISOString(),
          finishedAt: finished.toISOString(),
          durationMs: finished.getTime() - started.getTime(),
          ...(result.ok ? { build: result.build } : { error: result.error }),
          pid: process.pid,
        };
        await appendDeployRecord(site, record);
        await this.recordElsewhere(record);
        if (result.ok) {
          this.live = { fingerprint: content.fingerprint, auditSeq: content.auditSeq };
          this.failures = 0;
          this.options.log(
            `已上线：${result.build}，用时 ${(record.durationMs / 1000).toFixed(1)} 秒${includes.length ? `，含 ${includes.map((e) => `${e.action === 'withdraw' ? '撤回' : '发布'} ${e.unit}`).join('、')}` : ''}`,
          );
        } else {
          this.failedFingerprint = content.fingerprint;
          this.options.log(`构建失败，网站保持不变：${result.error}`);
          this.retryLater();
        }
      },
      { waitMs: this.options.lockWaitMs, what: '网站' },
    );
  }
}
