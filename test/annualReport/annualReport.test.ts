/**
 * The 政府信息公开工作年度报告: 表二 and 表三 counted from the sample match counts worked out by hand; a 表三
 * that breaks 一 + 二 = (七) + 四 is refused naming its column (by the model, by the report, by the
 * workflow); the report is signed off and released as a unit of one; the desk flags the previous year's
 * report from 1 January until it is released.
 */
import { describe, expect, it } from 'vitest';
import { countReportTables, reportContent, reportTables } from '../../core/disclosure/report/annualReport.ts';
import { annualReportDue } from '../../core/disclosure/report/reportDue.ts';
import { tableThreeItems, tableThreeProblem, type StoredTableThreeRow } from '../../core/disclosure/report/tables.ts';
import { countTableTwo } from '../../core/disclosure/report/tableTwo.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { documentSchemas } from '../../core/model/schemas.ts';
import { MemoryStore } from '../../core/workflow/memoryStore.ts';
import { Workflow } from '../../core/workflow/workflow.ts';
import { sampleDocuments } from '../../scripts/sample/build.ts';
import { deadlineDeskIds } from '../../studio/deadlineDesk.ts';
import { Snapshot } from '../../core/workflow/snapshot.ts';

const sample = sampleDocuments() as StoredDocument[];
const sampleReport = sample.find((doc) => doc._id === 'annualReport-2025')!;

/** Every row of a column as a list, in the template's order, for comparing against hand counts. */
const zeroRow = { naturalPerson: 0, business: 0, research: 0, publicInterest: 0, legalService: 0, otherOrganisation: 0 };

describe('表二 counted from the sample', () => {
  it('2025: 行政规范性文件 issued 2, repealed 1, in force 4; no 规章 (a municipal bureau issues none)', () => {
    // By hand from content/sample/policies/: 株市监规〔2025〕1号 (2025-03-18) and 〔2025〕2号 (2025-05-12) issued;
    // 株市监规〔2022〕1号 repealed on 2025-05-01 by the first; in force at 31 December: 〔2023〕1号 (amended,
    // still in force), 〔2024〕1号 and the two of 2025. The 株市监发 documents are 其他文件, in no row.
    const { counts, problems } = countTableTwo(sample, 2025);
    expect(problems).toEqual([]);
    expect(counts).toEqual({ regulation: { issued: 0, repealed: 0, inForce: 0 }, normative: { issued: 2, repealed: 1, inForce: 4 } });
  });

  it('2024: one issued, none repealed (the repealed 株市监发〔2022〕35号 is no 规范性文件), three in force', () => {
    expect(countTableTwo(sample, 2024).counts.normative).toEqual({ issued: 1, repealed: 0, inForce: 3 });
  });

  it('counts only released policies, counts an expired one as repealed, and lists one without a kind', () => {
    const policy = (id: string, fields: Record<string, unknown>): StoredDocument => ({
      _id: id,
      _type: 'policy',
      title: id,
      formedAt: '2025-02-01',
      validity: 'valid',
      ...fields,
    });
    const { counts, unclassified } = countTableTwo(
      [
        policy('p-issued', { kind: 'normative', issuedAt: '2025-03-01', formedAt: '2024-12-20' }),
        policy('drafts.p-draft', { kind: 'normative' }),
        policy('p-expired', { kind: 'normative', formedAt: '2020-01-01', validity: 'expired', repealedAt: '2025-12-31' }),
        policy('p-later', { kind: 'normative', formedAt: '2021-01-01', validity: 'repealed', repealedAt: '2026-01-01' }),
        policy('p-none', {}),
      ],
      2025,
    );
    // p-issued by its 制发日期 (not its 生成日期 of 2024); the draft not at all; p-expired is repealed in
    // 2025 and no longer in force on 31 December; p-later is repealed only in 2026.
    expect(counts.normative).toEqual({ issued: 1, repealed: 1, inForce: 2 });
    expect(unclassified).toEqual(['p-none']);
  });

  it('refuses a repealed 行政规范性文件 without its repeal date, naming the document and field', () => {
    const { problems } = countTableTwo(
      [{ _id: 'p-old', _type: 'policy', title: '旧办法', kind: 'normative', formedAt: '2020-01-01', validity: 'repealed' }],
      2025,
    );
    expect(problems).toEqual([expect.objectContaining({ id: 'p-old', field: 'repealedAt' })]);
    expect(problems[0]!.message).toContain('没有废止（失效）日期');
    expect(() =>
      countReportTables(
        [{ _id: 'p-old', _type: 'policy', title: '旧办法', kind: 'normative', formedAt: '2020-01-01', validity: 'repealed' }],
        2025,
      ),
    ).toThrow(/p-old.*repealedAt/s);
  });
});

