/**
 * `npm run annual-report` and the deadline desk's line for the report, run as a user runs them on a copy
 * of the sample dataset: the report in the template's tables, a year without data refused, --fill writing
 * the counts into a report's draft, a 表三 that does not balance refused naming its column, and
 * `npm run deadlines` flagging an unreleased report before 31 January.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countReportTables } from '../../core/disclosure/report/annualReport.ts';
import { tableThreeItems, type StoredTableThreeRow } from '../../core/disclosure/report/tables.ts';
import { toNdjson } from '../../core/content/ndjson.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { sampleDocuments } from '../../scripts/sample/build.ts';
import { runNpm } from '../helpers/run.ts';

const sample = sampleDocuments() as StoredDocument[];
const report2025 = sample.find((doc) => doc._id === 'annualReport-2025')!;

function dataset(documents: StoredDocument[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'annual-report-')), 'dataset.ndjson');
  writeFileSync(path, toNdjson(documents));
  return path;
}
const readBack = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as StoredDocument);
const report = (...args: string[]) => runNpm(['annual-report', '--', ...args]);

describe('npm run annual-report', () => {
  const path = dataset(sample);

  it('prints the released 2025 report in the template structure, its tables as counted', () => {
    const result = report('--year', '2025', '--dataset', path);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const headings = result.stdout.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## 一、总体情况',
      '## 二、主动公开政府信息情况',
      '## 三、收到和处理政府信息公开申请情况',
      '## 四、政府信息公开行政复议、行政诉讼情况',
      '## 五、存在的主要问题及改进情况',
      '## 六、其他需要报告的事项',
    ]);
    expect(result.stdout).toContain('| 行政规范性文件 | 本年制发件数 | 2 |');
    expect(result.stdout).toContain('| 行政规范性文件 | 现行有效件数 | 4 |');
    expect(result.stdout).toContain('| 行政许可 | 本年处理决定数量 | 4126 |');
    expect(result.stdout).toContain('| 一、本年新收政府信息公开申请数量 | 4 | 2 | 1 | 1 | 0 | 1 | 9 |');
    expect(result.stdout).toContain('| （七）总计 | 4 | 2 | 1 | 1 | 0 | 0 | 8 |');
    expect(result.stdout).toContain('| 行政复议 | 1 | 0 | 0 | 0 | 1 |');
    expect(result.stdout).toContain('全年制发行政规范性文件2件');
  });

  it('refuses a year without data, and a missing year', () => {
    // Before the sample's first policy (2022) nothing was issued, in force or asked for.
    const empty = report('--year', '2019', '--dataset', path);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('2019 年没有可报告的数据');
    expect(empty.stdout).toBe('');
    const future = report('--year', '2099', '--dataset', path);
    expect(future.status).toBe(1);
    expect(future.stderr).toContain('2099 年尚未开始');
    const missing = report('--dataset', path);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('请用 --year <年份> 指定报告年度');
  });

  it('--fill writes the counts into the report draft; the printout then agrees with the content', () => {
    const { tableTwo: _two, tableThree: _three, publishedAt: _at, indexNumber: _number, ...rest } = report2025;
    const draft = { ...rest, _id: 'drafts.annualReport-2026', year: 2026, slug: { _type: 'slug', current: '2026' } } as StoredDocument;
    const withDraft = dataset([...sample, draft]);
    const before = report('--year', '2026', '--dataset', withDraft);
    expect(before.status).toBe(0);
    expect(before.stderr).toContain('报告中的统计与当前内容不一致');

    expect(report('--year', '2026', '--dataset', withDraft, '--fill').stderr).toContain('须用 --as <姓名>');
    const filled = report('--year', '2026', '--dataset', withDraft, '--fill', '--as', '王编辑');
    expect(filled.status).toBe(0);
    expect(filled.stderr).toContain('已将按内容统计的表二、表三写入 annualReport-2026 的草稿');
    const stored = readBack(withDraft).find((doc) => doc._id === 'drafts.annualReport-2026')!;
    const counted = countReportTables(sample, 2026);
    expect(stored.tableTwo).toEqual(counted.tableTwo);
    expect(stored.tableThree).toEqual(tableThreeItems(counted.tableThree));
    expect(stored.lastEditedBy).toBe('王编辑');
    expect(report('--year', '2026', '--dataset', withDraft).stderr).not.toContain('不一致');
  });

  it('refuses a report whose 表三 does not balance, naming the column', () => {
    const rows = (report2025.tableThree as StoredTableThreeRow[]).map((row) =>
      row.row === 'newlyReceived' ? { ...row, research: 3 } : row,
    );
    const result = report(
      '--year',
      '2025',
      '--dataset',
      dataset(sample.map((doc) => (doc === report2025 ? { ...doc, tableThree: rows } : doc))),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('annualReport-2025');
    expect(result.stderr).toContain('「科研机构」栏');
  });
});

describe('npm run deadlines: the annual report', () => {
  const unreleased = dataset(
    sample.map((doc) => (doc === report2025 ? { ...doc, _id: 'drafts.annualReport-2025', publishedAt: undefined } : doc)),
  );

  it("flags the previous year's unreleased report before and after 31 January", () => {
    const before = runNpm(['deadlines', '--', '--dataset', unreleased, '--today', '2026-01-20']);
    expect(before.status).toBe(0);
    expect(before.stdout).toContain(
      '年度报告：2025 年政府信息公开工作年度报告应于 2026-01-31 前公布（条例第四十九条）：已起草，尚未发布，剩余 11 天',
    );
    const after = runNpm(['deadlines', '--', '--dataset', unreleased, '--today', '2026-02-03', '--json']);
    expect(JSON.parse(after.stdout).annualReport).toMatchObject({ year: 2025, state: 'overdue', days: 3 });
  });

  it('says nothing of a released report', () => {
    const result = runNpm(['deadlines', '--', '--dataset', dataset(sample), '--today', '2026-01-20']);
    expect(result.stdout).not.toContain('年度报告');
  });
});
