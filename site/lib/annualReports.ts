/**
 * The published 政府信息公开工作年度报告, read once per build from the build's content source (buildSource.ts; the preview
 * reads drafts and leaves out a report it cannot read), each with its tables as cells: the page and its
 * CSV downloads show the same cells (core/disclosure/report/annualReport.ts).
 */
import { annualReportsQuery, type QueryResultOf } from '../../core/content/queries.ts';
import { reportContent, reportTables, type ReportContent, type ReportTable } from '../../core/disclosure/report/annualReport.ts';
import { buildSource } from './buildSource.ts';
import { PREVIEW } from './mode.ts';

type AnnualReportEntry = QueryResultOf<typeof annualReportsQuery>[number];

export interface PublishedReport {
  doc: AnnualReportEntry;
  content: ReportContent;
  tables: ReportTable[];
}

async function load(): Promise<PublishedReport[]> {
  const source = await buildSource();
  const docs = PREVIEW ? (await source.fetchLenient(annualReportsQuery)).data : await source.fetch(annualReportsQuery);
  return docs.map((doc) => {
    const content = reportContent(doc);
    return { doc, content, tables: reportTables(content) };
  });
}

let loading: Promise<PublishedReport[]> | undefined;

/** Every published report, the latest year first. */
export function annualReports(): Promise<PublishedReport[]> {
  loading ??= load();
  return loading;
}
