/**
 * Hostile datasets, each made from the minimal fixture by one attack or one mistake, with the
 * problem `npm run validate` and the build must both name for it. Kept apart from the test so
 * the list reads as a catalogue.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from 'tar';
import { toNdjson } from '../../core/content/ndjson.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { copyOfFixture as copyOf, minimalDataset } from '../fixtures/minimalDataset.ts';
import { ROOT } from '../helpers/run.ts';

/** What must appear on one problem line of both outputs. */
export interface Expected {
  /** `文档 <id>` */
  id: string;
  /** `字段 <field>` (omitted: the line names no field, or any). */
  field?: string;
  /** `第 <line> 行` */
  line?: number;
  /** A part of the message. */
  says?: string;
}

export interface HostileCase {
  name: string;
  /** The file's bytes (NDJSON), or an export archive holding them as data.ndjson. */
  content: string | Buffer;
  archive?: boolean;
  expect: Expected[];
}

// biome-ignore lint/suspicious/noExplicitAny: hostile fixtures write values of any shape into any field
type Doc = Record<string, any>;
const ref = (id: string, extra: object = {}) => ({ _type: 'reference', _ref: id, ...extra });
const WITHHELD = { mode: 'withheld', ground: 'processInformation', reason: '《中华人民共和国政府信息公开条例》第十六条：过程性信息' };

/** The fixture with `change` applied to the document `id`. */
function edit(id: string, change: (doc: Doc) => void, docs: StoredDocument[] = minimalDataset()): StoredDocument[] {
  const doc = docs.find((d) => d._id === id);
  if (!doc) throw new Error(`no ${id} in the fixture`);
  change(doc);
  return docs;
}

/** The fixture with `more` documents appended. */
function plus(...more: Doc[]): StoredDocument[] {
  return [...minimalDataset(), ...(more as StoredDocument[])];
}

/** A second, correct policy/interpretation pair (policy-b, interpretation-b). */
function secondPair(policyChanges: Doc = {}, interpretationChanges: Doc = {}): Doc[] {
  return [
    copyOf('policy-a', 'policy-b', 21, {
      docNumber: '株市监发〔2026〕9号',
      interpretation: ref('interpretation-b'),
      title: '第二份政策文件',
      ...policyChanges,
    }),
    copyOf('interpretation-a', 'interpretation-b', 22, {
      policy: ref('policy-b'),
      title: '第二份政策文件的解读',
      ...interpretationChanges,
    }),
  ];
}

/** NDJSON of `docs` with the line of document `id` replaced by `replace(itsJson)`. */
function rawLine(docs: StoredDocument[], id: string, replace: (json: string) => string): string {
  return toNdjson(docs)
    .split('\n')
    .map((line) => (line.includes(`"_id":"${id}"`) ? replace(line) : line))
    .join('\n');
}
const lineOf = (id: string) => minimalDataset().findIndex((d) => d._id === id) + 1;

/** A JSON value nested `depth` arrays deep, written without recursion. */
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

function withInvalidUtf8(at: 'title' | 'truncated'): Buffer {
  const lines = toNdjson(minimalDataset())
    .split('\n')
    .map((l) => Buffer.from(`${l}\n`));
  const target = lineOf('news-a') - 1;
  const text = lines[target]!.toString();
  const marker = '醴陵瓷器';
  const [before, after] = [text.slice(0, text.indexOf(marker)), text.slice(text.indexOf(marker))];
  // A lone 0xFF byte never occurs in UTF-8; 0xE9 0x86 is a three-byte character cut short.
  const bad = at === 'title' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xe9, 0x86]);
  lines[target] = Buffer.concat([Buffer.from(before), bad, Buffer.from(after)]);
  return Buffer.concat(lines);
}

const onlyDrafts = (): StoredDocument[] =>
  minimalDataset().map((doc) =>
    doc._type === 'department' || doc._type.startsWith('sanity.') ? doc : { ...doc, _id: `drafts.${doc._id}` },
  );

