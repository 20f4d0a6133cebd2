/**
 * 抽查结果公告: one notice per inspection task, its records drawn from the seeded enterprise
 * generator, results distributed as in real notices (mostly 未发现问题).
 */
import { INSPECTION_RESULTS, type InspectionResultCode } from '../../core/model/vocabulary.ts';
import { onWorkingDay, addWorkingDays } from './calendar.ts';
import { departmentId, EDITORS, sourceOf, type DepartmentKey } from './departments.ts';
import { PROACTIVE, ref, releaseAfter, slug, type Doc } from './documents.ts';
import { EnterpriseGenerator, type IndustryKey } from './enterprises.ts';
import { planId } from './inspectionPlans.ts';
import { portableText } from './portableText.ts';
import { intBetween, pick, randomFor, weighted, type Random } from './random.ts';
import { NOTES, type NoteKind } from './resultNotes.ts';
import { TOPIC } from './topics.ts';

interface TaskSpec {
  key: string;
  title: string;
  taskName: string;
  planYear: number;
  from: string;
  to: string;
  records: number;
  industry: IndustryKey;
  notes: NoteKind;
  department: DepartmentKey;
  topic: string;
  methods: string;
  /** Weight of each result; the rest of the weight is 未发现问题. */
  weights: Partial<Record<InspectionResultCode, number>>;
  disclosure?: { mode: 'onRequest' | 'withheld'; reason: string };
}

const TASKS: readonly TaskSpec[] = [
  {
    key: '2025-food-business',
    title: '株洲市市场监督管理局2025年食品经营者“双随机、一公开”抽查结果公告',
    taskName: '2025年食品销售者和餐饮服务提供者监督检查',
    planYear: 2025, from: '2025-04-14', to: '2025-05-23', records: 62, industry: 'food', notes: 'food',
    department: 'spjy', topic: TOPIC.food, methods: '实地核查、抽样检测',
    weights: { corrected: 12, pending: 3, no_activity: 5, closed: 3, unreachable: 2 },
  },
  {
    key: '2025-enterprise-information',
    title: '株洲市市场监督管理局2025年企业公示信息“双随机、一公开”抽查结果公告',
    taskName: '2025年企业年度报告和即时公示信息抽查',
    planYear: 2025, from: '2025-07-07', to: '2025-09-12', records: 86, industry: 'general', notes: 'information',
    department: 'xyjd', topic: TOPIC.business, methods: '书面检查、实地核查',
    weights: { corrected: 4, not_disclosed: 7, false_disclosure: 3, unreachable: 8, no_activity: 3, closed: 3, uncooperative: 0.5 },
  },
  {
    key: '2025-special-equipment',
    title: '株洲市市场监督管理局2025年特种设备使用单位“双随机、一公开”抽查结果公告',
    taskName: '2025年特种设备使用单位监督检查',
    planYear: 2025, from: '2025-09-15', to: '2025-10-24', records: 46, industry: 'equipment', notes: 'equipment',
    department: 'tzsb', topic: TOPIC.safety, methods: '实地核查',
    weights: { corrected: 14, pending: 3, no_activity: 2, closed: 1 },
  },
  {
    key: '2026-price-advertising',
    title: '株洲市市场监督管理局2026年明码标价和广告发布行为“双随机、一公开”抽查结果公告',
    taskName: '2026年明码标价、价格收费和广告发布行为抽查',
    planYear: 2026, from: '2026-03-16', to: '2026-04-24', records: 52, industry: 'priceAdvertising', notes: 'price',
    department: 'jgjz', topic: TOPIC.price, methods: '实地核查、网络监测',
    weights: { corrected: 11, pending: 3, no_activity: 3, closed: 2, unreachable: 2 },
  },
  {
    key: '2026-fireworks-ceramics',
    title: '株洲市市场监督管理局2026年烟花爆竹和日用陶瓷产品质量“双随机、一公开”抽查结果公告',
    taskName: '2026年烟花爆竹、日用陶瓷生产企业产品质量监督抽查',
    planYear: 2026, from: '2026-04-20', to: '2026-06-12', records: 42, industry: 'fireworksCeramics', notes: 'products',
    department: 'cpzl', topic: TOPIC.quality, methods: '抽样检测、实地核查',
    weights: { corrected: 6, pending: 4, no_activity: 4, closed: 2 },
  },
  {
    key: '2026-online-trading',
    title: '株洲市市场监督管理局2026年网络交易经营者“双随机、一公开”抽查结果公告',
    taskName: '2026年网络交易经营者信息公示和七日无理由退货义务履行情况抽查',
    planYear: 2026, from: '2026-08-03', to: '2026-09-18', records: 56, industry: 'online', notes: 'online',
    department: 'wljy', topic: TOPIC.business, methods: '网络监测、书面检查',
    weights: { corrected: 10, pending: 2, no_activity: 6, unreachable: 3, closed: 3 },
  },
  {
    key: '2025-rail-transit-components',
    title: '轨道交通装备关键零部件生产企业产品质量专项抽查结果（涉及商业秘密）',
    taskName: '2025年轨道交通装备关键零部件生产企业产品质量专项抽查',
    planYear: 2025, from: '2025-10-13', to: '2025-11-21', records: 16, industry: 'railTransit', notes: 'products',
    department: 'cpzl', topic: TOPIC.quality, methods: '抽样检测、委托专业机构',
    weights: { corrected: 18, pending: 5 },
    disclosure: {
      mode: 'onRequest',
      reason:
        '检查记录载有企业关键工艺参数、检验数据和配套供货关系等商业秘密，公开会对第三方合法权益造成损害，依据《中华人民共和国政府信息公开条例》第十五条不予主动公开；申请公开的，依照条例第三十二条征求第三方意见后依法处理。',
    },
  },
];

