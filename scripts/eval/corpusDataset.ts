/**
 * The search-evaluation corpus as ONE dataset: the 60 gov.cn State Council documents
 * (through the real importer) and the 26 laws and 市场监管总局 rules of `samr-regulations`,
 * read from the corpora (CORPUS_DIR, scripts/support/corpus.ts), each as a released `policy`
 * with a placeholder interpretation, as the importer does for gov.cn records.
 *
 * Ids and slugs are fixed, so relevance labels name pages by URL:
 *   /policies/govcn-<year>-<serial>/   (from the 索引号, e.g. /policies/govcn-2019-00007/)
 *   /policies/samr-<n>/                (n from SAMR_FILES below, never from directory order)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDataset, type Dataset } from '../../core/content/dataset.ts';
import { toNdjson } from '../../core/content/ndjson.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { ContentError } from '../../core/model/problems.ts';
import type { PortableTextBlock } from '../../core/model/schemas.ts';
import { textBlock } from '../../core/portableText/fromPlainText.ts';
import { GOVCN_DEPARTMENTS, importGovcnJsonl } from '../import/govcn.ts';
import { placeholderInterpretation } from '../import/placeholderInterpretation.ts';
import { CORPUS_DIR } from '../support/corpus.ts';

/**
 * Every regulation file, its fixed number (slug `samr-<n>`) and its 主题分类. A file that is
 * added to the corpus must be added here (the builder refuses unknown files), so numbers never shift.
 */
export const SAMR_FILES: readonly { n: number; file: string; topic: string }[] = [
  { n: 1, file: '互联网药品信息服务管理办法(2004-07-08).md', topic: '市场监管、安全生产监管\\食品药品监管' },
  { n: 2, file: '产品质量法(2018-12-29).md', topic: '市场监管、安全生产监管\\质量监督' },
  { n: 3, file: '价格法(1997-12-29).md', topic: '国民经济管理、国有资产监管\\物价' },
  { n: 4, file: '侵害消费者权益行为处罚办法(2015-01-05).md', topic: '市场监管、安全生产监管\\工商' },
  { n: 5, file: '化妆品生产经营监督管理办法(2021-08-02).md', topic: '市场监管、安全生产监管\\食品药品监管' },
  { n: 6, file: '医疗器械注册与备案管理办法(2021-08-26).md', topic: '市场监管、安全生产监管\\食品药品监管' },
  { n: 7, file: '医疗器械生产监督管理办法(2022-03-10).md', topic: '市场监管、安全生产监管\\食品药品监管' },
  { n: 8, file: '医疗器械经营监督管理办法(2022-03-10).md', topic: '市场监管、安全生产监管\\食品药品监管' },
  { n: 9, file: '医疗机构制剂配制质量管理规范（试行）(2001-03-13).md', topic: '卫生、体育\\医药管理' },
  { n: 10, file: '反不正当竞争法(2019-04-23).md', topic: '市场监管、安全生产监管\\工商' },
  { n: 11, file: '商标法(2019-04-23).md', topic: '科技、教育\\知识产权' },
  { n: 12, file: '商标法实施条例(2014-04-29).md', topic: '科技、教育\\知识产权' },
  { n: 13, file: '处方药与非处方药分类管理办法（试行）(1999-06-18).md', topic: '卫生、体育\\医药管理' },
  { n: 14, file: '家用汽车产品修理更换退货责任规定(2021-07-22).md', topic: '市场监管、安全生产监管\\质量监督' },
  { n: 15, file: '市场主体登记管理条例实施细则(2022-03-01).md', topic: '市场监管、安全生产监管\\工商' },
  { n: 16, file: '市场监督管理投诉举报处理暂行办法(2022-03-24).md', topic: '市场监管、安全生产监管\\工商' },
  { n: 17, file: '市场监督管理行政处罚信息公示规定(2021-07-30).md', topic: '市场监管、安全生产监管\\工商' },
  { n: 18, file: '广告法(2021-04-29).md', topic: '市场监管、安全生产监管\\工商' },
  { n: 19, file: '政府信息公开条例(2019-04-03).md', topic: '综合政务\\政务公开' },
  { n: 20, file: '明码标价和禁止价格欺诈规定(2022-04-14).md', topic: '国民经济管理、国有资产监管\\物价' },
  { n: 21, file: '消费者权益保护法(2013-10-25).md', topic: '市场监管、安全生产监管\\工商' },
  { n: 22, file: '特种设备安全监督检查办法(2022-05-26).md', topic: '市场监管、安全生产监管\\质量监督' },
  { n: 23, file: '电子商务法(2018-08-31).md', topic: '市场监管、安全生产监管\\工商' },
  { n: 24, file: '药品进口管理办法(2003-08-18).md', topic: '市场监管、安全生产监管\\食品药品监管' },
  { n: 25, file: '集成电路布图设计行政执法办法(2001-11-28).md', topic: '科技、教育\\知识产权' },
  { n: 26, file: '食品生产经营监督检查管理办法(2021-12-24).md', topic: '市场监管、安全生产监管\\食品药品监管' },
];

