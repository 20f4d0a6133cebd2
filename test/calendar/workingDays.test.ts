/**
 * The working-day calendar against dates worked out by hand from the State Council notices:
 * 2025 (国办发明电〔2024〕12号): 春节 1月28日–2月4日 off, 1月26日 (Sunday) and 2月8日 (Saturday) worked;
 *   国庆·中秋 10月1日–8日 off, 9月28日 (Sunday) and 10月11日 (Saturday) worked.
 * 2026 (国办发明电〔2025〕7号): 元旦 1月1日–3日 off, 1月4日 (Sunday) worked; 春节 2月15日–23日 off,
 *   2月14日 and 2月28日 (Saturdays) worked; 中秋 9月25日–27日 off; 国庆 10月1日–7日 off,
 *   9月20日 (Sunday) and 10月10日 (Saturday) worked.
 * The day counted from is never counted (民法典 第二百零一条).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  LIBRARY_YEARS,
  NoPublishedCalendarError,
  addWorkingDays,
  createWorkingDayCalendar,
  isWorkingDay,
  workingDaysBetween,
} from '../../core/calendar/workingDays.ts';

describe('working days across the 2025 and 2026 Spring Festival and National Day weeks', () => {
  it.each([
    // [from, count, expected, why]
    ['2025-01-24', 1, '2025-01-26', 'Friday → the 调休 Sunday 1月26日'],
    ['2025-01-24', 2, '2025-01-27', 'Sunday 26th worked, Monday 27th the last day before 除夕'],
    ['2025-01-27', 1, '2025-02-05', 'the whole 1月28日–2月4日 break skipped'],
    ['2025-02-05', 3, '2025-02-08', 'Wednesday + 3 lands on the 调休 Saturday 2月8日'],
    ['2025-01-20', 20, '2025-02-21', '20 days across the break, both 调休 days counted'],
    ['2025-09-26', 1, '2025-09-28', 'Friday → the 调休 Sunday 9月28日'],
    ['2025-09-30', 1, '2025-10-09', 'the eight days 10月1日–8日 skipped'],
    ['2025-09-30', 3, '2025-10-11', 'the 调休 Saturday 10月11日'],
    ['2025-09-19', 20, '2025-10-23', '20 days across 国庆·中秋 2025'],
    ['2025-12-31', 1, '2026-01-04', 'across the new year onto the 调休 Sunday 1月4日'],
    ['2026-02-13', 1, '2026-02-14', 'Friday → the 调休 Saturday 2月14日'],
    ['2026-02-14', 1, '2026-02-24', 'the nine days 2月15日–23日 skipped'],
    ['2026-02-26', 2, '2026-02-28', 'the 调休 Saturday 2月28日'],
    ['2026-02-09', 20, '2026-03-13', '20 days across 春节 2026'],
    ['2026-09-18', 1, '2026-09-20', 'Friday → the 调休 Sunday 9月20日'],
    ['2026-09-24', 1, '2026-09-28', '中秋 9月25日–27日 skipped'],
    ['2026-09-30', 1, '2026-10-08', 'the start day is not counted; 10月1日–7日 skipped'],
    ['2026-09-30', 3, '2026-10-10', 'the 调休 Saturday 10月10日'],
    ['2026-09-15', 20, '2026-10-19', '20 days across 中秋 and 国庆 2026'],
  ] as [string, number, string, string][])('%s + %i working days = %s (%s)', (from, count, expected) => {
    expect(addWorkingDays(from, count)).toBe(expected);
    expect(workingDaysBetween(from, expected)).toBe(count);
  });

  it.each([
    ['2025-01-26', true],
    ['2025-01-28', false],
    ['2025-02-04', false],
    ['2025-02-08', true],
    ['2025-02-09', false],
    ['2025-09-28', true],
    ['2025-10-08', false],
    ['2025-10-11', true],
    ['2026-01-04', true],
    ['2026-02-14', true],
    ['2026-02-23', false],
    ['2026-02-28', true],
    ['2026-09-20', true],
    ['2026-09-25', false],
    ['2026-10-07', false],
    ['2026-10-10', true],
    ['2026-10-11', false],
    ['2026-10-12', true],
  ] as [string, boolean][])('%s is a working day: %s', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  it('does not count the start day, and counts nothing backwards', () => {
    expect(addWorkingDays('2026-10-08', 0)).toBe('2026-10-08');
    expect(workingDaysBetween('2026-10-08', '2026-10-08')).toBe(0);
    expect(workingDaysBetween('2026-10-08', '2026-10-09')).toBe(1);
    expect(workingDaysBetween('2026-10-09', '2026-10-08')).toBe(0);
  });

  it('rejects what is not a date, in Chinese', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow('「2026-02-30」不是日期');
    expect(() => addWorkingDays('2026/10/08', 1)).toThrow('不是日期');
  });
});

describe('a year without a published calendar', () => {
  it('is refused, never counted as Monday–Friday, and the message says where to add it', () => {
    expect(() => isWorkingDay('2027-03-01')).toThrow(NoPublishedCalendarError);
    expect(() => isWorkingDay('2027-03-01')).toThrow(/2027 年没有国务院公布的节假日安排.*core\/calendar\/extraYears\.ts/);
    expect(() => isWorkingDay('2003-06-02')).toThrow(NoPublishedCalendarError);
  });

  it('refuses a count that runs into it', () => {
    // 2026-12-17 + 9 working days is 30 December; + 20 would end in January 2027.
    expect(addWorkingDays('2026-12-17', 9)).toBe('2026-12-30');
    expect(() => addWorkingDays('2026-12-17', 20)).toThrow(/2027 年没有国务院公布的节假日安排/);
  });

  it('is counted once its days off and 调休 days are added in one place', () => {
    const calendar = createWorkingDayCalendar([
      // Invented dates: only the mechanism is under test.
      { year: 2027, notice: '测试', daysOff: [['2027-01-01', '2027-01-03']], makeUpWorkingDays: ['2027-01-09'] },
    ]);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2027-01-04')).toBe(true);
    expect(calendar.isWorkingDay('2027-01-09')).toBe(true);
    expect(calendar.isWorkingDay('2027-01-10')).toBe(false);
    expect(calendar.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(calendar.knownYears).toBe('2004–2027 年');
    expect(() => calendar.isWorkingDay('2028-01-03')).toThrow(NoPublishedCalendarError);
  });

  it('refuses an added year that is wrong rather than trusting it', () => {
    const year = (extra: object) => ({ year: 2027, notice: '测试', daysOff: [], makeUpWorkingDays: [], ...extra });
    expect(() => createWorkingDayCalendar([year({ year: 2026 })])).toThrow('已由 chinese-days 提供');
    expect(() => createWorkingDayCalendar([year({}), year({})])).toThrow('出现了两次');
    expect(() => createWorkingDayCalendar([year({ makeUpWorkingDays: ['2028-01-02'] })])).toThrow('其他年份的日期 2028-01-02');
    expect(() => createWorkingDayCalendar([year({ daysOff: [['2027-02-01', '2027-02-03']], makeUpWorkingDays: ['2027-02-02'] })])).toThrow(
      '既是放假日又是调休上班日',
    );
  });
});

describe('the chinese-days package', () => {
  it('carries exactly the years the calendar says it does', () => {
    const require = createRequire(import.meta.url);
    const yearsDir = join(dirname(require.resolve('chinese-days/package.json')), 'dist', 'years');
    const years = readdirSync(yearsDir)
      .flatMap((name) => /^(\d{4})\.json$/.exec(name)?.[1] ?? [])
      .map(Number)
      .sort();
    expect({ first: years[0], last: years.at(-1) }).toEqual(LIBRARY_YEARS);
  });

  describe('in a time zone west of Greenwich', () => {
    const zone = process.env.TZ;
    afterEach(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });
    it('still answers for the Beijing date asked', () => {
      process.env.TZ = 'America/Los_Angeles';
      expect(new Date(2026, 9, 11).getTimezoneOffset()).toBeGreaterThan(0);
      expect(isWorkingDay('2026-10-11')).toBe(false);
      expect(isWorkingDay('2026-10-10')).toBe(true);
      expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    });
  });
});

describe('the README', () => {
  it('says where the calendar of a later year is added', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toMatch(/add the year to\s+`core\/calendar\/extraYears\.ts`/);
  });
});