/** Codes every notice set must show at least once, placed in the enterprise-information task if missing. */
const ALL_CODES = Object.keys(INSPECTION_RESULTS) as InspectionResultCode[];

function drawResult(random: Random, task: TaskSpec): InspectionResultCode {
  const other = Object.values(task.weights).reduce((sum, weight) => sum + (weight ?? 0), 0);
  const entries = [['no_issue', Math.max(100 - other, 50)] as const, ...Object.entries(task.weights)] as [InspectionResultCode, number][];
  return weighted(random, entries);
}

function note(random: Random, task: TaskSpec, result: InspectionResultCode, individual: boolean): string | undefined {
  if (result === 'no_issue') return undefined;
  const text = pick(random, NOTES[task.notes][result] ?? NOTES.common[result] ?? [''])
    .replaceAll('{上年}', String(task.planYear - 1))
    // 个体工商户 are marked 经营异常状态 rather than listed in the 经营异常名录.
    .replaceAll('列入经营异常名录', individual ? '标记为经营异常状态' : '列入经营异常名录');
  return text || undefined;
}

function describeCounts(records: { result: InspectionResultCode }[]): string {
  return ALL_CODES.filter((code) => records.some((r) => r.result === code))
    .map((code) => `${INSPECTION_RESULTS[code]}${records.filter((r) => r.result === code).length}户`)
    .join('，');
}

function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

interface ResultRecord {
  _key: string;
  enterpriseName: string;
  creditCode: string;
  result: InspectionResultCode;
  note?: string;
}

function drawRecords(task: TaskSpec, generator: EnterpriseGenerator): ResultRecord[] {
  const random = randomFor(`records:${task.key}`);
  return Array.from({ length: task.records }, (_, index) => {
    const enterprise = generator.next(task.industry);
    const result = drawResult(random, task);
    const text = note(random, task, result, enterprise.individual);
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
function fillMissingCodes(task: TaskSpec, records: ResultRecord[], present: Set<InspectionResultCode>): void {
  let at = 5;
  for (const code of ALL_CODES.filter((c) => !present.has(c))) {
    while (records[at]?.result !== 'no_issue') at++;
    const record = records[at]!;
    record.result = code;
    const text = note(randomFor(`fill:${code}`), task, code, record.enterpriseName.endsWith('公司') === false);
    if (text) record.note = text;
    at += 9;
  }
}

function notice(task: TaskSpec, records: ResultRecord[]): Doc {
  const random = randomFor(`result:${task.key}`);
  const formedAt = addWorkingDays(onWorkingDay(task.to), intBetween(random, 4, 8));
  const release = releaseAfter(formedAt, intBetween(random, 2, 5), `result-${task.key}`);
  const problems = records.filter((r) => r.result !== 'no_issue').length;
  return {
    _id: `result-${task.key}`,
    _type: 'inspectionResult',
    title: task.title,
    slug: slug(`${task.key}-results`),
    publisher: ref(departmentId(task.department)),
    topic: task.topic,
    summary: `${chineseDate(task.from)}至${chineseDate(task.to)}，对随机抽取的${records.length}户经营主体开展${task.taskName}，其中未发现问题${records.length - problems}户，存在问题或异常情形${problems}户，现将结果予以公告。`,
    formedAt: release.formedAt,
    publishedAt: release.publishedAt,
    disclosure: task.disclosure ?? PROACTIVE,
    plan: ref(planId(task.planYear)),
    taskName: task.taskName,
    inspectedFrom: task.from,
    inspectedTo: task.to,
    records,
    responsibleEditor: pick(random, EDITORS),
    source: sourceOf(task.department),
    body: portableText([
      `根据《株洲市市场监督管理局${task.planYear}年度“双随机、一公开”抽查事项清单》，我局于${chineseDate(task.from)}至${chineseDate(task.to)}组织开展了${task.taskName}，通过随机抽取检查对象、随机选派执法检查人员，采取${task.methods}等方式，对${records.length}户经营主体进行了检查。`,
      `检查结果为：${describeCounts(records)}。`,
      '对发现问题的经营主体，我局已依法责令改正或者立案调查；对通过登记的住所（经营场所）无法联系的企业，依法列入经营异常名录，个体工商户依法标记为经营异常状态；对公示信息隐瞒真实情况、弄虚作假的，依法予以处理。',
      '被抽查的经营主体对抽查结果有异议的，可以自本公告发布之日起15日内向我局书面提出，并提供相关证明材料。',
      '具体抽查结果见下表，也可以通过国家企业信用信息公示系统查询。',
    ]),
  };
}

export function inspectionResultDocuments(): Doc[] {
  const generator = new EnterpriseGenerator(randomFor('enterprises'));
  const drawn = TASKS.map((task) => ({ task, records: drawRecords(task, generator) }));
  const present = new Set(drawn.filter(({ task }) => !task.disclosure).flatMap(({ records }) => records.map((r) => r.result)));
  const host = drawn.find(({ task }) => task.key === '2025-enterprise-information')!;
  fillMissingCodes(host.task, host.records, present);
  return drawn.map(({ task, records }) => notice(task, records));
}
