/**
 * Every time shown — on /review/, in 发布日期, by `npm run workflow -- status` — is Beijing time
 * (UTC+8, no daylight saving), whatever zone the build machine is set to; an instant shortly
 * after midnight Beijing time, still the previous day in UTC, is the day after.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { beijingDay, beijingYear, formatBeijingTime } from '../../core/beijingTime.ts';
import { releaseYear } from '../../core/workflow/transitions.ts';
import { formatDateTime, formatTime } from '../../site/lib/format.ts';
import { runNpm } from '../helpers/run.ts';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('Beijing time', () => {
  it('shows 02:15 UTC as 10:15, the time a reviewer in Zhuzhou read on the clock', () => {
    expect(formatTime('2026-11-24T02:15:00.000Z')).toBe('2026-11-24 10:15');
  });

  it('puts an instant just after midnight Beijing time on the Beijing day, month and year, in any machine zone', () => {
    for (const machineZone of ['UTC', 'America/Los_Angeles', 'Asia/Shanghai']) {
      process.env.TZ = machineZone;
      const instant = '2026-12-31T16:05:00Z'; // 2027-01-01 00:05 in Beijing, still New Year's Eve in UTC
      expect(formatBeijingTime(instant), machineZone).toBe('2027-01-01 00:05');
      expect(beijingDay(instant)).toBe('2027-01-01');
      expect(formatDateTime(instant)).toBe('2027年1月1日');
      expect(beijingYear(instant)).toBe(2027);
      // A release at that instant takes a 索引号 of 2027.
      expect(releaseYear(instant)).toBe(2027);
      // One minute before midnight Beijing time is still the old day.
      expect(formatBeijingTime('2026-12-31T15:59:00Z')).toBe('2026-12-31 23:59');
    }
  });

  it('accepts offsets other than Z and shows a value that is no date as it is', () => {
    expect(formatTime('2026-11-24T10:15:00+08:00')).toBe('2026-11-24 10:15');
    expect(formatTime('不是时间')).toBe('不是时间');
    expect(formatTime(undefined)).toBe('—');
  });

  it('is what npm run workflow -- status shows for the last step', () => {
    const result = runNpm(['workflow', '--', 'status', 'policy-2026-changzhutan-consumer', '--dataset', 'content/dataset.ndjson'], {
      env: { TZ: 'UTC' },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('最近：送审 · 刘芳（消费者权益保护科） · 2026-11-24 10:15');
  });
});