describe('表三 counted from the sample register', () => {
  it('2025 matches the count worked out by hand from content/sample/requests.yaml', () => {
    // Received in 2025: 9 requests — 自然人 4, 商业企业 2, 科研机构 1, 社会公益组织 1, 其他 1; none from 2024.
    // Answered in 2025: 予以公开 自然人 2 + 科研机构 1; 部分公开 商业企业 1; 不予公开·行政执法案卷 商业企业 1;
    // 无法提供·不掌握 社会公益组织 1; 不予处理·重复申请 自然人 1; 其他处理·逾期不补正 自然人 1.
    // The 其他 organisation's request of 22 December was answered on 16 January 2026: carried forward.
    const { tableThree } = countReportTables(sample, 2025);
    const expected: Record<string, typeof zeroRow> = {
      newlyReceived: { ...zeroRow, naturalPerson: 4, business: 2, research: 1, publicInterest: 1, otherOrganisation: 1 },
      disclosed: { ...zeroRow, naturalPerson: 2, research: 1 },
      partlyDisclosed: { ...zeroRow, business: 1 },
      'withheld.enforcementFiles': { ...zeroRow, business: 1 },
      'unavailable.notHeld': { ...zeroRow, publicInterest: 1 },
      'notProcessed.repeated': { ...zeroRow, naturalPerson: 1 },
      'otherHandling.noCorrection': { ...zeroRow, naturalPerson: 1 },
      carriedForward: { ...zeroRow, otherOrganisation: 1 },
    };
    for (const [row, counts] of Object.entries(tableThree)) expect({ row, counts }).toEqual({ row, counts: expected[row] ?? zeroRow });
  });

  it('the released sample report carries exactly what the content counts', () => {
    const counted = countReportTables(sample, 2025);
    expect(sampleReport.tableTwo).toEqual(counted.tableTwo);
    expect(sampleReport.tableThree).toEqual(tableThreeItems(counted.tableThree));
    const [, three] = reportTables(reportContent(sampleReport));
    expect(three!.rows.find((row) => row[0] === '（七）总计')).toEqual(['（七）总计', '4', '2', '1', '1', '0', '0', '8']);
  });
});

describe('一 + 二 = (七) + 四 in every column', () => {
  const broken = (): StoredTableThreeRow[] =>
    (sampleReport.tableThree as StoredTableThreeRow[]).map((row) => (row.row === 'carriedForward' ? { ...row, business: 2 } : row));

  it('names the column that breaks it', () => {
    expect(tableThreeProblem(sampleReport.tableThree)).toBeNull();
    const problem = tableThreeProblem(broken());
    expect(problem).toContain('「商业企业」栏');
    expect(problem).toContain('本年新收 2 + 上年结转 0 = 2');
    expect(problem).toContain('办理结果总计 2 + 结转下年度继续办理 2 = 4');
  });

  it('a missing or doubled row is refused too', () => {
    const rows = sampleReport.tableThree as StoredTableThreeRow[];
    expect(tableThreeProblem(rows.slice(1))).toContain('缺少「一、本年新收政府信息公开申请数量」');
    expect(tableThreeProblem([...rows, rows[0]!])).toContain('出现了两次');
  });

  it('the model, the report and the workflow refuse such a report', async () => {
    const bad = { ...sampleReport, tableThree: broken() };
    const parsed = documentSchemas.annualReport.published.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues).toEqual([
      expect.objectContaining({ path: ['tableThree'], message: expect.stringContaining('「商业企业」栏') }),
    ]);
    expect(() => reportContent(bad)).toThrow(/annualReport-2025.*tableThree.*「商业企业」栏/s);

    const draft = { ...bad, _id: 'drafts.annualReport-2026', year: 2026, slug: { _type: 'slug', current: '2026' }, publishedAt: undefined };
    const workflow = new Workflow(new MemoryStore([...sample, draft as StoredDocument]));
    await expect(workflow.run('submit', 'annualReport-2026', '王编辑')).rejects.toThrow(/tableThree.*「商业企业」栏/s);
  });
});

