/**
 * `npm run requests` on the sample dataset: the desk's groups for a given day, the 第四十四条 prompt, an
 * answer letter as text and as HTML, and the refusals (unknown request, one not yet answered, a day the
 * calendar cannot count).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runNpm } from '../helpers/run.ts';

const SAMPLE = join(ROOT, 'content', 'dataset.ndjson');

function requests(...args: string[]) {
  return runNpm(['requests', '--', '--dataset', SAMPLE, ...args]);
}

describe('npm run requests', () => {
  it('lists the desk on 2026-11-30 with the overdue and due-soon requests and the prompt', () => {
    const { status, stdout } = requests('--today', '2026-11-30');
    expect(status).toBe(0);
    expect(stdout).toMatch(/待补正：1 件\n {2}request-2026-pharmacy-inspection/);
    expect(stdout).toMatch(/征求第三方意见：1 件\n {2}request-2026-medical-device-registration/);
    expect(stdout).toMatch(/即将到期：1 件\n {2}request-2026-school-canteens.*\n.*答复期限 2026-12-02 · 剩余 2 个工作日/);
    expect(stdout).toMatch(/已超期：1 件\n {2}request-2026-price-complaints.*\n.*已超期 11 个工作日/);
    expect(stdout).toContain('已办结：13 件');
    expect(stdout).toMatch(/提示：3 个申请人申请同一信息.*第四十四条/);
  });

  it('a week later the due-soon request is overdue', () => {
    const { stdout } = requests('--today', '2026-12-07', '--json');
    const { desk } = JSON.parse(stdout);
    expect(desk.overdue.map((item: { id: string }) => item.id)).toEqual(['request-2026-price-complaints', 'request-2026-school-canteens']);
  });

  it('prints an answer letter with its decision and remedies, as text and as HTML', () => {
    const text = requests('--letter', 'request-2025-case-file');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('政府信息公开申请答复告知书');
    expect(text.stdout).toMatch(/醴陵市瓷谷汇通贸易有限公司：\n.*2025年5月19日收到/);
    expect(text.stdout).toMatch(/行政执法案卷信息.*第十六条.*不予公开/);
    expect(text.stdout).toMatch(/60 日内.*行政复议.*6 个月内.*行政诉讼/);
    const html = requests('--letter', 'request-2025-case-file', '--html');
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain('<p>醴陵市瓷谷汇通贸易有限公司：</p>');
  });

  it('refuses an unknown request, an unanswered one, and a year without a calendar', () => {
    const unknown = requests('--letter', 'request-none');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('登记簿中没有申请 request-none');
    const open = requests('--letter', 'request-2026-school-canteens');
    expect(open.status).toBe(1);
    expect(open.stderr).toContain('尚未答复');
    const noCalendar = requests('--today', '2027-01-05');
    expect(noCalendar.status).toBe(1);
    expect(noCalendar.stderr).toContain('2027 年没有国务院公布的节假日安排');
  });
});
