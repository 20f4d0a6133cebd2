/**
 * A large, valid dataset for benchmarks and tests at scale: `generateBenchDataset(100_000)`
 * gives about 100,000 public documents shaped like a real bureau's 政务公开 site over 2015–2026.
 * It lives beside the sample generator and shares its helpers and content (departments,
 * places, categories, plan items, notes), so benchmarks and tests both import it from here.
 *
 * Text is real (benchCorpus.ts): contiguous runs of 5–30 paragraphs of the State Council
 * documents and the laws and rules in ../shared/corpus, each paragraph one Portable Text block
 * shared by every document quoting it: the text is held once, and generating 100,000
 * documents takes a few seconds. Treat the returned documents as read-only.
 *
 * Mix (by document count): ~40 % policy + interpretation pairs, ~10 % 12315 analyses
 * (quarterly series going back in time, city centre first, then the county/district
 * centres and the 市场监管所), ~10 % inspection result notices (10–60 records, unique valid
 * 统一社会信用代码), a few inspection plans, ~40 % 商标品牌 news, a few drafts; ~1 % withheld
 * with a reason. Deterministic for a given seed.
 */
import { BUREAU } from '../../core/bureau/identity.ts';
import { annualReportId, countedFields, countReportTables } from '../../core/disclosure/report/annualReport.ts';
import { withCheckCharacter } from '../../core/model/creditCode.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { formatIndexNumber } from '../../core/model/indexNumber.ts';
import type { PortableTextBlock } from '../../core/model/schemas.ts';
import { INSPECTION_RESULTS, type InspectionResultCode } from '../../core/model/vocabulary.ts';
import { textBlock } from '../../core/portableText/fromPlainText.ts';
import { benchCorpus } from './benchCorpus.ts';
import { readAnalysisSpec } from './complaints.ts';
import { CONTENT_DIR } from './content.ts';
import { Departments } from './departments.ts';
import { PROACTIVE, ref, slug, weakRef } from './documents.ts';
import { CREDIT_CODE_CHARACTERS, organisationCheck, readEnterpriseData, type Place } from './enterprises.ts';
import { inspectionCatalog, inspectionNotes } from './inspections.ts';
import { quoted } from './policies.ts';
import { intBetween, mulberry32, pick, weighted, type Random } from './random.ts';

// The sample's content: places, departments, categories, plan items and notes have one home.
const SAMPLE_DEPARTMENTS = new Departments(CONTENT_DIR);
const PLACES = readEnterpriseData(CONTENT_DIR).places;
const COMMON_NOTES = inspectionNotes(CONTENT_DIR).common ?? {};
const ANALYSIS = readAnalysisSpec(CONTENT_DIR, SAMPLE_DEPARTMENTS);
const CATALOG = inspectionCatalog(CONTENT_DIR, SAMPLE_DEPARTMENTS);

// ---------------------------------------------------------------- small helpers

type Doc = StoredDocument;

const DAY_MS = 86_400_000;
/** First and last possible release day (UTC day numbers): Monday 2015-01-05 to Friday 2026-11-27. */
const FIRST_DAY = Date.UTC(2015, 0, 5) / DAY_MS;
const LAST_DAY = Date.UTC(2026, 10, 27) / DAY_MS;
const FIRST_YEAR = 2015;
const LAST_YEAR = 2026;

const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value));
const isoDays = new Map<number, string>();
function isoDay(day: number): string {
  let text = isoDays.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoDays.set(day, text);
  }
  return text;
}
const dayOf = (year: number, month: number, date: number) => Date.UTC(year, month - 1, date) / DAY_MS;
/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
const weekday = (day: number) => (day + 4) % 7;
const workdayOnOrBefore = (day: number) => day - (weekday(day) === 6 ? 1 : weekday(day) === 0 ? 2 : 0);
const workdayOnOrAfter = (day: number) => day + (weekday(day) === 6 ? 2 : weekday(day) === 0 ? 1 : 0);
const yearOfDay = (day: number) => new Date(day * DAY_MS).getUTCFullYear();

/** 5–30 paragraphs, most documents in the middle of the range. */
function bodyLength(random: Random): number {
  return 5 + Math.floor(((random() + random()) / 2) * 26);
}

/** A contiguous run of `length` shared corpus blocks (keys are unique within the run). */
function window(random: Random, blocks: readonly PortableTextBlock[], length: number): PortableTextBlock[] {
  const start = Math.floor(random() * (blocks.length - length));
  return blocks.slice(start, start + length);
}

/** Blocks written for one document, keyed `t1`, `t2`, … (never clashing with corpus keys). */
function ownBlocks(paragraphs: readonly string[]): PortableTextBlock[] {
  return paragraphs.map((text, index) =>
    text.startsWith('## ') ? textBlock(`t${index + 1}`, text.slice(3), 'h2') : textBlock(`t${index + 1}`, text),
  );
}

/** A 内容概述 from the first real paragraph: its first sentence, at most 150 characters. */
function summaryOf(blocks: readonly PortableTextBlock[]): string {
  for (const block of blocks) {
    if (block.style !== 'normal') continue;
    const text = block.children[0]?.text ?? '';
    if (text.length < 30) continue;
    const end = text.indexOf('。');
    if (end >= 20 && end < 150) return text.slice(0, end + 1);
    return text.length <= 150 ? text : `${text.slice(0, 148)}……`;
  }
  return '';
}

const WITHHELD_REASONS = [
  '属于行政机关内部事务信息，依据《中华人民共和国政府信息公开条例》第十六条第一款不予公开。',
  '属于行政执法过程中的过程性信息，依据《中华人民共和国政府信息公开条例》第十六条第二款不予公开。',
  '涉及商业秘密，公开会对第三方合法权益造成损害，依据《中华人民共和国政府信息公开条例》第十五条不予公开。',
] as const;
/** The ground (vocabulary WITHHOLDING_GROUNDS) each reason above is chosen under. */
const WITHHELD_GROUNDS = ['internalAffairs', 'processInformation', 'thirdPartyRights'] as const;

const CHINESE_NUMBERS = ['一', '二', '三', '四'] as const;

// ---------------------------------------------------------------- departments