describe('sign-off and release: a unit of one', () => {
  it('a report is submitted, signed off by another person and released with its 索引号', async () => {
    const { _rev: _, publishedAt: __, indexNumber: ___, ...content } = sampleReport;
    const draft = {
      ...content,
      _id: 'drafts.annualReport-2026',
      _rev: 'r1',
      year: 2026,
      slug: { _type: 'slug', current: '2026' },
      lastEditedBy: '王编辑',
    };
    const store = new MemoryStore([...sample, draft as StoredDocument]);
    const workflow = new Workflow(store, { now: () => new Date('2027-01-20T02:00:00Z') });
    await workflow.run('submit', 'annualReport-2026', '王编辑');
    const signer = { confidentialityChecked: true };
    await workflow.run('signoff', 'annualReport-2026', '李审核', signer);
    await workflow.run('release', 'annualReport-2026', '李审核');
    const released = store.documents.find((doc) => doc._id === 'annualReport-2026')!;
    expect(released.publishedAt).toBe('2027-01-20T02:00:00.000Z');
    expect(released.indexNumber).toMatch(/\/2027-\d{5}$/);
    expect(store.documents.some((doc) => doc._id === 'drafts.annualReport-2026')).toBe(false);
  });

  it('the 网址标识 must be the report year', () => {
    const parsed = documentSchemas.annualReport.published.safeParse({ ...sampleReport, slug: { _type: 'slug', current: '2024' } });
    expect(parsed.error!.issues).toEqual([expect.objectContaining({ path: ['year'], message: '网址标识应为报告年度「2025」' })]);
  });
});

describe("the desk flags the previous year's report around 31 January", () => {
  const unreleased = sample.filter((doc) => doc._type !== 'annualReport').concat({ ...sampleReport, _id: 'drafts.annualReport-2025' });

  it('from 1 January: 即将到期 to the day, then 已超期', () => {
    expect(annualReportDue(unreleased, '2026-01-01')).toMatchObject({ year: 2025, dueDate: '2026-01-31', state: 'dueSoon', days: 30 });
    expect(annualReportDue(unreleased, '2026-01-31')).toMatchObject({ state: 'dueSoon', days: 0 });
    expect(annualReportDue(unreleased, '2026-02-01')).toMatchObject({ state: 'overdue', days: 1 });
    // On 31 December it is the report of the year before that is asked for (here: 2024, never written).
    expect(annualReportDue(unreleased, '2025-12-31')).toMatchObject({ year: 2024, state: 'overdue', documents: [] });
  });

  it('a released report is not flagged', () => {
    expect(annualReportDue(sample, '2026-01-20')).toBeUndefined();
    expect(annualReportDue(sample, '2026-03-01')).toBeUndefined();
  });

  it('the Studio desk lists the draft report in 即将到期, then in 已超期', () => {
    const snapshot = new Snapshot(unreleased);
    expect(deadlineDeskIds(snapshot, '2026-01-20').dueSoon).toContain('drafts.annualReport-2025');
    expect(deadlineDeskIds(snapshot, '2026-02-02').overdue).toContain('drafts.annualReport-2025');
    expect(deadlineDeskIds(new Snapshot(sample), '2026-01-20').dueSoon).not.toContain('annualReport-2025');
  });
});
