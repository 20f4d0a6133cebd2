/**
 * 公开时效 in the 主动公开目录: working days from 生成日期 to the Beijing day of 发布日期.
 * Hand-worked: formed 2026-09-30, published 2026-10-10 (the 调休 Saturday) 09:00 Beijing → 3
 * (Oct 8, 9, 10); published 2026-10-09T16:30Z, which is already 10 October in Beijing → 3 too.
 */
import { describe, expect, it } from 'vitest';
import { disclosureTime } from '../../site/lib/catalog.ts';

describe('公开时效 in the catalogue', () => {
  it('counts working days to the Beijing day of release, 调休 included', () => {
    expect(disclosureTime({ formedAt: '2026-09-30', publishedAt: '2026-10-10T09:00:00+08:00' })).toBe('3 个工作日');
    expect(disclosureTime({ formedAt: '2026-09-30', publishedAt: '2026-10-09T16:30:00Z' })).toBe('3 个工作日');
    expect(disclosureTime({ formedAt: '2026-09-30', publishedAt: '2026-10-09T15:30:00Z' })).toBe('2 个工作日');
  });

  it('shows — rather than a guess outside the calendar', () => {
    expect(disclosureTime({ formedAt: '2026-12-28', publishedAt: '2027-01-05T09:00:00+08:00' })).toBe('—');
    expect(disclosureTime({ formedAt: '2026-12-28', publishedAt: undefined as unknown as string })).toBe('—');
  });
});
