/**
 * The annual report in the Studio: it gets the workflow's actions (a unit of one) and 「按内容统计表二、表三」,
 * which writes exactly the counts of the content into the report's draft in one request, is disabled until
 * the report has its year, and reports the outcome in a toast.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { DocumentActionComponent, DocumentActionDescription, DocumentActionProps, DocumentActionsContext } from 'sanity';
import { describe, expect, it, vi } from 'vitest';
import { countedFields, countReportTables } from '../../core/disclosure/report/annualReport.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { sampleDocuments } from '../../scripts/sample/build.ts';
import { annualReportCountActions, createAnnualReportCountAction } from '../../studio/actions/annualReportCounts.ts';
import type { Notice } from '../../studio/actions/deps.ts';
import { resolveDocumentActions } from '../../studio/actions/index.ts';

const sample = sampleDocuments() as StoredDocument[];

function rendered(draft: Record<string, unknown> | null, count = vi.fn().mockResolvedValue(undefined)) {
  const notices: Notice[] = [];
  const action = createAnnualReportCountAction({ useCountReport: () => count, useNotify: () => (notice) => void notices.push(notice) });
  const props = {
    id: 'annualReport-2026',
    type: 'annualReport',
    draft,
    published: null,
    onComplete: vi.fn(),
  } as unknown as DocumentActionProps;
  let description: DocumentActionDescription | null = null;
  const Probe = () => {
    description = action(props);
    return null;
  };
  renderToStaticMarkup(createElement(Probe));
  return { description: description as unknown as DocumentActionDescription, notices, count, props };
}

describe('「按内容统计表二、表三」', () => {
  it("writes the year's counts into the report draft, in one request, as the current user", () => {
    const actions = annualReportCountActions(sample, 'annualReport-2026', 2026, '王编辑');
    expect(actions).toEqual([
      {
        actionType: 'sanity.action.document.edit',
        draftId: 'drafts.annualReport-2026',
        publishedId: 'annualReport-2026',
        patch: { set: { ...countedFields(countReportTables(sample, 2026)), lastEditedBy: '王编辑' } },
      },
    ]);
    // 2026 of the sample: 5 requests still open at the end of the year are carried forward.
    const rows = (actions[0] as unknown as { patch: { set: { tableThree: { row: string; naturalPerson: number }[] } } }).patch.set
      .tableThree;
    expect(rows.find((row) => row.row === 'carriedForward')).toMatchObject({
      naturalPerson: 2,
      business: 1,
      publicInterest: 1,
      legalService: 1,
    });
  });

  it('is disabled, saying why, until the report has its year', () => {
    const { description } = rendered({ title: '年度报告' });
    expect(description.disabled).toBe(true);
    expect(description.title).toBe('请先填写报告年度');
    expect(rendered({ year: 2026 }).description.disabled).toBe(false);
  });

  it("counts for the report's year and says so; a failure is shown with its reason", async () => {
    const done = rendered({ year: 2026 });
    await done.description.onHandle!();
    expect(done.count).toHaveBeenCalledWith('annualReport-2026', 2026);
    expect(done.notices).toEqual([{ status: 'success', title: '已按内容统计 2026 年度的表二、表三，并写入草稿' }]);

    const failed = rendered({ year: 2026 }, vi.fn().mockRejectedValue(new Error('政策文件 p-old 没有废止日期')));
    await failed.description.onHandle!();
    expect(failed.notices).toEqual([
      expect.objectContaining({ status: 'error', title: '统计表二、表三失败', description: expect.stringContaining('p-old') }),
    ]);
  });

  it("is offered on annual reports only, beside the workflow's actions", () => {
    const names = (type: string) =>
      (resolveDocumentActions([], { schemaType: type } as DocumentActionsContext) as DocumentActionComponent[]).map((a) => a.displayName);
    expect(names('annualReport')).toEqual(
      expect.arrayContaining(['WorkflowAction(submit)', 'WorkflowAction(release)', 'AnnualReportCounts']),
    );
    expect(names('trademarkNews')).not.toContain('AnnualReportCounts');
  });
});