/** Issuing bodies of the regulations, by the name the file's metadata uses. */
const SAMR_DEPARTMENTS: readonly { id: string; name: string; code: string; aliases: string[] }[] = [
  { id: 'samr-dept-npcsc', name: '全国人民代表大会常务委员会', code: 'NPCSC', aliases: ['全国人民代表大会常务委员会'] },
  { id: 'govcn-dept-gwy', name: '国务院', code: 'GWY', aliases: ['中华人民共和国国务院', '国务院'] },
  { id: 'samr-dept-samr', name: '国家市场监督管理总局', code: 'SAMR', aliases: ['国家市场监督管理总局'] },
  { id: 'samr-dept-saic', name: '国家工商行政管理总局', code: 'SAIC', aliases: ['国家工商行政管理总局'] },
  { id: 'samr-dept-sfda', name: '国家食品药品监督管理局', code: 'SFDA', aliases: ['国家食品药品监督管理局', '食品药品监管局'] },
  { id: 'samr-dept-sda', name: '国家药品监督管理局', code: 'SDA', aliases: ['国家药品监督管理局'] },
  { id: 'samr-dept-cnipa', name: '国家知识产权局', code: 'CNIPA', aliases: ['国家知识产权局'] },
  { id: 'samr-dept-gacc', name: '海关总署', code: 'GACC', aliases: ['海关总署'] },
];

interface Regulation {
  n: number;
  file: string;
  /** The law's name as its `# ` heading gives it. */
  title: string;
  /** The current order number (`国家市场监督管理总局令第46号`), when the metadata gives one. */
  docNumber?: string;
  /** The issuing bodies, full names joined with 、. */
  issuer: string;
  /** Department ids of the issuers, the drafter first. */
  issuerIds: string[];
  /** `YYYY-MM-DD`, from the file name. */
  date: string;
  topic: string;
  /** Headings (`第一章 总则`) and paragraphs, in order. */
  paragraphs: { text: string; heading: boolean }[];
}

function departmentOf(name: string): (typeof SAMR_DEPARTMENTS)[number] {
  const found = SAMR_DEPARTMENTS.find((d) => d.aliases.includes(name.trim()));
  if (!found) throw new Error(`unknown issuing body 「${name}」`);
  return found;
}

/** Reads one regulation file: title, metadata lines (before `<!-- INFO END -->`), articles. */
function parseRegulation(file: string, text: string, n: number, topic: string): Regulation {
  const date = /\((\d{4}-\d{2}-\d{2})\)\.md$/.exec(file)?.[1];
  if (!date) throw new Error(`${file}: no date in the file name`);
  const [head, body] = text.split('<!-- INFO END -->');
  if (body === undefined) throw new Error(`${file}: no <!-- INFO END --> marker`);
  const title = /^# (.+)$/m.exec(head!)?.[1]?.trim();
  if (!title) throw new Error(`${file}: no # title`);
  const meta = head!
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^\d{4}年/.test(line));

  let docNumber: string | undefined;
  const issuers: string[] = [];
  for (const line of meta) {
    // 2021年8月2日 国家市场监督管理总局令第46号公布 / 2014年4月29日 中华人民共和国国务院令第651号修订通过
    const order = /^\d{4}年\d{1,2}月\d{1,2}日\s*(.+?)令第(\d+)号/.exec(line);
    // 2003年8月18日 食品药品监管局、海关总署第4号令公布
    const jointOrder = /^\d{4}年\d{1,2}月\d{1,2}日\s*(.+?)第(\d+)号令/.exec(line);
    // 1997年12月29日 第八届全国人民代表大会常务委员会第二十九次会议通过
    const congress = /(全国人民代表大会常务委员会)第.+?次会议/.exec(line);
    if (order) {
      docNumber = `${order[1]}令第${order[2]}号`;
      issuers.splice(0, issuers.length, ...order[1]!.split('、'));
    } else if (jointOrder) {
      docNumber = `${jointOrder[1]}第${jointOrder[2]}号令`;
      issuers.splice(0, issuers.length, ...jointOrder[1]!.split('、'));
    } else if (congress && issuers.length === 0) {
      issuers.push(congress[1]!);
    }
  }
  if (issuers.length === 0) throw new Error(`${file}: no issuing body in the metadata`);
  const departments = issuers.map(departmentOf);

  const paragraphs = body
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const heading = /^#{2,6}\s+/.test(line);
      return { text: line.replace(/^#{2,6}\s+/, ''), heading };
    });
  return {
    n,
    file,
    title,
    ...(docNumber ? { docNumber } : {}),
    issuer: departments.map((d) => d.name).join('、'),
    issuerIds: departments.map((d) => d.id),
    date,
    topic,
    paragraphs,
  };
}