const withheldEverywhere = (): StoredDocument[] =>
  minimalDataset().map((doc) => ('disclosure' in doc ? { ...doc, disclosure: WITHHELD } : doc));

const asset = (url: unknown, extra: Doc = {}) =>
  edit('file-3f1a2b-pdf', (doc) => {
    doc.url = url;
    Object.assign(doc, extra);
  });

const NO_PUBLIC = '没有任何已发布的主动公开文档';

export function hostileCases(): HostileCase[] {
  return [
    // ------------------------------------------------ one document, one field
    {
      name: 'a title that is a number',
      content: toNdjson(edit('policy-a', (d) => (d.title = 42))),
      expect: [{ id: 'policy-a', field: 'title' }],
    },
    {
      name: 'a blank title',
      content: toNdjson(edit('policy-a', (d) => (d.title = '   '))),
      expect: [{ id: 'policy-a', field: 'title', says: '不能为空' }],
    },
    {
      name: 'a missing 制发机关',
      content: toNdjson(edit('policy-a', (d) => delete d.issuer)),
      expect: [{ id: 'policy-a', field: 'issuer', says: '缺少必填字段' }],
    },
    {
      name: 'a missing 解读形式',
      content: toNdjson(edit('interpretation-a', (d) => delete d.form)),
      expect: [{ id: 'interpretation-a', field: 'form' }],
    },
    {
      name: 'a topic outside the vocabulary',
      content: toNdjson(edit('news-a', (d) => (d.topic = '体育'))),
      expect: [{ id: 'news-a', field: 'topic' }],
    },
    {
      name: 'a date that does not exist',
      content: toNdjson(edit('policy-a', (d) => (d.formedAt = '2026-02-30'))),
      expect: [{ id: 'policy-a', field: 'formedAt', says: '不是有效日期' }],
    },
    {
      name: 'a date-time without a zone',
      content: toNdjson(edit('news-a', (d) => (d.publishedAt = '2026-03-10 09:00'))),
      expect: [{ id: 'news-a', field: 'publishedAt' }],
    },
    {
      name: 'a credit code with a wrong check character',
      content: toNdjson(edit('result-a', (d) => (d.records[0].creditCode = '91440300708461136X'))),
      expect: [{ id: 'result-a', field: 'records.0.creditCode', says: '校验码错误' }],
    },
    {
      name: 'withheld without a legal ground',
      content: toNdjson(edit('news-a', (d) => (d.disclosure = { mode: 'withheld' }))),
      expect: [{ id: 'news-a', field: 'disclosure.ground' }],
    },
    {
      name: 'a disclosure mode that does not exist',
      content: toNdjson(edit('news-a', (d) => (d.disclosure = { mode: 'public' }))),
      expect: [{ id: 'news-a', field: 'disclosure.mode' }],
    },
    {
      name: 'a summary over 300 characters',
      content: toNdjson(edit('news-a', (d) => (d.summary = '商'.repeat(301)))),
      expect: [{ id: 'news-a', field: 'summary' }],
    },
    {
      name: 'an inspection that ends before it starts',
      content: toNdjson(edit('result-a', (d) => (d.inspectedTo = '2026-01-15'))),
      expect: [{ id: 'result-a', field: 'inspectedTo' }],
    },
    {
      name: 'a slug with spaces and capitals',
      content: toNdjson(edit('policy-a', (d) => (d.slug.current = 'Policy A'))),
      expect: [{ id: 'policy-a', field: 'slug.current' }],
    },
    {
      name: 'a slug that climbs out of its folder',
      content: toNdjson(edit('news-a', (d) => (d.slug.current = '../../index'))),
      expect: [{ id: 'news-a', field: 'slug.current' }],
    },
    {
      name: 'a malformed 索引号',
      content: toNdjson(edit('policy-a', (d) => (d.indexNumber = '2026-3'))),
      expect: [{ id: 'policy-a', field: 'indexNumber' }],
    },
    {
      name: 'a period with both quarter and month',
      content: toNdjson(edit('analysis-a', (d) => (d.period.month = 2))),
      expect: [{ id: 'analysis-a', field: 'period' }],
    },
    {
      name: 'a negative complaint count',
      content: toNdjson(edit('analysis-a', (d) => (d.figures.complaints.count = -5))),
      expect: [{ id: 'analysis-a', field: 'figures.complaints.count' }],
    },
    {
      name: 'a count as a string',
      content: toNdjson(edit('analysis-a', (d) => (d.figures.reports.lastYear = '450'))),
      expect: [{ id: 'analysis-a', field: 'figures.reports.lastYear' }],
    },
    { name: 'an empty 事项清单', content: toNdjson(edit('plan-a', (d) => (d.items = []))), expect: [{ id: 'plan-a', field: 'items' }] },
    {
      name: 'a result notice without records',
      content: toNdjson(edit('result-a', (d) => (d.records = []))),
      expect: [{ id: 'result-a', field: 'records' }],
    },
    {
      name: 'a body that is a string',
      content: toNdjson(edit('news-a', (d) => (d.body = '<script>alert(1)</script>'))),
      expect: [{ id: 'news-a', field: 'body' }],
    },
    {
      name: 'a department code in lower case',
      content: toNdjson(edit('dept-zcfg', (d) => (d.code = 'zcfg'))),
      expect: [{ id: 'dept-zcfg', field: 'code' }],
    },
    {
      name: 'an unknown _type',
      content: toNdjson(edit('news-a', (d) => (d._type = 'newsletter'))),
      expect: [{ id: 'news-a', field: '_type', says: '未知的文档类型' }],
    },
    {
      name: 'an _id with spaces and markup',
      content: toNdjson(edit('news-a', (d) => (d._id = 'news a<b>'))),
      expect: [{ id: 'news a<b>', field: '_id' }],
    },
    {
      name: 'an _id of 200 characters',
      content: toNdjson(edit('news-a', (d) => (d._id = 'n'.repeat(200)))),
      expect: [{ id: 'n'.repeat(200), field: '_id' }],
    },

    // ------------------------------------------------ lines that are not documents
    {
      name: 'a line that is not JSON',
      content: rawLine(minimalDataset(), 'plan-a', (l) => l.slice(0, 40)),
      expect: [{ id: `<第 ${lineOf('plan-a')} 行>`, line: lineOf('plan-a'), says: '不是合法的 JSON' }],
    },
    {
      name: 'a line that is an array',
      content: rawLine(minimalDataset(), 'plan-a', () => '[1,2]'),
      expect: [{ id: `<第 ${lineOf('plan-a')} 行>`, says: 'JSON 对象' }],
    },
    {
      name: 'a line that is a number',
      content: rawLine(minimalDataset(), 'plan-a', () => '42'),
      expect: [{ id: `<第 ${lineOf('plan-a')} 行>`, says: 'JSON 对象' }],
    },
    {
      name: 'a line that is a string',
      content: rawLine(minimalDataset(), 'plan-a', () => '"政策文件"'),
      expect: [{ id: `<第 ${lineOf('plan-a')} 行>`, says: 'JSON 对象' }],
    },
    {
      name: 'a line that is null',
      content: rawLine(minimalDataset(), 'plan-a', () => 'null'),
      expect: [{ id: `<第 ${lineOf('plan-a')} 行>`, says: 'JSON 对象' }],
    },
    {
      name: 'a document without _id',
      content: toNdjson(edit('news-a', (d) => delete d._id)),
      expect: [{ id: `<第 ${lineOf('news-a')} 行>`, field: '_id' }],
    },
    {
      name: 'a document without _type',
      content: toNdjson(edit('news-a', (d) => delete d._type)),
      expect: [{ id: 'news-a', field: '_type' }],
    },

    // ------------------------------------------------ across documents
    {
      name: 'a reference to nothing',
      content: toNdjson(edit('result-a', (d) => (d.plan._ref = 'plan-missing'))),
      expect: [{ id: 'result-a', field: 'plan', says: '不存在' }],
    },
    {
      name: 'a reference to the wrong type',
      content: toNdjson(edit('policy-a', (d) => (d.drafter._ref = 'plan-a'))),
      expect: [{ id: 'policy-a', field: 'drafter', says: '应引用 department' }],
    },
    {
      name: 'an attachment pointing at a department',
      content: toNdjson(edit('policy-a', (d) => (d.attachments[0].asset._ref = 'dept-zcfg'))),
      expect: [{ id: 'policy-a', field: 'attachments.0.asset' }],
    },
    {
      name: 'a reference to a draft id',
      content: toNdjson(plus({ ...copyOf('plan-a', 'plan-b', 31), _id: 'drafts.plan-b' })).replace(
        '"_ref":"plan-a"',
        '"_ref":"drafts.plan-b"',
      ),
      expect: [{ id: 'result-a', field: 'plan', says: '草稿' }],
    },
    {
      name: 'a publisher that exists only as a draft',
      content: toNdjson(
        edit(
          'news-a',
          (d) => (d.publisher._ref = 'dept-new'),
          plus({ _id: 'drafts.dept-new', _type: 'department', name: '新科室', code: 'XKS' }),
        ),
      ),
      expect: [{ id: 'news-a', field: 'publisher', says: '尚未发布' }],
    },
    {
      name: 'a duplicate _id',
      content: toNdjson(plus(minimalDataset().find((d) => d._id === 'dept-zcfg')!)),
      expect: [{ id: 'dept-zcfg', field: '_id', says: '_id 重复' }],
    },
    {
      name: 'two documents with one slug',
      content: toNdjson(plus(copyOf('news-a', 'news-b', 41, { slug: { _type: 'slug', current: 'news-a' } }))),
      expect: [{ id: 'news-b', field: 'slug', says: '网址标识「news-a」' }],
    },
    {
      name: 'two documents with one 索引号',
      content: toNdjson(plus(copyOf('news-a', 'news-b', 4))),
      expect: [{ id: 'news-b', field: 'indexNumber', says: '索引号' }],
    },
    {
      name: 'a withheld document with a public one’s 索引号',
      content: toNdjson(plus(copyOf('news-a', 'news-w', 4, { disclosure: WITHHELD }))),
      expect: [{ id: 'news-w', field: 'indexNumber' }],
    },
    {
      name: 'two policies with one 发文字号',
      content: toNdjson(plus(...secondPair({ docNumber: '株市监发〔2026〕3号' }))),
      expect: [{ id: 'policy-b', field: 'docNumber', says: '发文字号' }],
    },
    {
      name: 'one 发文字号 written two ways',
      content: toNdjson(plus(...secondPair({ docNumber: '株市监发[2026]3号' }))),
      expect: [{ id: 'policy-b', field: 'docNumber' }],
    },
    {
      name: 'a draft whose type differs from the published document',
      content: toNdjson(plus({ _id: 'drafts.news-a', _type: 'complaintAnalysis', title: '改了类型的草稿' })),
      expect: [{ id: 'drafts.news-a', field: '_type' }],
    },

    // ------------------------------------------------ pairs and disclosure
    {
      name: 'a policy whose interpretation is only a draft',
      content: toNdjson(minimalDataset().map((d) => (d._id === 'interpretation-a' ? { ...d, _id: 'drafts.interpretation-a' } : d))),
      expect: [{ id: 'policy-a', field: 'interpretation', says: '同步发布' }],
    },
    {
      name: 'an interpretation without its policy',
      content: toNdjson(minimalDataset().filter((d) => d._id !== 'policy-a')),
      expect: [{ id: 'interpretation-a', field: 'policy' }],
    },
    {
      name: 'an interpretation pointing at another policy',
      content: toNdjson(edit('interpretation-a', (d) => (d.policy._ref = 'policy-b'), plus(...secondPair()))),
      expect: [{ id: 'interpretation-a', field: 'policy' }],
    },
    {
      name: 'an interpretation not by the drafting department',
      content: toNdjson(
        edit(
          'interpretation-a',
          (d) => (d.publisher._ref = 'dept-bgs'),
          plus({ _id: 'dept-bgs', _type: 'department', name: '办公室', code: 'BGS' }),
        ),
      ),
      expect: [{ id: 'interpretation-a', field: 'publisher', says: '谁起草、谁解读' }],
    },
    {
      name: 'a withheld interpretation of a public policy',
      content: toNdjson(edit('interpretation-a', (d) => (d.disclosure = WITHHELD))),
      expect: [{ id: 'policy-a', field: 'interpretation', says: '政策文件与解读必须同步发布' }],
    },
    {
      name: 'a public interpretation of a withheld policy',
      content: toNdjson(edit('policy-a', (d) => (d.disclosure = WITHHELD))),
      expect: [{ id: 'interpretation-a', field: 'policy', says: '政策文件与解读必须同步发布' }],
    },
    {
      name: 'a public result notice naming a withheld plan',
      content: toNdjson(edit('plan-a', (d) => (d.disclosure = WITHHELD))),
      expect: [{ id: 'result-a', field: 'plan', says: '不是已发布的主动公开信息' }],
    },
    {
      name: 'a public result notice naming a plan that is only a draft',
      content: toNdjson(minimalDataset().map((d) => (d._id === 'plan-a' ? { ...d, _id: 'drafts.plan-a' } : d))),
      expect: [{ id: 'result-a', field: 'plan' }],
    },
    {
      name: 'a body that links a withheld document',
      content: toNdjson(
        edit(
          'news-a',
          (d) => d.body.push({ _type: 'documentLink', _key: 'l1', target: ref('plan-w') }),
          plus(copyOf('plan-a', 'plan-w', 32, { title: '密查计划乙', disclosure: WITHHELD })),
        ),
      ),
      expect: [{ id: 'news-a', field: 'body.1.target' }],
    },

    // ------------------------------------------------ URLs that run code
    {
      name: 'a file asset at javascript:',
      content: toNdjson(asset('javascript:alert(document.cookie)')),
      expect: [{ id: 'file-3f1a2b-pdf', field: 'url' }],
    },
    {
      name: 'a file asset at JaVaScRiPt with a tab in the scheme',
      content: toNdjson(asset('JaVa\tScRiPt:alert(1)')),
      expect: [{ id: 'file-3f1a2b-pdf', field: 'url' }],
    },
    {
      name: 'a file asset at a data: URL',
      content: toNdjson(asset('data:text/html,<script>alert(1)</script>')),
      expect: [{ id: 'file-3f1a2b-pdf', field: 'url' }],
    },
    {
      name: 'a file asset on another host without a scheme',
      content: toNdjson(asset('//evil.example/a.pdf')),
      expect: [{ id: 'file-3f1a2b-pdf', field: 'url' }],
    },
    { name: 'a file asset without a URL', content: toNdjson(asset(undefined)), expect: [{ id: 'file-3f1a2b-pdf', field: 'url' }] },
    {
      name: 'a file asset with a negative size',
      content: toNdjson(asset('https://cdn.sanity.io/a.pdf', { size: -1 })),
      expect: [{ id: 'file-3f1a2b-pdf', field: 'size' }],
    },
    {
      name: 'a file asset whose name is a number',
      content: toNdjson(asset('https://cdn.sanity.io/a.pdf', { originalFilename: 7 })),
      expect: [{ id: 'file-3f1a2b-pdf', field: 'originalFilename' }],
    },
    {
      name: 'an image asset at vbscript:',
      content: toNdjson(plus({ _id: 'image-1', _type: 'sanity.imageAsset', url: 'vbscript:msgbox(1)' })),
      expect: [{ id: 'image-1', field: 'url' }],
    },
    {
      name: 'an exported attachment at javascript:',
      content: toNdjson(
        edit('policy-a', (d) => (d.attachments[0] = { _type: 'file', _key: 'f1', _sanityAsset: 'file@javascript:alert(1)' })),
      ),
      expect: [{ id: 'policy-a', field: 'attachments.0._sanityAsset' }],
    },
    {
      name: 'a body link to javascript:',
      content: toNdjson(
        edit('policy-a', (d) => {
          d.body[0].markDefs = [{ _type: 'link', _key: 'm1', href: 'javascript:alert(1)' }];
          d.body[0].children[0].marks = ['m1'];
        }),
      ),
      expect: [{ id: 'policy-a', field: 'body.0.markDefs.0.href', says: '链接地址不安全' }],
    },
    {
      name: 'a body link to data: in another annotation type',
      content: toNdjson(
        edit('news-a', (d) => (d.body[0].markDefs = [{ _type: 'externalLink', _key: 'm1', href: ' data:text/html;base64,PHNjcmlwdD4=' }])),
      ),
      expect: [{ id: 'news-a', field: 'body.0.markDefs.0.href' }],
    },

    // ------------------------------------------------ Sanity's own documents are validated too
    {
      name: 'a policy hiding behind a system _id',
      content: toNdjson(plus({ ...copyOf('news-a', 'news-x', 51), _id: '_.news-x' })),
      expect: [{ id: '_.news-x', field: '_id', says: '系统文档' }],
    },
    {
      name: 'a system document nested 100,000 deep',
      content: `${toNdjson(minimalDataset())}{"_id":"_.groups.deep","_type":"system.group","grants":${nested(100_000)}}\n`,
      // The line after the minimal dataset's documents, however many it has.
      expect: [{ id: '_.groups.deep', line: minimalDataset().length + 1, says: '嵌套超过 64 层' }],
    },

    // ------------------------------------------------ the reader itself
    {
      name: 'nesting 100,000 deep',
      content: rawLine(minimalDataset(), 'news-a', (l) => l.replace(/\}$/, `,"extra":${nested(100_000)}}`)),
      expect: [{ id: 'news-a', line: lineOf('news-a'), says: '嵌套超过 64 层' }],
    },
    {
      name: 'nesting 65 objects deep',
      content: rawLine(minimalDataset(), 'news-a', (l) => l.replace(/\}$/, `,"extra":${'{"a":'.repeat(65)}1${'}'.repeat(65)}}`)),
      expect: [{ id: 'news-a', field: 'extra.a.a…', says: '嵌套超过 64 层' }],
    },
    {
      name: 'a __proto__ key',
      content: rawLine(minimalDataset(), 'news-a', (l) => l.replace(/\}$/, ',"__proto__":{"disclosure":{"mode":"proactive"}}}')),
      expect: [{ id: 'news-a', field: '__proto__' }],
    },
    {
      name: 'a __proto__ key deep in the body',
      content: rawLine(minimalDataset(), 'news-a', (l) => l.replace('"style":"normal"', '"style":"normal","__proto__":{"x":1}')),
      expect: [{ id: 'news-a', field: 'body.0.__proto__' }],
    },
    {
      name: 'a string of two million characters',
      content: toNdjson(edit('news-a', (d) => (d.body[0].children[0].text = '商'.repeat(2_000_000)))),
      expect: [{ id: 'news-a', field: 'body.0.children.0.text', says: '字符串过长' }],
    },
    {
      name: 'bytes that are not UTF-8',
      content: withInvalidUtf8('title'),
      expect: [{ id: `<第 ${lineOf('news-a')} 行>`, line: lineOf('news-a'), says: 'UTF-8' }],
    },
    {
      name: 'a UTF-8 character cut short',
      content: withInvalidUtf8('truncated'),
      expect: [{ id: `<第 ${lineOf('news-a')} 行>`, says: 'UTF-8' }],
    },
    {
      name: 'a Latin-1 file',
      // biome-ignore lint/suspicious/noControlCharactersInRegex: hostile input is made of control characters on purpose
      content: Buffer.from(toNdjson(minimalDataset()).replace(/[^\x00-\x7f]/g, 'é'), 'latin1'),
      expect: [{ id: '<第 1 行>', says: 'UTF-8' }],
    },

    // ------------------------------------------------ nothing to publish
    { name: 'an empty file', content: '', expect: [{ id: '<整个数据集>', says: '数据集是空的' }] },
    { name: 'a file of blank lines', content: '\n \n\t\r\n\n', expect: [{ id: '<整个数据集>', says: '数据集是空的' }] },
    { name: 'only drafts', content: toNdjson(onlyDrafts()), expect: [{ id: '<整个数据集>', says: NO_PUBLIC }] },
    { name: 'only withheld information', content: toNdjson(withheldEverywhere()), expect: [{ id: '<整个数据集>', says: NO_PUBLIC }] },
    {
      name: 'only departments',
      content: toNdjson(minimalDataset().filter((d) => d._type === 'department')),
      expect: [{ id: '<整个数据集>', says: NO_PUBLIC }],
    },

    // ------------------------------------------------ the export archive path
    {
      name: 'an export archive with bytes that are not UTF-8',
      content: withInvalidUtf8('title'),
      archive: true,
      expect: [{ id: `<第 ${lineOf('news-a')} 行>`, says: 'UTF-8' }],
    },
    {
      name: 'an export archive with an empty data.ndjson',
      content: '',
      archive: true,
      expect: [{ id: '<整个数据集>', says: '数据集是空的' }],
    },
    {
      name: 'an export archive with a javascript: asset',
      content: toNdjson(asset('javascript:alert(1)')),
      archive: true,
      expect: [{ id: 'file-3f1a2b-pdf', field: 'url' }],
    },
  ];
}

