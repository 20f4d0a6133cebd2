/**
 * The disclosure clock through the real commands: `npm run deadlines` lists 即将到期 and 已超期 on
 * the sample dataset for a given day, and `npm run workflow -- release` refuses a late release
 * without --late-reason and keeps the reason in the audit entry with it.
 *
 * The yearly 复核 of the sample's information that is not proactive (one calendar year, 条例 第十八条):
 *   policy-2025-internal-case-assignment (不予公开), never reviewed, formed 2025-04-07 → due 2026-04-07
 *   result-2025-rail-transit-components (依申请公开), never reviewed, formed 2025-12-03 → due 2026-12-03
 *   trademark-2025-lusong-informant-records (不予公开), reviewed 2025-12-10 → due 2026-12-10
 *   analysis-2026-10-internal-briefing (不予公开), formed 2026-11-06 → due 2027-11-06
 *
 * The sample's unreleased proactive units (hand-worked due dates, 20 working days):
 *   proposal-2026-zx-0102-measurement-fairness (草稿), formed 2026-11-20 → due 2026-12-18
 *   policy-2026-changzhutan-consumer (待审签), formed 2026-11-24 → due 2026-12-22
 *   trademark-2026-brand-cultivation-meeting (草稿), formed 2026-11-25 → due 2026-12-23
 */
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runNpm } from '../helpers/run.ts';

const SAMPLE = join(ROOT, 'content', 'dataset.ndjson');

function deadlines(...args: string[]) {
  return runNpm(['deadlines', '--', '--dataset', SAMPLE, ...args]);
}

describe('npm run deadlines', () => {
  it('lists nothing three weeks before the due dates', () => {
    const result = deadlines('--today', '2026-11-30');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('已超期：0 项');
    expect(result.stdout).toContain('即将到期（剩余 5 个工作日以内）：0 项');
  });

  it('lists the three units as 即将到期 with the working days left', () => {
    const result = deadlines('--today', '2026-12-17');
    expect(result.stdout).toContain('即将到期（剩余 5 个工作日以内）：3 项');
    expect(result.stdout).toMatch(
      /proposal-2026-zx-0102-measurement-fairness .*\n\s+生成日期 2026-11-20 · 公开期限 2026-12-18 · 剩余 1 个工作日 · 草稿/,
    );
    expect(result.stdout).toMatch(
      /policy-2026-changzhutan-consumer .*\n\s+生成日期 2026-11-24 · 公开期限 2026-12-22 · 剩余 3 个工作日 · 待审签/,
    );
    expect(result.stdout).toMatch(
      /trademark-2026-brand-cultivation-meeting .*\n\s+生成日期 2026-11-25 · 公开期限 2026-12-23 · 剩余 4 个工作日 · 草稿/,
    );
    // Released units, however old, are never on the list.
    expect(result.stdout).not.toContain('policy-2024-food-delivery');
  });

  it('lists them as 已超期 once past, in JSON too', () => {
    const text = deadlines('--today', '2026-12-24').stdout;
    expect(text).toContain('已超期：3 项');
    expect(text).toContain('公开期限 2026-12-18 · 已超期 4 个工作日');
    expect(text).toContain('公开期限 2026-12-22 · 已超期 2 个工作日');
    expect(text).toContain('公开期限 2026-12-23 · 已超期 1 个工作日');
    const json = JSON.parse(deadlines('--today', '2026-12-23', '--json').stdout);
    expect(json.overdue.map((item: { unit: string }) => item.unit)).toEqual([
      'proposal-2026-zx-0102-measurement-fairness',
      'policy-2026-changzhutan-consumer',
    ]);
    expect(json.dueSoon).toMatchObject([
      { unit: 'trademark-2026-brand-cultivation-meeting', clock: { dueDate: '2026-12-23', workingDaysLeft: 0 } },
    ]);
    expect(deadlines('--today', '2026-12-23').stdout).toContain('今天到期');
  });

  it('refuses a day in a year without a published calendar, and a day that is no date', () => {
    const late = deadlines('--today', '2027-01-05');
    expect(late.status).toBe(1);
    expect(late.stderr).toContain('2027 年没有国务院公布的节假日安排');
    const bad = deadlines('--today', '2026-13-01');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('「2026-13-01」不是日期');
  });
});

