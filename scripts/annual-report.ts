/**
 * The 政府信息公开工作年度报告 of a year, in the tables of 国办公开办函〔2021〕30号, as Markdown.
 *
 *   npm run annual-report -- --year 2025 [--dataset <path>] [--out <file>]
 *   npm run annual-report -- --year 2025 --fill --as <姓名>
 *
 * Prints the year's report document (annualReport-<year>); 表二's 规章 and 行政规范性文件 rows and 表三 are
 * counted from the policies and the request register (core/disclosure/report/). Where the report carries
 * other counts than the content gives now, it says which. --fill writes the counts into the report's draft
 * (as an edit by --as; the report is then submitted, signed off and released like any single document).
 * A year with neither a report nor anything to count, or a 表三 that does not balance, exits 1 and says why.
 */
import { parseArgs } from 'node:util';
import { beijingYear } from '../core/beijingTime.ts';
import { writeFileAtomic } from '../core/content/atomicWrite.ts';
import { DEFAULT_DATASET } from '../core/content/dataset.ts';
import {
  AnnualReportError,
  annualReportId,
  countDifferences,
  countedFields,
  countReportTables,
  findReport,
  reportContent,
} from '../core/disclosure/report/annualReport.ts';
import { reportMarkdown } from '../core/disclosure/report/reportText.ts';
import { ContentError } from '../core/model/problems.ts';
import { publishedId } from '../core/model/documentTypes.ts';
import { DatasetStore } from '../core/workflow/datasetStore.ts';
import { requireActor } from '../core/workflow/transitions.ts';
import { WorkflowError } from '../core/workflow/units.ts';

const { values } = parseArgs({
  options: {
    year: { type: 'string' },
    dataset: { type: 'string', default: process.env.CONTENT_DATASET ?? DEFAULT_DATASET },
    out: { type: 'string' },
    fill: { type: 'boolean', default: false },
    as: { type: 'string' },
  },
});

class UsageError extends Error {}

function reportYear(): number {
  const year = Number(values.year);
  if (!values.year || !/^\d{4}$/.test(values.year) || year < 2008)
    throw new UsageError('请用 --year <年份> 指定报告年度，例如 --year 2025');
  const current = beijingYear(new Date());
  if (year > current) throw new UsageError(`${year} 年尚未开始，没有可报告的数据（今年是 ${current} 年）`);
  return year;
}

async function fill(store: DatasetStore, year: number, by: string | undefined): Promise<void> {
  if (by === undefined) throw new UsageError('--fill 写入报告草稿，须用 --as <姓名> 写明由谁统计');
  requireActor(by);
  const plan = await store.transact((snapshot) => {
    const report = findReport(snapshot.documents, year);
    if (!report) {
      throw new AnnualReportError(
        `数据集中没有 ${year} 年度报告：请先在 Studio 中新建「政府信息公开工作年度报告」，文档 ID 为 ${annualReportId(year)}，报告年度填 ${year}`,
      );
    }
    const counted = countReportTables(snapshot.documents, year);
    return {
      at: new Date().toISOString(),
      transactionId: globalThis.crypto.randomUUID().replaceAll('-', '').slice(0, 22),
      operations: [
        {
          op: 'edit',
          id: publishedId(report._id),
          set: { ...countedFields(counted), lastEditedBy: by },
        },
      ],
    };
  });
  const edit = plan.operations[0] as { id: string };
  console.error(`已将按内容统计的表二、表三写入 ${edit.id} 的草稿：请送审，由他人审签后发布`);
}

async function main(): Promise<void> {
  const year = reportYear();
  const store = new DatasetStore(values.dataset);
  if (values.fill) await fill(store, year, values.as);
  const { documents } = await store.read();
  const counted = countReportTables(documents, year);
  if (year === beijingYear(new Date())) console.error(`注意：${year} 年尚未结束，以下统计截至今天`);
  const report = findReport(documents, year);
  if (!report && !counted.hasData) {
    throw new AnnualReportError(
      `${year} 年没有可报告的数据：数据集中没有 ${year} 年度报告，也没有该年制发或现行有效的规章、行政规范性文件和政府信息公开申请`,
    );
  }
  if (!report) {
    console.error(`注意：数据集中没有 ${year} 年度报告（${annualReportId(year)}）；以下表二、表三按内容统计，其余部分尚未填写`);
  } else {
    const differences = countDifferences(report, counted);
    if (differences.length > 0) {
      console.error(`注意：报告中的统计与当前内容不一致（运行 --fill 重新统计）：\n  ${differences.join('\n  ')}`);
    }
  }
  if (counted.unclassified.length > 0) {
    console.error(`注意：${counted.unclassified.length} 件政策文件没有文件类别，未计入表二：${counted.unclassified.join('、')}`);
  }
  const text = `${reportMarkdown(reportContent(report ?? { year }, counted))}\n`;
  if (values.out) {
    await writeFileAtomic(values.out, text);
    console.error(`已写入 ${values.out}`);
  } else {
    process.stdout.write(text);
  }
}

try {
  await main();
} catch (error) {
  if (
    error instanceof UsageError ||
    error instanceof AnnualReportError ||
    error instanceof ContentError ||
    error instanceof WorkflowError
  ) {
    console.error(error instanceof WorkflowError ? `${error.message}。${error.hint}` : error.message);
    process.exit(1);
  }
  throw error;
}