/** Writes a case's dataset into a new folder; returns its path. */
export async function writeCase(hostile: HostileCase): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'hostile-'));
  if (!hostile.archive) {
    const path = join(directory, 'dataset.ndjson');
    await writeFile(path, hostile.content);
    return path;
  }
  const exportFolder = join(directory, 'production-export');
  await mkdir(join(exportFolder, 'files'), { recursive: true });
  await writeFile(join(exportFolder, 'data.ndjson'), hostile.content);
  const archive = join(directory, 'production.tar.gz');
  await create({ gzip: true, file: archive, cwd: directory }, ['production-export']);
  return archive;
}

export interface Run {
  status: number | null;
  output: string;
}

/**
 * `npm run <script> -- <args>` as npm runs it: the script's command line from package.json,
 * with `node` resolved as npm resolves it (the project's own Node in node_modules/.bin). The
 * npm wrapper itself is left out: on a busy machine it costs more than the command refused.
 */
export function runScript(script: string, args: string[] = [], env: Record<string, string> = {}): Promise<Run> {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [command, ...scriptArgs] = (scripts[script] ?? '').split(' ');
  if (command !== 'node') throw new Error(`npm run ${script} is not a plain node command: ${scripts[script]}`);
  const projectNode = join(ROOT, 'node_modules', '.bin', 'node');
  return new Promise((resolve) => {
    const child = spawn(existsSync(projectNode) ? projectNode : process.execPath, [...scriptArgs, ...args], {
      cwd: ROOT,
      env: { ...process.env, DO_NOT_TRACK: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** Runs tasks at most `limit` at a time. */
export function limiter(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
