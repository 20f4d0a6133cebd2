/**
 * Whether a unit's last release or withdrawal is online, from the deploy records: the words
 * `npm run workflow -- status` and the Studio badge show (「已发布 · 已上线 10:32」,
 * 「已发布 · 待上线」, 「上线失败：…」; for a withdrawal 已下线 / 待下线 / 下线失败); and when a unit
 * first went live, which the 20-working-day clock counts to (core/workflow/disclosureDeadline.ts).
 */
import { beijingDay, formatBeijingTime } from '../beijingTime.ts';
import type { DeployRecord } from './deployLog.ts';

/** The deploy records of one content source (the file log's, or the Content Lake's 上线记录). */
export interface Deploys {
  /** deployLog.contentSourceKey of the content. */
  source: string;
  records: readonly DeployRecord[];
}

type GoLive =
  | { kind: 'live'; at: string; record: DeployRecord }
  | { kind: 'pending' }
  | { kind: 'failed'; at: string; error: string; record: DeployRecord };

/**
 * Where the change at audit sequence `seq` stands: the first deploy that contains it went live, or
 * failed, or none has run yet. With `until`, only deploys made before the change at that sequence
 * (a later withdrawal of what was released at `seq`).
 */
function goLiveOf(records: readonly DeployRecord[], source: string, seq: number, until = Number.POSITIVE_INFINITY): GoLive {
  const ours = records.filter((r) => r.source === source && r.auditSeq >= seq && r.auditSeq < until);
  const live = ours.find((r) => r.outcome === 'live');
  if (live) return { kind: 'live', at: live.finishedAt, record: live };
  const failed = ours.findLast((r) => r.outcome === 'failed');
  if (failed) return { kind: 'failed', at: failed.finishedAt, error: failed.error ?? '构建失败', record: failed };
  return { kind: 'pending' };
}

/** `10:32` today (Beijing), else `2026-11-28 10:32`. */
function shortBeijingTime(instant: string, now: Date = new Date()): string {
  const full = formatBeijingTime(instant);
  return beijingDay(instant) === beijingDay(now) ? full.slice(11) : full;
}

const WORDS = {
  release: { live: '已上线', pending: '待上线', failed: '上线失败' },
  withdraw: { live: '已下线', pending: '待下线', failed: '下线失败' },
} as const;

/** The first line of an error, short enough for a badge. */
function briefly(error: string): string {
  const line =
    error
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? error;
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** `已上线 10:32`, `待上线`, `上线失败：…` (the state's name is put before it by the caller). */
function describeGoLive(action: 'release' | 'withdraw', goLive: GoLive, now: Date = new Date()): string {
  const words = WORDS[action];
  if (goLive.kind === 'live') return `${words.live} ${shortBeijingTime(goLive.at, now)}`;
  if (goLive.kind === 'failed') return `${words.failed}：${briefly(goLive.error)}`;
  return words.pending;
}

/**
 * What to add to a unit's state: for a released or withdrawn unit whose content source has a
 * deploy log, whether its last release or withdrawal is online. `undefined` where no publisher
 * has deployed this content (nothing to say), or the state is not one the public sees.
 * A unit released before the first recorded deploy (no audit entry of it) counts from sequence 0.
 */
export function goLiveLabel(
  status: { state: string; last?: { action: string; seq: number } | undefined },
  records: readonly DeployRecord[],
  source: string,
  now: Date = new Date(),
): string | undefined {
  if (status.state !== 'released' && status.state !== 'withdrawn') return undefined;
  if (!records.some((r) => r.source === source)) return undefined;
  const action = status.state === 'released' ? 'release' : 'withdraw';
  const seq = status.last?.action === action ? status.last.seq : 0;
  return describeGoLive(action, goLiveOf(records, source, seq), now);
}

/** Whether a publisher has deployed this source (at least one record, live or failed). */
export function hasDeploys(deploys: Deploys | undefined): deploys is Deploys {
  return deploys?.records.some((r) => r.source === deploys.source) ?? false;
}

/** A release or withdrawal of the unit, from its audit entries. */
interface UnitEvent {
  action: string;
  seq: number;
}

export interface WentLive {
  /** When the deploy that first put the unit live switched in. */
  at: string;
  /**
   * Whether that is known to be the first: a deploy recorded before the release shows the publisher
   * was already deploying (the records are contiguous from their oldest). Otherwise the unit went
   * live at `at` or earlier — by a deploy older than the records, or a build by hand.
   */
  exact: boolean;
}

/**
 * When the unit first went live: the first live deploy containing one of its releases and not its
 * withdrawal (a release withdrawn before any deploy never went live). `events` are the unit's audit
 * entries; a unit published before the audit log began counts as released at sequence 0, like
 * goLiveLabel's. Undefined while none of its releases has gone live.
 */
export function unitWentLive(events: readonly UnitEvent[], published: boolean, deploys: Deploys): WentLive | undefined {
  const changes = events.filter((e) => e.action === 'release' || e.action === 'withdraw').sort((a, b) => a.seq - b.seq);
  if (published && changes[0]?.action !== 'release') changes.unshift({ action: 'release', seq: 0 });
  const ours = deploys.records.filter((r) => r.source === deploys.source);
  for (const [index, change] of changes.entries()) {
    if (change.action !== 'release') continue;
    const withdrawal = changes.slice(index + 1).find((e) => e.action === 'withdraw');
    const goLive = goLiveOf(ours, deploys.source, change.seq, withdrawal?.seq);
    if (goLive.kind === 'live') return { at: goLive.at, exact: ours.some((r) => r.auditSeq < change.seq) };
  }
  return undefined;
}