function readRegulations(directory = join(CORPUS_DIR, 'samr-regulations')): Regulation[] {
  return SAMR_FILES.map(({ n, file, topic }) => parseRegulation(file, readFileSync(join(directory, file), 'utf8'), n, topic));
}

const ref = (id: string) => ({ _type: 'reference', _ref: id });

/** A regulation as a released policy and its placeholder interpretation (publisher = drafter). */
function regulationToDocuments(regulation: Regulation): StoredDocument[] {
  const key = `samr-${regulation.n}`;
  const policyId = `samr-policy-${regulation.n}`;
  const interpretationId = `samr-interpretation-${regulation.n}`;
  const drafter = regulation.issuerIds[0]!;
  const shared = {
    topic: regulation.topic,
    formedAt: regulation.date,
    publishedAt: `${regulation.date}T00:00:00+08:00`,
    disclosure: { mode: 'proactive' },
    source: `../shared/corpus/samr-regulations/${regulation.file}`,
  };
  const body: PortableTextBlock[] = regulation.paragraphs.map((p, i) => textBlock(`p${i + 1}`, p.text, p.heading ? 'h2' : 'normal'));
  const policy: StoredDocument = {
    _id: policyId,
    _type: 'policy',
    title: regulation.title,
    slug: { _type: 'slug', current: key },
    publisher: ref(drafter),
    ...shared,
    body,
    ...(regulation.docNumber ? { docNumber: regulation.docNumber } : {}),
    issuer: regulation.issuer,
    drafter: ref(drafter),
    validity: 'valid',
    interpretation: ref(interpretationId),
  };
  const interpretation = placeholderInterpretation({
    id: interpretationId,
    slug: `${key}-interpretation`,
    policyId,
    policyTitle: regulation.title,
    ...(regulation.docNumber ? { reference: regulation.docNumber } : {}),
    drafter,
    shared,
    summary: '评测语料自动生成的占位解读：原始数据不含政策解读，须由起草单位撰写正式解读后替换。',
  });
  return [policy, interpretation];
}

/** Every document of the evaluation corpus, in a fixed order. */
function corpusDocuments(corpusDir = CORPUS_DIR): StoredDocument[] {
  const source = join(corpusDir, 'govcn-2019', 'policies.jsonl');
  const govcn = importGovcnJsonl(readFileSync(source, 'utf8'));
  if (govcn.problems.length > 0) throw new ContentError(source, govcn.problems);
  const known = new Set(GOVCN_DEPARTMENTS.map((d) => d._id));
  const departments: StoredDocument[] = SAMR_DEPARTMENTS.filter((d) => !known.has(d.id)).map((d) => ({
    _id: d.id,
    _type: 'department',
    name: d.name,
    code: d.code,
  }));
  const regulations = readRegulations(join(corpusDir, 'samr-regulations'));
  return [...govcn.documents, ...departments, ...regulations.flatMap(regulationToDocuments)];
}

/** The corpus as NDJSON, validated with the same rules as any dataset (throws a ContentError). */
export function corpusDataset(corpusDir = CORPUS_DIR): { text: string; dataset: Dataset } {
  const text = toNdjson(corpusDocuments(corpusDir));
  return { text, dataset: parseDataset(text, 'search-eval corpus') };
}

/** The public URL of every policy in the corpus, with its title (for labels and reports). */
export function corpusPolicyUrls(dataset: Dataset): Map<string, string> {
  return new Map(
    dataset.documents
      .filter((doc) => doc._type === 'policy')
      .map((doc) => [`/policies/${(doc.slug as { current: string }).current}/`, doc.title as string]),
  );
}
