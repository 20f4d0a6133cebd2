/**
 * 「按内容统计表二、表三」 on a 政府信息公开工作年度报告: reads the policies and the request register from the
 * Content Lake, counts 表二's 规章 and 行政规范性文件 rows and 表三 for the report's year with the same code as
 * `npm run annual-report -- --fill` (core/disclosure/report/), and writes them into the report's draft in
 * one request. The fields are read-only in the form: what is signed off is what was counted.
 */
import type { Action } from '@sanity/client';
import { useState } from 'react';
import type { DocumentActionComponent, DocumentActionProps } from 'sanity';
import { countedFields, countReportTables } from '../../core/disclosure/report/annualReport.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { draftId, publishedId } from '../../core/model/documentTypes.ts';
import { ANNUAL_REPORT } from '../i18n.ts';
import { describeError, type Notice } from './deps.ts';

/** The one request writing the year's counts into report `id` (its draft, made from the published version if need be). */
export function annualReportCountActions(documents: readonly StoredDocument[], id: string, year: number, by: string): Action[] {
  const set = { ...countedFields(countReportTables(documents, year)), lastEditedBy: by };
  return [{ actionType: 'sanity.action.document.edit', draftId: draftId(id), publishedId: publishedId(id), patch: { set } }];
}

export interface AnnualReportCountDeps {
  /** Returns the function that counts the year's tables from the Content Lake and writes them into report `id`. */
  useCountReport: () => (id: string, year: number) => Promise<void>;
  useNotify: () => (notice: Notice) => void;
}

export function createAnnualReportCountAction(deps: AnnualReportCountDeps): DocumentActionComponent {
  const CountTables: DocumentActionComponent = (props: DocumentActionProps) => {
    const count = deps.useCountReport();
    const notify = deps.useNotify();
    const [busy, setBusy] = useState(false);
    const year = (props.draft ?? props.published)?.year;
    const ready = typeof year === 'number';
    return {
      label: ANNUAL_REPORT.count,
      disabled: busy || !ready,
      title: ready ? undefined : ANNUAL_REPORT.noYear,
      onHandle: async () => {
        setBusy(true);
        try {
          await count(props.id, year as number);
          notify({ status: 'success', title: ANNUAL_REPORT.counted(year as number) });
        } catch (error) {
          notify({ status: 'error', title: ANNUAL_REPORT.failed, description: describeError(error) });
        } finally {
          setBusy(false);
          props.onComplete();
        }
      },
    };
  };
  CountTables.displayName = 'AnnualReportCounts';
  return CountTables;
}
