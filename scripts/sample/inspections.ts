/**
 * 双随机抽查事项清单 and 抽查结果公告 (content/sample/inspections/). Every plan item cites the
 * article that empowers the check; every notice's records are drawn from the seeded enterprise
 * generator, results distributed as in real notices (mostly 未发现问题).
 */
import { z } from 'zod';
import { BUREAU } from '../../core/bureau/identity.ts';
import {
  INSPECTION_LEVELS,
  INSPECTION_METHODS,
  INSPECTION_RESULTS,
  valuesOf,
  type InspectionResultCode,
} from '../../core/model/vocabulary.ts';
import { addWorkingDays, onWorkingDay } from './calendar.ts';
import { date, disclosure, fill, paragraphs, readContentFile, slugKey, template, topic, workingDays } from './content.ts';
import type { Departments } from './departments.ts';
import { PROACTIVE, ref, releaseAfter, slug, type Doc } from './documents.ts';
import { EnterpriseGenerator, readEnterpriseData } from './enterprises.ts';
import { portableText } from './portableText.ts';
import { intBetween, pick, randomFor, weighted, type Random } from './random.ts';

const RESULT_CODES = valuesOf(INSPECTION_RESULTS);
const PLAN_PLACEHOLDERS = ['年度', '事项数', '重点事项数', '一般事项数', '类别'];
const NOTICE_PLACEHOLDERS = ['清单年度', '开始日期', '结束日期', '户数', '任务名称', '检查方式', '检查结果', '未发现问题户数', '问题户数'];

const catalogItem = z.strictObject({
  category: z.string().min(2),
  item: z.string().min(4),
  target: z.string().min(2),
  level: z.enum(valuesOf(INSPECTION_LEVELS)),
  methods: z.array(z.enum(valuesOf(INSPECTION_METHODS))).min(1),
  basis: z.string().min(4),
});

function plansSchema(departments: Departments) {
  return z
    .strictObject({
      publisher: departments.key,
      topic,
      title: template(PLAN_PLACEHOLDERS),
      summary: template(PLAN_PLACEHOLDERS),
      body: template(PLAN_PLACEHOLDERS),
      catalog: z.record(slugKey, catalogItem),
      years: z.record(z.string().regex(/^20\d\d$/), z.strictObject({ formedAt: date, delay: workingDays, items: z.array(slugKey).min(1) })),
    })
    .superRefine((file, ctx) => {
      for (const [year, plan] of Object.entries(file.years)) {
        plan.items.forEach((id, i) => {
          if (!(id in file.catalog))
            ctx.addIssue({ code: 'custom', path: ['years', year, 'items', i], message: `catalog 中没有事项 ${id}` });
        });
      }
    });
}

/** 备注 by task kind and result; `{上年}` is the year before the plan's (the annual report checked). */
const notesSchema = z.record(z.string(), z.partialRecord(z.enum(RESULT_CODES), z.array(z.string().min(4)).min(1)));

function resultsSchema(departments: Departments, industries: readonly string[], noteKinds: readonly string[]) {
  return z.strictObject({
    summary: template(NOTICE_PLACEHOLDERS),
    body: template(NOTICE_PLACEHOLDERS),
    tasks: z.array(
      z.strictObject({
        key: slugKey,
        title: z.string().min(4),
        taskName: z.string().min(4),
        planYear: z.number().int(),
        from: date,
        to: date,
        records: z.number().int().min(1).max(200),
        industry: z.enum(industries as [string, ...string[]]),
        notes: z.enum(noteKinds as [string, ...string[]]),
        department: departments.key,
        topic,
        methods: z.string().min(2),
        /** Weight of each result; the rest of the weight is 未发现问题. */
        weights: z.partialRecord(z.enum(RESULT_CODES), z.number().min(0)),
        disclosure: disclosure.optional(),
      }),
    ),
  });
}

type Task = z.output<ReturnType<typeof resultsSchema>>['tasks'][number];
type Notes = z.output<typeof notesSchema>;

// ---------------------------------------------------------------- plans

/** The catalog of plan items by id. */
export function inspectionCatalog(directory: string, departments: Departments): Record<string, z.output<typeof catalogItem>> {
  return readContentFile(directory, 'inspections/plans.yaml', plansSchema(departments)).catalog;
}

function plans(directory: string, departments: Departments): Doc[] {
  const file = readContentFile(directory, 'inspections/plans.yaml', plansSchema(departments));
  return Object.entries(file.years).map(([yearText, plan]) => {
    const year = Number(yearText);
    const items = plan.items.map((id, index) => {
      const { category, item, target, level, methods, basis } = file.catalog[id]!;
      return { _key: `i${index + 1}`, category, item, target, level, methods, subject: BUREAU.name, basis };
    });
    const keyCount = items.filter((item) => item.level === 'key').length;
    const values = {
      年度: year,
      事项数: items.length,
      重点事项数: keyCount,
      一般事项数: items.length - keyCount,
      类别: [...new Set(items.map((item) => item.category))].join('、'),
    };
    const release = releaseAfter(plan.formedAt, plan.delay, `plan-${year}`);
    return {
      _id: `plan-${year}`,
      _type: 'inspectionPlan',
      title: fill(file.title, values),
      slug: slug(`${year}-random-inspection-plan`),
      publisher: ref(departments.id(file.publisher)),
      topic: file.topic,
      summary: fill(file.summary, values),
      formedAt: release.formedAt,
      publishedAt: release.publishedAt,
      disclosure: PROACTIVE,
      year,
      items,
      responsibleEditor: departments.editors[(year - 2024) % departments.editors.length],
      source: departments.source(file.publisher),
      body: portableText(paragraphs(fill(file.body, values))),
    };
  });
}