describe('npm run workflow -- release after the due date', () => {
  it('is refused without --late-reason, naming the rule, and keeps the reason when given', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'late-release-')), 'dataset.ndjson');
    await copyFile(SAMPLE, path);
    // The 长株潭 pair as if formed on 2026-09-15: due 2026-10-19, long past on any day this runs.
    const lines = (await readFile(path, 'utf8')).split('\n').map((line) => {
      if (!/"_id":"drafts\.(policy|interpretation)-2026-changzhutan-consumer"/.test(line)) return line;
      return JSON.stringify({ ...JSON.parse(line), formedAt: '2026-09-15' });
    });
    await writeFile(path, lines.join('\n'));
    const workflow = (...args: string[]) => runNpm(['workflow', '--', ...args, '--dataset', path]);
    expect(workflow('submit', 'policy-2026-changzhutan-consumer', '--as', '王编辑').status).toBe(0);
    expect(workflow('signoff', 'policy-2026-changzhutan-consumer', '--as', '李审核', '--confidentiality-checked').status).toBe(0);

    const refused = workflow('release', 'policy-2026-changzhutan-consumer', '--as', '李审核');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('不能执行（公开时效：主动公开信息应自生成之日起 20 个工作日内公开（条例第二十六条））');
    expect(refused.stderr).toContain('应在 2026-10-19 前公开');
    expect(refused.stderr).toContain('--late-reason');

    const released = workflow('release', 'policy-2026-changzhutan-consumer', '--as', '李审核', '--late-reason', '须待省局备案审查后公开');
    expect(released.status).toBe(0);
    expect(released.stdout).toContain('（超期理由：须待省局备案审查后公开）');
    const audit = (await readFile(path, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .find((doc) => doc._type === 'workflowAudit' && doc.unit === 'policy-2026-changzhutan-consumer' && doc.action === 'release');
    expect(audit).toMatchObject({ dueDate: '2026-10-19', lateReason: '须待省局备案审查后公开' });
    expect(audit.workingDaysTaken).toBeGreaterThan(20);
  });
});

describe('the yearly 复核 through the commands', () => {
  it('npm run deadlines lists 复核已逾期 and 即将复核 (30 days), with the mode, the ground and the last review', () => {
    const result = deadlines('--today', '2026-11-30');
    expect(result.status).toBe(0);
    // 2026-04-07 → 2026-11-30: 23 + 31 + 30 + 31 + 31 + 30 + 31 + 30 days.
    expect(result.stdout).toMatch(
      /复核已逾期：1 项\n\s+policy-2025-internal-case-assignment .*\n\s+不予公开（过程性信息）· 从未复核，生成日期 2025-04-07 · 应复核日期 2026-04-07 · 已逾期 237 天 · 已发布/,
    );
    expect(result.stdout).toContain('即将复核（30 天以内）：2 项');
    expect(result.stdout).toMatch(
      /result-2025-rail-transit-components .*\n\s+依申请公开（涉及第三方合法权益）· 从未复核，生成日期 2025-12-03 · 应复核日期 2026-12-03 · 剩余 3 天/,
    );
    expect(result.stdout).toMatch(
      /trademark-2025-lusong-informant-records .*\n\s+不予公开（涉及第三方合法权益）· 最近复核 2025-12-10 · 应复核日期 2026-12-10 · 剩余 10 天/,
    );
    expect(result.stdout).not.toContain('analysis-2026-10-internal-briefing');
    const json = JSON.parse(deadlines('--today', '2026-12-10', '--json').stdout);
    expect(json.review.overdue.map((item: { unit: string }) => item.unit)).toEqual([
      'policy-2025-internal-case-assignment',
      'result-2025-rail-transit-components',
    ]);
    expect(json.review.dueSoon).toMatchObject([{ unit: 'trademark-2025-lusong-informant-records', dueDate: '2026-12-10', daysLeft: 0 }]);
  });

  it('npm run workflow -- review records the conclusion; the unit leaves the lists and stays released', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'review-')), 'dataset.ndjson');
    await copyFile(SAMPLE, path);
    const workflow = (...args: string[]) => runNpm(['workflow', '--', ...args, '--dataset', path]);
    const unit = 'policy-2025-internal-case-assignment';

    const missing = workflow('review', unit, '--as', '张科长');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('不能执行（公开属性复核（条例第十八条））：复核结论「」无效');
    expect(missing.stderr).toContain('--outcome keep');
    const proactive = workflow('review', 'policy-2024-food-delivery', '--as', '张科长', '--outcome', 'keep');
    expect(proactive.status).toBe(1);
    expect(proactive.stderr).toContain('为主动公开信息，无需复核公开属性');

    const reviewed = workflow('review', unit, '--as', '张科长', '--outcome', 'keep', '--comment', '仍属过程性信息');
    expect(reviewed.status, reviewed.stderr).toBe(0);
    expect(reviewed.stdout).toContain('公开属性复核：已记录「维持现公开属性」');
    expect(reviewed.stdout).toContain(`${unit} [已发布]`);
    expect(reviewed.stdout).toMatch(/公开属性：不予公开（过程性信息）· 最近复核 \d{4}-\d{2}-\d{2} · 应复核日期 \d{4}-\d{2}-\d{2}/);
    const documents = (await readFile(path, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    const reviewedOn = documents.find((doc) => doc._id === unit).disclosure.reviewedAt;
    expect(reviewedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(documents.find((doc) => doc._id === `interpretation-2025-internal-case-assignment`).disclosure.reviewedAt).toBe(reviewedOn);
    expect(documents.find((doc) => doc._type === 'workflowAudit' && doc.unit === unit && doc.action === 'review')).toMatchObject({
      actor: '张科长',
      reviewOutcome: 'keep',
      reviewedOn,
      reason: '仍属过程性信息',
    });
    const after = runNpm(['deadlines', '--', '--dataset', path, '--today', '2026-11-30']).stdout;
    expect(after).toContain('复核已逾期：0 项');
    expect(runNpm(['validate', '--', path]).status).toBe(0);
  });
});