interface DepartmentSpec {
  id: string;
  name: string;
  code: string;
  head: string;
  post: string;
}

/**
 * In order of use: a dataset with k departments takes the first k (10 ≤ k ≤ 30). The first 16
 * are the sample's (content/sample/departments.yaml); the others exist only at this scale.
 */
const DEPARTMENT_LIST: readonly (readonly [string, string, string])[] = [
  ...['bgs', 'zcfg', 'xyjd', 'xfbh', 'zscq', 'spjy', 'cpzl', 'tzsb', 'jgjz', 'wljy', 'djzc', 'ggjd', 'zlfz', 'spsc', 'jl', 'zfzd'].map(
    (key) => {
      const { name, code, head } = SAMPLE_DEPARTMENTS.get(key);
      return [name, code, head] as const;
    },
  ),
  ['标准化科', 'BZH', '黄立军'],
  ['药品医疗器械化妆品监督管理科', 'YPJG', '彭爱华'],
  ['认证认可与检验检测监督管理科', 'RZRK', '刘建新'],
  ['人事科', 'RS', '张丽'],
  ['天元分局', 'TYFJ', '罗伟'],
  ['芦淞分局', 'LSFJ', '陈华'],
  ['荷塘分局', 'HTFJ', '谭军'],
  ['石峰分局', 'SFFJ', '周志强'],
  ['渌口分局', 'LKFJ', '易红'],
  ['醴陵市市场监督管理局', 'LLSJ', '文志明'],
  ['攸县市场监督管理局', 'YXSJ', '刘国庆'],
  ['茶陵县市场监督管理局', 'CLSJ', '谭建华'],
  ['炎陵县市场监督管理局', 'YLSJ', '邓小平'],
  ['株洲市产商品质量检验研究院', 'ZJY', '贺建军'],
];

function departmentCount(docs: number): number {
  return Math.max(10, Math.min(30, Math.round(8 + 2 * Math.log2(Math.max(docs, 100) / 100))));
}

function departments(count: number): DepartmentSpec[] {
  return DEPARTMENT_LIST.slice(0, count).map(([name, code, head]) => ({
    id: `dept-${code.toLowerCase()}`,
    name,
    code,
    head,
    post: name.endsWith('科') || name.endsWith('室') ? `${name.replace(/（.*）/, '')}负责人` : `${name}负责人`,
  }));
}

// ---------------------------------------------------------------- 12315 reporting units

interface Unit {
  code: string;
  /** Written in front of 12315…工作情况简析. */
  name: string;
  /** Volume relative to the city centre. */
  scale: number;
}

const TOWNS: Record<string, readonly string[]> = {
  lusong: ['建宁', '贺家土', '庆云', '董家塅', '龙泉', '白关'],
  hetang: ['月塘', '宋家桥', '茨菇塘', '金山', '桂花', '仙庾'],
  shifeng: ['清水塘', '响石岭', '井龙', '田心', '铜塘湾', '龙头铺'],
  tianyuan: ['嵩山路', '泰山路', '栗雨', '马家河', '群丰', '雷打石', '三门'],
  lukou: ['渌口', '南洲', '龙船', '朱亭', '古岳峰', '淦田'],
  liling: ['来龙门', '西山', '阳三石', '浦口', '白兔潭', '东富', '王仙', '孙家湾', '泗汾', '船湾', '茶山', '官庄'],
  youxian: ['江桥', '联星', '凉江', '网岭', '皇图岭', '酒埠江', '黄丰桥', '菜花坪'],
  chaling: ['思聪', '云阳', '洣江', '严塘', '虎踞', '火田', '腰潞', '高陇'],
  yanling: ['霞阳', '沔渡', '十都', '水口', '鹿原', '策源'],
};

const UNITS: readonly Unit[] = [
  { code: 'city', name: '', scale: 1 },
  ...Object.entries(PLACES).map(([key, place]) => ({
    code: key,
    name: `${place.fullName}12315分中心`,
    scale: 0.08 + (key.length % 4) * 0.03,
  })),
  ...Object.entries(TOWNS).flatMap(([key, towns]) =>
    towns.map((town, index) => ({
      code: `${key}-${index + 1}`,
      name: `${PLACES[key]!.fullName}${town}市场监管所`,
      scale: 0.01 + (index % 3) * 0.006,
    })),
  ),
];

/** The department (code) that publishes a district's or county's analyses, when the dataset has it. */
const PLACE_DEPARTMENTS: Record<string, string> = {
  tianyuan: 'tyfj',
  lusong: 'lsfj',
  hetang: 'htfj',
  shifeng: 'sffj',
  lukou: 'lkfj',
  liling: 'llsj',
  youxian: 'yxsj',
  chaling: 'clsj',
  yanling: 'ylsj',
};

/** Quarters 2015 Q1 … 2026 Q3 and months 2015-01 … 2026-10 as slot numbers (year × 4 + q − 1, year × 12 + m − 1). */
const FIRST_QUARTER = FIRST_YEAR * 4;
const LAST_QUARTER = LAST_YEAR * 4 + 2;
const FIRST_MONTH = FIRST_YEAR * 12;
const LAST_MONTH = LAST_YEAR * 12 + 9;
const QUARTERS_PER_UNIT = LAST_QUARTER - FIRST_QUARTER + 1;
const MONTHS_PER_UNIT = LAST_MONTH - FIRST_MONTH + 1;
/** The most analyses the units can publish without repeating a period. */
const MAX_ANALYSES = UNITS.length * (QUARTERS_PER_UNIT + MONTHS_PER_UNIT);

