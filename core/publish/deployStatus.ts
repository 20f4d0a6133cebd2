/**
 * Whether a unit's last release or withdrawal is online, from the deploy log: the words
 * `npm run workflow -- status` and the Studio badge show (「已发布 · 已上线 10:32」,
 * 「已发布 · 待上线」, 「上线失败：…」; for a withdrawal 已下线 / 待下线 / 下线失败).
 */
import { beijingDay, formatBeijingTime } from '../beijingTime.ts';
import type { DeployRecord } from './deployLog.ts';

type GoLive =
  | { kind: 'live'; at: string; record: DeployRecord }
  | { kind: 'pending' }
  | { kind: 'failed'; at: string; error: string; record: DeployRecord };

/** Where the change at audit sequence `seq` stands: the first deploy that contains it went live, or failed, or none has run yet. */
function goLiveOf(records: readonly DeployRecord[], source: string, seq: number): GoLive {
  const ours = records.filter((r) => r.source === source && r.auditSeq >= seq);
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
