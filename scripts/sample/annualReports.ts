/**
 * 政府信息公开工作年度报告 (content/sample/annual-reports/<year>.yaml): the office's figures and texts are
 * written there; 表二's 规章 and 行政规范性文件 rows and 表三 are counted here from the sample's policies and
 * request register with the project's own counting (core/disclosure/report/), as `--fill` counts them.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { annualReportId, countedFields, countReportTables } from '../../core/disclosure/report/annualReport.ts';
import { columnTotal, resultTotal, APPLICANT_COLUMNS } from '../../core/disclosure/report/tables.ts';
import { annualReport } from '../../core/model/types/annualReport.ts';
import { date, fill, prose, readContentFile, template, topic, workingDays } from './content.ts';
import type { Departments } from './departments.ts';
import { PROACTIVE, ref, releaseAfter, slug, type Doc } from './documents.ts';

const PLACEHOLDERS = ['规范性文件制发', '规范性文件废止', '规范性文件有效', '申请新收', '申请结转', '申请办结'] as const;

function reportSchema(departments: Departments) {
  const { licensing, punishment, coercion, fees, tableFour } = annualReport.fields;
  return z.strictObject({
    year: z.number().int().min(2008).max(2100),
    formedAt: date,
    delay: workingDays,
    publisher: departments.key,
    topic: topic.optional(),
    summary: z.string().min(10),
    overview: template(PLACEHOLDERS),
    licensing: licensing.schema,
    punishment: punishment.schema,
    coercion: coercion.schema,
    fees: fees.schema,
    tableFour: tableFour.schema,
    problems: prose,
    otherMatters: prose,
  });
}

/** Every year's report, released; `content` is the sample's documents so far (policies and requests included). */
export function annualReports(directory: string, departments: Departments, content: readonly Doc[]): Doc[] {
  const files = readdirSync(join(directory, 'annual-reports'))
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  return files.map((name) => {
    const spec = readContentFile(directory, `annual-reports/${name}`, reportSchema(departments));
    const counted = countReportTables(content as never, spec.year);
    const three = counted.tableThree;
    const sum = (row: string) => APPLICANT_COLUMNS.reduce((total, column) => total + columnTotal(three, column, [row]), 0);
    const values = {
      规范性文件制发: counted.tableTwo.normative.issued,
      规范性文件废止: counted.tableTwo.normative.repealed,
      规范性文件有效: counted.tableTwo.normative.inForce,
      申请新收: sum('newlyReceived'),
      申请结转: sum('carriedOver'),
      申请办结: APPLICANT_COLUMNS.reduce((total, column) => total + resultTotal(three, column), 0),
    };
    const { publishedAt } = releaseAfter(spec.formedAt, spec.delay, `annual-report-${spec.year}`);
    return {
      _id: annualReportId(spec.year),
      _type: 'annualReport',
      title: `株洲市市场监督管理局${spec.year}年政府信息公开工作年度报告`,
      slug: slug(String(spec.year)),
      publisher: ref(departments.id(spec.publisher)),
      topic: spec.topic ?? '综合政务\\政务公开',
      summary: spec.summary,
      formedAt: spec.formedAt,
      publishedAt,
      disclosure: PROACTIVE,
      year: spec.year,
      overview: fill(spec.overview, values),
      ...countedFields(counted),
      licensing: spec.licensing,
      punishment: spec.punishment,
      coercion: spec.coercion,
      fees: spec.fees,
      tableFour: spec.tableFour,
      problems: spec.problems,
      otherMatters: spec.otherMatters,
      responsibleEditor: departments.editors[0],
      source: departments.source(spec.publisher),
    };
  });
}