/** A number in [0, 1) from integers, so figures of any period can be recomputed (环比/同比 stay consistent). */
function hash01(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) {
    h = Math.imul(h ^ value, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return (h >>> 0) / 4294967296;
}

const CHANNEL_BASE = [6000, 2600, 420] as const;
const QUARTER_SEASON = [0.94, 1.02, 1.08, 0.96] as const;

/** Consultations, complaints or reports (channel 0–2) of a unit in a quarter or month. */
function volume(seed: number, unit: number, monthly: boolean, slot: number, channel: number): number {
  const year = Math.floor(slot / (monthly ? 12 : 4));
  const quarter = monthly ? Math.floor((slot % 12) / 3) : slot % 4;
  const growth = 1 + 0.035 * (year - FIRST_YEAR);
  const base = (CHANNEL_BASE[channel]! * UNITS[unit]!.scale * growth * QUARTER_SEASON[quarter]!) / (monthly ? 3 : 1);
  return Math.max(1, Math.round(base * (0.9 + 0.2 * hash01(seed, unit, monthly ? 1 : 0, slot, channel))));
}

const COMPLAINT_CATEGORIES = ANALYSIS.complaintCategories.map(({ kind, name, share }) => [kind, name, share] as const);
const REPORT_CATEGORIES = ANALYSIS.reportCategories.map(({ name, share }) => [name, share] as const);

// ---------------------------------------------------------------- enterprises (unique by construction)

const NAME_FIRST = [...'鑫华瑞鸿天宏金湘恒聚兴永顺福嘉德锦和佳众新海明远凯长博同君弘立益康鼎星荣泰润安振创诚万百利腾致云晨丰银盛正仁'];
const NAME_SECOND = [...'达源昌旺禾程美川辉航青雅信隆发祥通宇邦晟越翔峰豪茂鹏骏杰威科业辰逸铭轩晖灿岳嵘臻运骐琪林森淼桦楠'];
const INDUSTRY_WORDS: readonly (readonly [string, boolean])[] = [
  ['食品', false],
  ['餐饮管理', false],
  ['商贸', false],
  ['超市', false],
  ['科技', false],
  ['建材', false],
  ['物流', false],
  ['机械设备', false],
  ['电子商务', false],
  ['陶瓷', false],
  ['服饰', false],
  ['硬质合金', false],
  ['物业管理', false],
  ['广告传媒', false],
  ['汽车销售服务', false],
  ['农业开发', false],
  ['副食店', true],
  ['餐馆', true],
  ['粉店', true],
  ['五金店', true],
  ['便利店', true],
  ['眼镜店', true],
  ['美容美发店', true],
  ['服装店', true],
];
const PLACE_LIST: readonly Place[] = Object.values(PLACES);
const NAME_SPACE = NAME_FIRST.length * NAME_SECOND.length * INDUSTRY_WORDS.length * PLACE_LIST.length;
const CODE_SPACE = 31 ** 5;
/** A multiplier coprime with both spaces makes k → k·P mod space a permutation. */
const SCRAMBLE = 7919;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
if (new Set(NAME_FIRST).size !== NAME_FIRST.length || new Set(NAME_SECOND).size !== NAME_SECOND.length) {
  throw new Error('bench enterprise name characters must be distinct');
}
if (gcd(SCRAMBLE, NAME_SPACE) !== 1 || gcd(SCRAMBLE, CODE_SPACE) !== 1)
  throw new Error('bench enterprise scramble must be coprime with its spaces');

/** The k-th enterprise of a dataset: distinct k give distinct names and distinct codes. */
function enterprise(k: number, offset: number): { enterpriseName: string; creditCode: string; individual: boolean } {
  let t = ((k % NAME_SPACE) * SCRAMBLE + offset) % NAME_SPACE;
  const first = NAME_FIRST[t % NAME_FIRST.length]!;
  t = Math.floor(t / NAME_FIRST.length);
  const second = NAME_SECOND[t % NAME_SECOND.length]!;
  t = Math.floor(t / NAME_SECOND.length);
  const [word, individual] = INDUSTRY_WORDS[t % INDUSTRY_WORDS.length]!;
  t = Math.floor(t / INDUSTRY_WORDS.length);
  const place = PLACE_LIST[t % PLACE_LIST.length]!;
  const cycle = Math.floor(k / NAME_SPACE);
  const form = individual ? '' : (k + offset) % 5 === 0 ? '有限责任公司' : '有限公司';
  const branch = cycle > 0 ? `第${cycle + 1}分店` : '';
  let u = ((k % CODE_SPACE) * SCRAMBLE + offset) % CODE_SPACE;
  let tail = '';
  for (let i = 0; i < 5; i++) {
    tail += CREDIT_CODE_CHARACTERS[u % 31];
    u = Math.floor(u / 31);
  }
  const body = `MA${(k + offset) % 3 === 0 ? '7' : '4'}${tail}`;
  return {
    enterpriseName: `${place.fullName}${first}${second}${word}${form}${branch}`,
    creditCode: withCheckCharacter(`9${individual ? '2' : '1'}${place.division}${body}${organisationCheck(body)}`),
    individual,
  };
}

// ---------------------------------------------------------------- inspection catalog

/** Items of the sample's catalog (content/sample/inspections/plans.yaml) and the department that checks each. */
const PLAN_ITEMS = (
  [
    ['annual-report', 'xyjd'],
    ['registration', 'djzc'],
    ['food-sales', 'spjy'],
    ['catering', 'spjy'],
    ['equipment-users', 'tzsb'],
    ['industrial-products', 'cpzl'],
    ['advertising', 'ggjd'],
    ['pricing', 'jgjz'],
    ['meters', 'jl'],
    ['online-disclosure', 'wljy'],
    ['returns', 'xfbh'],
    ['trademark-use', 'zscq'],
  ] as const
).map(([id, department]) => {
  const { category, item, target, level, methods, basis } = CATALOG[id]!;
  return [category, item, target, level, methods, basis, department] as const;
});

const RESULT_CODES = Object.keys(INSPECTION_RESULTS) as InspectionResultCode[];
const RESULT_WEIGHTS: readonly (readonly [InspectionResultCode, number])[] = [
  ['no_issue', 70],
  ['corrected', 10],
  ['pending', 3],
  ['no_activity', 5],
  ['not_disclosed', 3],
  ['false_disclosure', 1.5],
  ['unreachable', 4],
  ['uncooperative', 0.5],
  ['closed', 3],
];

// ---------------------------------------------------------------- the dataset

interface Counts {
  pairs: number;
  analyses: number;
  plans: number;
  results: number;
  news: number;
  draftSets: number;
}

const proposalCount = (docs: number) => Math.max(2, Math.round(docs * 0.003));
/** Three revisions of the 政府信息公开指南 and four 制度. */
const GUIDE_AND_RULES = 7;
/** Every year the dataset covers whose report is due (by 31 January of the next) within it. */
const REPORT_YEARS = Array.from({ length: 2100 }, (_, i) => 2008 + i).filter(
  (year) => year >= yearOfDay(FIRST_DAY) && dayOf(year + 1, 1, 31) <= LAST_DAY,
);

function counts(docs: number): Counts {
  const pairs = Math.max(1, Math.round(docs * 0.2));
  const analyses = Math.max(1, Math.min(MAX_ANALYSES, Math.round(docs * 0.1)));
  const results = Math.max(1, Math.round(docs * 0.1));
  const plans = Math.max(2, Math.min((PLACE_LIST.length + 1) * 12, Math.round(docs * 0.002)));
  // a draft set is 2–3 documents: an edited released news, a new news draft, or a never-released pair
  const draftSets = Math.max(3, Math.round(docs * 0.0015));
  // 建议提案办理复文, the guide's revisions and rules, and a report a year are added at the end: news make up the rest.
  const others = proposalCount(docs) + GUIDE_AND_RULES + REPORT_YEARS.length;
  const news = Math.max(1, docs - 2 * pairs - analyses - results - plans - Math.round(draftSets * (4 / 3)) - others);
  return { pairs, analyses, plans, results, news, draftSets };
}

/**
 * About `docs` documents (plus 10–30 departments) that pass `parseDataset`. The same
 * `docs` and `seed` always give the same documents.
 */
export function generateBenchDataset(docs: number, seed = 1): StoredDocument[] {
  if (!Number.isInteger(docs) || docs < 20) throw new Error(`generateBenchDataset: docs must be an integer ≥ 20, got ${docs}`);
  const { govBlocks, govTitles, regBlocks, regTitles } = benchCorpus();
  const random = mulberry32(seed);
  const plan = counts(docs);
  const depts = departments(departmentCount(docs));
  const deptByCode = new Map(depts.map((d) => [d.code.toLowerCase(), d]));
  const dept = (code: string) => deptByCode.get(code) ?? depts[0]!;
  const functional = depts.filter((d) => !d.name.endsWith('局') && !d.name.endsWith('院') && d.code !== 'RS');
  const editors = ['黄思琪', '刘晓燕', '杨帆', '蒋文婷', '唐志宏', '欧阳倩', '肖雨'];
  const out: Doc[] = [];

  for (const d of depts) {
    out.push({
      _id: d.id,
      _type: 'department',
      _createdAt: '2014-12-20T01:30:00Z',
      _updatedAt: '2015-01-04T02:10:00Z',
      name: d.name,
      code: d.code,
    });
  }

  /** Release on a working day in the given range (UTC day numbers), in office hours. */
  const release = (fromDay: number, toDay: number, delayMin = 1, delayMax = 12) => {
    let day = fromDay + Math.floor(random() * (toDay - fromDay + 1));
    day = workdayOnOrBefore(day);
    if (day < FIRST_DAY) day = workdayOnOrAfter(FIRST_DAY);
    const hour = pick(random, [9, 9, 10, 10, 11, 14, 15, 15, 16, 16]);
    const minute = intBetween(random, 0, 11) * 5;
    const formedDay = workdayOnOrBefore(day - intBetween(random, delayMin, delayMax));
    const second = intBetween(random, 0, 59);
    return {
      day,
      year: yearOfDay(day),
      formedAt: isoDay(formedDay),
      publishedAt: `${isoDay(day)}T${pad2(hour)}:${pad2(minute)}:00+08:00`,
      _createdAt: `${isoDay(formedDay - intBetween(random, 1, 5))}T0${intBetween(random, 1, 3)}:${pad2(intBetween(random, 0, 59))}:${pad2(second)}Z`,
      _updatedAt: `${isoDay(day)}T${pad2(hour - 8)}:${pad2(minute + intBetween(random, 0, 4))}:${pad2(second)}Z`,
    };
  };
  const REV_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const rev = () => {
    let text = '';
    for (let i = 0; i < 22; i++) text += REV_CHARS[Math.floor(random() * REV_CHARS.length)];
    return text;
  };
  const withheldEvery = 100;
  const disclosureFor = (index: number) =>
    index % withheldEvery === withheldEvery / 2
      ? {
          mode: 'withheld',
          ground: WITHHELD_GROUNDS[index % WITHHELD_GROUNDS.length]!,
          reason: WITHHELD_REASONS[index % WITHHELD_REASONS.length]!,
        }
      : PROACTIVE;
  const docNumbers = new Map<number, number>();
  const nextDocNumber = (year: number) => {
    const n = (docNumbers.get(year) ?? 0) + 1;
    docNumbers.set(year, n);
    return n;
  };

  // ------------------------------------------------ policies and interpretations (谁起草、谁解读)
  const policyVerbs = [
    (t: string) => `关于贯彻落实${t}的通知`,
    (t: string) => `关于转发${t}的通知`,
    (t: string) => `贯彻${t}的实施意见`,
    (t: string) => `关于印发落实${t}工作方案的通知`,
  ];
  const policyPair = (index: number, draftOnly: boolean): [Doc, Doc] => {
    const source = pick(random, govTitles);
    const drafter = pick(random, functional);
    const publisher = random() < 0.15 ? depts[0]! : drafter;
    const when = release(FIRST_DAY + 10, LAST_DAY);
    const number = nextDocNumber(when.year);
    const title = `${BUREAU.name}${pick(random, policyVerbs)(quoted(source.title))}（${when.year}年第${number}号）${draftOnly ? '（征求意见稿）' : ''}`;
    const key = draftOnly ? `draft-${index + 1}` : `${when.year}-policy-${index + 1}`;
    const policyBody = window(random, govBlocks, bodyLength(random));
    const interpretationBody = window(random, random() < 0.7 ? govBlocks : regBlocks, bodyLength(random));
    const disclosure = draftOnly ? PROACTIVE : disclosureFor(index);
    const prefix = draftOnly ? 'drafts.' : '';
    const pId = `policy-b${key}`;
    const iId = `interpretation-b${key}`;
    const editor = pick(random, editors);
    const dates = draftOnly ? { formedAt: when.formedAt } : { formedAt: when.formedAt, publishedAt: when.publishedAt };
    const system = { _createdAt: when._createdAt, _updatedAt: when._updatedAt };
    const policy: Doc = {
      _id: prefix + pId,
      _type: 'policy',
      ...system,
      _rev: rev(),
      title,
      slug: slug(key),
      publisher: ref(publisher.id),
      topic: source.topic,
      summary: summaryOf(policyBody),
      ...dates,
      disclosure,
      docNumber: `${BUREAU.docNumberPrefix}发〔${when.year}〕${number}号`,
      issuer: BUREAU.name,
      drafter: ref(drafter.id),
      validity: weighted(random, [
        ['valid', 80],
        ['amended', 8],
        ['repealed', 7],
        ['expired', 5],
      ] as const),
      interpretation: draftOnly ? weakRef(iId, 'interpretation') : ref(iId),
      responsibleEditor: editor,
      source: `${BUREAU.name}${drafter.name}`,
      body: policyBody,
    };
    const interpretation: Doc = {
      _id: prefix + iId,
      _type: 'interpretation',
      ...system,
      _rev: rev(),
      title: `${quoted(title)}政策解读`,
      slug: slug(key),
      publisher: ref(drafter.id),
      topic: source.topic,
      summary: summaryOf(interpretationBody),
      ...dates,
      disclosure,
      policy: draftOnly ? weakRef(pId, 'policy') : ref(pId),
      interpreter: `${drafter.head}（${drafter.post}）`,
      form: weighted(random, [
        ['text', 50],
        ['qa', 25],
        ['graphic', 20],
        ['video', 5],
      ] as const),
      responsibleEditor: editor,
      source: `${BUREAU.name}${drafter.name}`,
      body: interpretationBody,
    };
    return [policy, interpretation];
  };
  for (let i = 0; i < plan.pairs; i++) out.push(...policyPair(i, false));

  // ------------------------------------------------ 12315 analyses: each unit's quarters back from 2026 Q3, then months
  const xfbh = dept('xfbh');
  for (let i = 0; i < plan.analyses; i++) {
    const monthly = i >= UNITS.length * QUARTERS_PER_UNIT;
    const j = monthly ? i - UNITS.length * QUARTERS_PER_UNIT : i;
    const perUnit = monthly ? MONTHS_PER_UNIT : QUARTERS_PER_UNIT;
    const unitIndex = Math.floor(j / perUnit);
    const unit = UNITS[unitIndex]!;
    const slotIndex = (monthly ? LAST_MONTH : LAST_QUARTER) - (j % perUnit);
    const year = Math.floor(slotIndex / (monthly ? 12 : 4));
    const part = (slotIndex % (monthly ? 12 : 4)) + 1;
    const figure = (channel: number) => ({
      count: volume(seed, unitIndex, monthly, slotIndex, channel),
      previous: volume(seed, unitIndex, monthly, slotIndex - 1, channel),
      lastYear: volume(seed, unitIndex, monthly, slotIndex - (monthly ? 12 : 4), channel),
    });
    const figures = { consultations: figure(0), complaints: figure(1), reports: figure(2) };
    const complaints = figures.complaints.count;
    const complaintCategories = COMPLAINT_CATEGORIES.map(([kind, name, share], index) => ({
      _key: `c${index + 1}`,
      kind,
      name,
      count: Math.round(complaints * share * (0.85 + 0.3 * random())),
    })).sort((a, b) => b.count - a.count);
    const reportCategories = REPORT_CATEGORIES.map(([name, share], index) => ({
      _key: `r${index + 1}`,
      name,
      count: Math.round(figures.reports.count * share * (0.85 + 0.3 * random())),
    })).sort((a, b) => b.count - a.count);
    const periodEnd = monthly ? dayOf(year, part + 1, 1) - 1 : dayOf(year, part * 3 + 1, 1) - 1;
    const when = release(periodEnd + 8, Math.min(periodEnd + 25, LAST_DAY), 2, 6);
    const periodName = monthly ? `${year}年${part}月` : `${year}年第${CHINESE_NUMBERS[part - 1]}季度`;
    const title = unit.name ? `${unit.name}${periodName}投诉举报工作情况简析` : `${periodName}12315指挥中心工作情况简析`;
    const total = figures.consultations.count + complaints + figures.reports.count;
    const recoveredLoss = Math.round(complaints * (0.052 + random() * 0.016) * 100) / 100;
    const completionRate = Math.round((98.6 + random() * 1.3) * 10) / 10;
    const top = complaintCategories
      .slice(0, 3)
      .map((c) => `${c.name}（${c.count}件）`)
      .join('、');
    const own = ownBlocks([
      '## 一、总体情况',
      `${periodName}，${unit.name || '全市12315指挥中心'}共受理消费者咨询、投诉、举报${total}件。其中，咨询${figures.consultations.count}件，投诉${complaints}件，举报${figures.reports.count}件，为消费者挽回经济损失${recoveredLoss}万元，按时办结率${completionRate}%。`,
      '## 二、投诉热点',
      `投诉量居前三位的是${top}。`,
      '## 三、相关法律规定',
    ]);
    const body = [...own, ...window(random, regBlocks, Math.max(1, bodyLength(random) - own.length))];
    const code = unit.code;
    const unitDept = unitIndex === 0 ? xfbh : (deptByCode.get(PLACE_DEPARTMENTS[code.split('-')[0]!] ?? '') ?? xfbh);
    out.push({
      _id: `analysis-${code}-${monthly ? 'm' : 'q'}${slotIndex}`,
      _type: 'complaintAnalysis',
      _createdAt: when._createdAt,
      _updatedAt: when._updatedAt,
      _rev: rev(),
      title,
      slug: slug(`${year}-${monthly ? 'm' : 'q'}${part}-${code}-12315`),
      publisher: ref(unitDept.id),
      topic: '市场监管、安全生产监管\\工商',
      summary: `${periodName}，共受理咨询、投诉、举报${total}件，为消费者挽回经济损失${recoveredLoss}万元，按时办结率${completionRate}%。投诉居前三位的是${top}。`,
      formedAt: when.formedAt,
      publishedAt: when.publishedAt,
      disclosure: disclosureFor(i),
      period: monthly ? { year, month: part } : { year, quarter: part },
      figures,
      complaintCategories,
      reportCategories,
      recoveredLoss,
      completionRate,
      responsibleEditor: pick(random, editors),
      source: `${BUREAU.name}${unitDept.name}`,
      body,
    });
  }

  // ------------------------------------------------ inspection plans: the city's years back from 2026, then each county's
  const plansByYear = new Map<number, string>();
  const xyjd = dept('xyjd');
  for (let i = 0; i < plan.plans; i++) {
    const year = LAST_YEAR - (i % 12);
    const issuer = i < 12 ? BUREAU.name : `${PLACE_LIST[Math.floor(i / 12) - 1]!.fullName}市场监督管理局`;
    const items = PLAN_ITEMS.filter(() => random() < 0.75).map(([category, item, target, level, methods, basis], index) => ({
      _key: `i${index + 1}`,
      category,
      item,
      target,
      level,
      methods: [...methods],
      subject: issuer,
      basis,
    }));
    if (items.length === 0) {
      const [category, item, target, level, methods, basis] = PLAN_ITEMS[0]!;
      items.push({ _key: 'i1', category, item, target, level, methods: [...methods], subject: issuer, basis });
    }
    const when = release(dayOf(year, 1, 15), dayOf(year, 3, 20), 3, 8);
    const id = `plan-${i < 12 ? 'city' : PLACE_LIST[Math.floor(i / 12) - 1]!.division}-${year}`;
    if (i < 12) plansByYear.set(year, id);
    const own = ownBlocks([
      `根据《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》，结合本地实际，制定${issuer}${year}年度随机抽查事项清单。`,
      `本清单共${items.length}项，抽查比例和频次按照经营主体信用风险分类结果确定。`,
      '抽查结果自检查结束之日起20个工作日内通过国家企业信用信息公示系统和本局政府网站向社会公示。',
    ]);
    out.push({
      _id: id,
      _type: 'inspectionPlan',
      _createdAt: when._createdAt,
      _updatedAt: when._updatedAt,
      _rev: rev(),
      title: `${issuer}${year}年度“双随机、一公开”抽查事项清单`,
      slug: slug(`${year}-random-inspection-plan${i < 12 ? '' : `-${PLACE_LIST[Math.floor(i / 12) - 1]!.division}`}`),
      publisher: ref(xyjd.id),
      topic: '市场监管、安全生产监管\\工商',
      summary: `公布${issuer}${year}年度“双随机、一公开”抽查事项${items.length}项，明确检查对象、检查方式和检查依据。`,
      formedAt: when.formedAt,
      publishedAt: when.publishedAt,
      disclosure: PROACTIVE,
      year,
      items,
      responsibleEditor: pick(random, editors),
      source: `${BUREAU.name}${xyjd.name}`,
      body: [...own, ...window(random, regBlocks, bodyLength(random) - own.length)],
    });
  }

  // ------------------------------------------------ inspection result notices
  let enterpriseNumber = 0;
  const enterpriseOffset = Math.floor(mulberry32(seed ^ 0x5bd1e995)() * NAME_SPACE);
  const batches = new Map<string, number>();
  for (let i = 0; i < plan.results; i++) {
    const [, item, , , methods, , deptCode] = pick(random, PLAN_ITEMS);
    const department = dept(deptCode);
    const fromDay = workdayOnOrAfter(FIRST_DAY + Math.floor(random() * (LAST_DAY - 90 - FIRST_DAY)));
    const toDay = workdayOnOrBefore(fromDay + intBetween(random, 10, 60));
    const when = release(toDay + 8, toDay + 20, 3, 6);
    const year = yearOfDay(fromDay);
    const task = `${year}年${item.replace(/的检查$|的监督检查$/, '')}`;
    const batch = (batches.get(task) ?? 0) + 1;
    batches.set(task, batch);
    const size = intBetween(random, 10, 60);
    const records: { _key: string; enterpriseName: string; creditCode: string; result: InspectionResultCode; note?: string }[] = [];
    const seen = new Set<InspectionResultCode>();
    for (let r = 0; r < size; r++) {
      const company = enterprise(enterpriseNumber++, enterpriseOffset);
      const result = weighted(random, RESULT_WEIGHTS);
      seen.add(result);
      const notes = COMMON_NOTES[result];
      const note = notes ? pick(random, notes).replaceAll('{上年}', String(year - 1)) : undefined;
      records.push({
        _key: `r${String(r + 1).padStart(3, '0')}`,
        enterpriseName: company.enterpriseName,
        creditCode: company.creditCode,
        result,
        ...(note ? { note: company.individual ? note.replaceAll('列入经营异常名录', '标记为经营异常状态') : note } : {}),
      });
    }
    const problems = records.filter((record) => record.result !== 'no_issue').length;
    const described = RESULT_CODES.filter((code) => seen.has(code))
      .map((code) => `${INSPECTION_RESULTS[code]}${records.filter((record) => record.result === code).length}户`)
      .join('，');
    const own = ownBlocks([
      `根据${year}年度“双随机、一公开”抽查事项清单，我局于${isoDay(fromDay)}至${isoDay(toDay)}组织开展了${task}，采取${methods.join('、')}等方式，对${size}户经营主体进行了检查。`,
      `检查结果为：${described}。`,
      '被抽查的经营主体对抽查结果有异议的，可以自本公告发布之日起15日内向我局书面提出，并提供相关证明材料。',
    ]);
    const planId = plansByYear.get(year);
    out.push({
      _id: `result-b${i + 1}`,
      _type: 'inspectionResult',
      _createdAt: when._createdAt,
      _updatedAt: when._updatedAt,
      _rev: rev(),
      title: `${BUREAU.name}${task}“双随机、一公开”抽查结果公告（第${batch}批）`,
      slug: slug(`${year}-results-${i + 1}`),
      publisher: ref(department.id),
      topic: pick(random, ['市场监管、安全生产监管\\工商', '市场监管、安全生产监管\\质量监督', '市场监管、安全生产监管\\食品药品监管']),
      summary: `对随机抽取的${size}户经营主体开展${task}，其中未发现问题${size - problems}户，存在问题或异常情形${problems}户，现将结果予以公告。`,
      formedAt: when.formedAt,
      publishedAt: when.publishedAt,
      disclosure: disclosureFor(i),
      ...(planId ? { plan: ref(planId) } : {}),
      taskName: task,
      inspectedFrom: isoDay(fromDay),
      inspectedTo: isoDay(toDay),
      records,
      responsibleEditor: pick(random, editors),
      source: `${BUREAU.name}${department.name}`,
      body: [...own, ...window(random, regBlocks, bodyLength(random) - own.length)],
    });
  }

  // ------------------------------------------------ 商标品牌 news
  const newsTemplates = [
    (t: string, place: string) => `${place}开展${t}宣传活动`,
    (t: string, place: string) => `${place}市场监管部门组织学习${t}`,
    (t: string, place: string) => `依据${t}，${place}查处一批商标侵权案件`,
    (t: string, place: string) => `${place}举办${t}企业培训会`,
  ];
  const categories = [
    ['商标注册便利化', 25],
    ['商标执法', 30],
    ['品牌建设', 25],
    ['地理标志', 10],
    ['其他', 10],
  ] as const;
  const zscq = dept('zscq');
  const newsPerYear = new Map<number, number>();
  const newsDoc = (index: number, draftOnly: boolean): Doc => {
    const when = release(FIRST_DAY, LAST_DAY, 1, 4);
    const issue = (newsPerYear.get(when.year) ?? 0) + 1;
    newsPerYear.set(when.year, issue);
    const place = pick(random, PLACE_LIST).fullName;
    const title = `${pick(random, newsTemplates)(quoted(pick(random, regTitles)), place)}（${when.year}年第${issue}期）${draftOnly ? '（待审稿）' : ''}`;
    const own = ownBlocks([`${place}市场监督管理部门近日围绕商标品牌工作开展了专项行动，现将有关情况报道如下。`]);
    const body = [...own, ...window(random, regBlocks, bodyLength(random) - own.length)];
    const department = random() < 0.7 ? zscq : pick(random, functional);
    return {
      _id: draftOnly ? `drafts.news-draft-${index + 1}` : `news-b${index + 1}`,
      _type: 'trademarkNews',
      _createdAt: when._createdAt,
      _updatedAt: when._updatedAt,
      _rev: rev(),
      title,
      slug: slug(draftOnly ? `draft-news-${index + 1}` : `${when.year}-news-${index + 1}`),
      publisher: ref(department.id),
      topic: '科技、教育\\知识产权',
      summary: summaryOf(body.slice(1)) || own[0]!.children[0]!.text,
      formedAt: when.formedAt,
      ...(draftOnly ? {} : { publishedAt: when.publishedAt }),
      disclosure: draftOnly ? PROACTIVE : disclosureFor(index),
      category: weighted(random, categories),
      responsibleEditor: pick(random, editors),
      source: `${BUREAU.name}${department.name}`,
      body,
    };
  };
  const firstNews = out.length;
  for (let i = 0; i < plan.news; i++) out.push(newsDoc(i, false));

  // ------------------------------------------------ drafts: edits of released news, new news, never-released pairs
  const edited = new Set<number>();
  for (let d = 0; d < plan.draftSets; d++) {
    const kind = plan.news < plan.draftSets ? 1 + (d % 2) : d % 3;
    if (kind === 0) {
      // an editor's unpublished edit of a released proactive news item
      let at = firstNews + Math.floor(random() * plan.news);
      while ((out[at]!.disclosure as { mode: string }).mode !== 'proactive' || edited.has(at))
        at = firstNews + ((at - firstNews + 1) % plan.news);
      edited.add(at);
      const released = out[at]!;
      out.push({ ...released, _id: `drafts.${released._id}`, _rev: rev(), title: `${String(released.title)}（修改稿）` });
    } else if (kind === 1) {
      out.push(newsDoc(d, true));
    } else {
      out.push(...policyPair(d, true));
    }
  }

  // What is not public gets a 内容概述 of its own. A summary quoting a corpus sentence that public
  // documents also contain would be flagged by the build's leak scan: it compares whole summaries
  // with the public text split at 。；, where a quoted sentence with its final 。 is not found.
  for (const doc of out) {
    if (doc._type === 'department' || doc._id.startsWith('drafts.news-b')) continue;
    if (doc._id.startsWith('drafts.') || (doc.disclosure as { mode: string }).mode !== 'proactive') {
      doc.summary = `「${String(doc.title)}」的内容概述。`;
    }
  }

  // ------------------------------------------------ 建议提案办理复文: a few a year, after everything else so the
  // other documents are drawn as before
  const proposalKinds = [
    ['deputySuggestion', '建议', '市人大'],
    ['memberProposal', '提案', '市政协'],
  ] as const;
  for (let i = 0; i < proposalCount(docs); i++) {
    const when = release(FIRST_DAY + 120, LAST_DAY, 3, 15);
    const [kind, noun, body] = proposalKinds[i % 2]!;
    const department = pick(random, functional);
    const topicTitle = pick(random, regTitles);
    const blocks = window(random, regBlocks, bodyLength(random));
    out.push({
      _id: `proposal-b${i + 1}`,
      _type: 'proposalReply',
      _createdAt: when._createdAt,
      _updatedAt: when._updatedAt,
      _rev: rev(),
      title: `关于落实${quoted(topicTitle)}的${noun}（${when.year}年第${i + 1}号）`,
      slug: slug(`${when.year}-proposal-${i + 1}`),
      publisher: ref(department.id),
      topic: '综合政务\\政务公开',
      summary: summaryOf(blocks) || `对${body}第${i + 1}号${noun}的答复。`,
      formedAt: when.formedAt,
      publishedAt: when.publishedAt,
      disclosure: PROACTIVE,
      kind,
      session: `${body}第${when.year - 2010}次会议`,
      number: `第${String(i + 1).padStart(4, '0')}号`,
      proposer: pick(random, editors),
      leadUnit: BUREAU.name,
      replyCategory: pick(random, ['A', 'A', 'B', 'C'] as const),
      repliedAt: when.formedAt,
      responsibleEditor: pick(random, editors),
      source: `${BUREAU.name}${department.name}`,
      body: blocks,
    });
  }

  // ------------------------------------------------ 政府信息公开指南 (three revisions) and 制度 (four), released by one
  // department, after everything else so the other documents are drawn as before
  const office = pick(random, functional);
  const disclosureDocs = [
    ...Array.from({ length: 3 }, (_, i) => ({
      type: 'disclosureGuide',
      title: `政府信息公开指南（第${i + 1}次修订）`,
      key: `guide-${i + 1}`,
    })),
    ...['保密审查', '发布审核', '依申请公开办理', '社会评议与责任追究'].map((rule, i) => ({
      type: 'disclosureRule',
      title: `政府信息公开${rule}制度`,
      key: `rule-${i + 1}`,
    })),
  ];
  for (const [i, { type, title, key }] of disclosureDocs.entries()) {
    const when = release(FIRST_DAY, LAST_DAY, 3, 15);
    const blocks = window(random, govBlocks, bodyLength(random));
    out.push({
      _id: `${key}-b`,
      _type: type,
      _createdAt: when._createdAt,
      _updatedAt: when._updatedAt,
      _rev: rev(),
      title: `${BUREAU.name}${title}`,
      slug: slug(`${when.year}-${key}`),
      publisher: ref(office.id),
      topic: '综合政务\\政务公开',
      summary: summaryOf(blocks) || `${title}。`,
      formedAt: when.formedAt,
      publishedAt: when.publishedAt,
      disclosure: PROACTIVE,
      ...(type === 'disclosureGuide' ? { requestBody: window(random, govBlocks, 3) } : { order: i - 2 }),
      responsibleEditor: pick(random, editors),
      source: `${BUREAU.name}${office.name}`,
      body: blocks,
    });
  }

  // ------------------------------------------------ 政府信息公开工作年度报告: one a year for every finished year, released in
  // January, 表二 and 表三 counted by the project's own counting from what was generated (no request register
  // here: 表三 is all nought); after everything else so the other documents are drawn as before
  for (const year of REPORT_YEARS) {
    const when = release(dayOf(year + 1, 1, 10), dayOf(year + 1, 1, 28), 3, 6);
    const counted = countReportTables(out, year);
    const part = () => ({ upheld: intBetween(random, 0, 3), corrected: intBetween(random, 0, 1), other: 0, pending: 0 });
    out.push({
      _id: annualReportId(year),
      _type: 'annualReport',
      _createdAt: when._createdAt,
      _updatedAt: when._updatedAt,
      _rev: rev(),
      title: `${BUREAU.name}${year}年政府信息公开工作年度报告`,
      slug: slug(String(year)),
      publisher: ref(office.id),
      topic: '综合政务\\政务公开',
      summary: `${BUREAU.name}${year}年政府信息公开工作年度报告。`,
      formedAt: when.formedAt,
      publishedAt: when.publishedAt,
      disclosure: PROACTIVE,
      year,
      overview: window(random, govBlocks, 2)
        .map((block) => (block.children ?? []).map((span) => span.text).join(''))
        .join('\n\n'),
      ...countedFields(counted),
      licensing: intBetween(random, 1000, 6000),
      punishment: intBetween(random, 100, 900),
      coercion: intBetween(random, 10, 90),
      fees: 0,
      tableFour: { reconsideration: part(), directLitigation: part(), litigationAfterReconsideration: part() },
      problems: `${year}年政府信息公开工作存在的主要问题及改进情况。`,
      otherMatters: '本年度未收取信息处理费。',
      responsibleEditor: pick(random, editors),
      source: `${BUREAU.name}${office.name}`,
    });
  }

  assignIndexNumbers(out, random);
  return out;
}

const TYPE_ORDER: Record<string, number> = {
  policy: 0,
  interpretation: 1,
  complaintAnalysis: 2,
  inspectionPlan: 3,
  inspectionResult: 4,
  trademarkNews: 5,
  proposalReply: 6,
  disclosureGuide: 7,
  disclosureRule: 8,
  annualReport: 9,
};

/**
 * 索引号 in order of release, one serial sequence per year with small gaps (the bureau's
 * other information), a pair's two documents numbered consecutively; never above 99999.
 * Drafts of released documents carry the release's number.
 */
function assignIndexNumbers(docs: Doc[], random: Random): void {
  const released = docs.filter((doc) => typeof doc.publishedAt === 'string' && !doc._id.startsWith('drafts.'));
  released.sort((a, b) => {
    const pa = a.publishedAt as string;
    const pb = b.publishedAt as string;
    if (pa !== pb) return pa < pb ? -1 : 1;
    const order = (TYPE_ORDER[a._type] ?? 9) - (TYPE_ORDER[b._type] ?? 9);
    if (order !== 0) return order;
    return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
  });
  const perYear = new Map<number, number>();
  for (const doc of released) {
    const year = Number((doc.publishedAt as string).slice(0, 4));
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
  }
  const serials = new Map<number, number>();
  let previous = '';
  for (const doc of released) {
    const publishedAt = doc.publishedAt as string;
    const year = Number(publishedAt.slice(0, 4));
    const maxStep = Math.max(1, Math.min(4, Math.floor((99999 - 20) / perYear.get(year)!)));
    const step = publishedAt === previous ? 1 : intBetween(random, 1, maxStep);
    previous = publishedAt;
    const serial = (serials.get(year) ?? intBetween(random, 0, 19)) + step;
    serials.set(year, serial);
    doc.indexNumber = formatIndexNumber({ orgCode: BUREAU.orgCode, year, serial });
  }
  const byId = new Map(released.map((doc) => [doc._id, doc]));
  for (const doc of docs) {
    if (!doc._id.startsWith('drafts.')) continue;
    const original = byId.get(doc._id.slice('drafts.'.length));
    if (original) doc.indexNumber = original.indexNumber;
  }
}