// ---------------------------------------------------------------- result notices

function drawResult(random: Random, task: Task): InspectionResultCode {
  const other = Object.values(task.weights).reduce((sum, weight) => sum + (weight ?? 0), 0);
  const entries = [['no_issue', Math.max(100 - other, 50)] as const, ...Object.entries(task.weights)] as [InspectionResultCode, number][];
  return weighted(random, entries);
}

function note(notes: Notes, random: Random, task: Task, result: InspectionResultCode, individual: boolean): string | undefined {
  if (result === 'no_issue') return undefined;
  const text = pick(random, notes[task.notes]?.[result] ?? notes.common?.[result] ?? [''])
    .replaceAll('{上年}', String(task.planYear - 1))
    // 个体工商户 are marked 经营异常状态 rather than listed in the 经营异常名录.
    .replaceAll('列入经营异常名录', individual ? '标记为经营异常状态' : '列入经营异常名录');
  return text || undefined;
}

function chineseDate(day: string): string {
  const [year, month, dayOfMonth] = day.split('-').map(Number);
  return `${year}年${month}月${dayOfMonth}日`;
}

interface ResultRecord {
  _key: string;
  enterpriseName: string;
  creditCode: string;
  result: InspectionResultCode;
  note?: string;
}

function drawRecords(notes: Notes, task: Task, generator: EnterpriseGenerator): ResultRecord[] {
  const random = randomFor(`records:${task.key}`);
  return Array.from({ length: task.records }, (_, index) => {
    const enterprise = generator.next(task.industry);
    const result = drawResult(random, task);
    const text = note(notes, random, task, result, enterprise.individual);
    return {
      _key: `r${String(index + 1).padStart(3, '0')}`,
      enterpriseName: enterprise.enterpriseName,
      creditCode: enterprise.creditCode,
      result,
      ...(text ? { note: text } : {}),
    };
  });
}

/** Gives result codes the random draw left out to some records of the given task, so every code appears. */
function fillMissingCodes(notes: Notes, task: Task, records: ResultRecord[], present: Set<InspectionResultCode>): void {
  let at = 5;
  for (const code of RESULT_CODES.filter((c) => !present.has(c))) {
    while (records[at]?.result !== 'no_issue') at++;
    const record = records[at]!;
    record.result = code;
    const text = note(notes, randomFor(`fill:${code}`), task, code, record.enterpriseName.endsWith('公司') === false);
    if (text) record.note = text;
    at += 9;
  }
}

function notice(file: { summary: string; body: string }, departments: Departments, task: Task, records: ResultRecord[]): Doc {
  const random = randomFor(`result:${task.key}`);
  const formedAt = addWorkingDays(onWorkingDay(task.to), intBetween(random, 4, 8));
  const release = releaseAfter(formedAt, intBetween(random, 2, 5), `result-${task.key}`);
  const problems = records.filter((r) => r.result !== 'no_issue').length;
  const values = {
    清单年度: task.planYear,
    开始日期: chineseDate(task.from),
    结束日期: chineseDate(task.to),
    户数: records.length,
    任务名称: task.taskName,
    检查方式: task.methods,
    检查结果: RESULT_CODES.filter((code) => records.some((r) => r.result === code))
      .map((code) => `${INSPECTION_RESULTS[code]}${records.filter((r) => r.result === code).length}户`)
      .join('，'),
    未发现问题户数: records.length - problems,
    问题户数: problems,
  };
  return {
    _id: `result-${task.key}`,
    _type: 'inspectionResult',
    title: task.title,
    slug: slug(`${task.key}-results`),
    publisher: ref(departments.id(task.department)),
    topic: task.topic,
    summary: fill(file.summary, values),
    formedAt: release.formedAt,
    publishedAt: release.publishedAt,
    disclosure: task.disclosure ?? PROACTIVE,
    plan: ref(`plan-${task.planYear}`),
    taskName: task.taskName,
    inspectedFrom: task.from,
    inspectedTo: task.to,
    records,
    responsibleEditor: pick(random, departments.editors),
    source: departments.source(task.department),
    body: portableText(paragraphs(fill(file.body, values))),
  };
}

/** The task whose records take the result codes the draw left out: it shows every code once at least. */
const HOST_TASK = '2025-enterprise-information';

function results(directory: string, departments: Departments): Doc[] {
  const enterprises = readEnterpriseData(directory);
  const notes = readContentFile(directory, 'inspections/notes.yaml', notesSchema);
  const file = readContentFile(
    directory,
    'inspections/results.yaml',
    resultsSchema(departments, Object.keys(enterprises.industries), Object.keys(notes)),
  );
  const generator = new EnterpriseGenerator(enterprises, randomFor('enterprises'));
  const drawn = file.tasks.map((task) => ({ task, records: drawRecords(notes, task, generator) }));
  const present = new Set(drawn.filter(({ task }) => !task.disclosure).flatMap(({ records }) => records.map((r) => r.result)));
  const host = drawn.find(({ task }) => task.key === HOST_TASK);
  if (!host) throw new Error(`content/sample/inspections/results.yaml：缺少任务 ${HOST_TASK}（未抽到的检查结果记在这项任务中）`);
  fillMissingCodes(notes, host.task, host.records, present);
  return drawn.map(({ task, records }) => notice(file, departments, task, records));
}

/** The plans, then the result notices. */
export function inspections(directory: string, departments: Departments): Doc[] {
  return [...plans(directory, departments), ...results(directory, departments)];
}

/** 备注 of inspection records, for the benchmark dataset's notices. */
export function inspectionNotes(directory: string): Notes {
  return readContentFile(directory, 'inspections/notes.yaml', notesSchema);
}
