/**
 * Plants every non-public title — short and long, with spaces around it, of withheld, on-request,
 * draft and release-version documents — into a copy of the built sample site, once per output
 * format and encoding a page, feed, sitemap, download or search index file could spell it in,
 * and asserts the leak scan names each plant (file and document) and nothing else: not one
 * false alarm on the real output around the plants.
 */
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { encodeHTML, escapeUTF8 } from 'entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ForbiddenPhrase, forbiddenPhrases, type Leak, scanFields, scanForLeaks } from '../../core/build/leakScan.ts';
import { allDocumentsForScan } from '../../core/content/scanSource.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { ByteWriter, decodeShard, writeShardEntry } from '../../core/search/format/indexFormat.ts';
import { paragraphsToBlocks } from '../../core/portableText/fromPlainText.ts';
import { INDEX_SCOPE, PAGES_SCOPE } from '../../site/integrations/publicOutputChecks.ts';
import { writeTempDataset } from '../fixtures/minimalDataset.ts';
import { ROOT, runNpm } from '../helpers/run.ts';
import { TEST_SITE } from '../helpers/site.ts';

const SAMPLE = join(ROOT, 'content', 'dataset.ndjson');
const WITHHELD = {
  mode: 'withheld',
  ground: 'processInformation',
  reason: '属于过程性信息，依据《中华人民共和国政府信息公开条例》第十六条第二款不予公开。',
};
const ON_REQUEST = {
  mode: 'onRequest',
  ground: 'thirdPartyRights',
  reason: '涉及商业秘密，依据《中华人民共和国政府信息公开条例》第十五条不予主动公开。',
};

const hostile = (_id: string, _type: string, title: string, disclosure: object): StoredDocument => ({
  _id,
  _type,
  title,
  disclosure,
  body: paragraphsToBlocks('正文'),
});

/** Each title the scan must find, and the document it must name. */
const PLANTED = [
  // Five characters: under the old six-character minimum for titles.
  hostile('plan-secret', 'inspectionPlan', '密查计划乙', WITHHELD),
  // Spaces around it: the old scan compared the trimmed title with the untrimmed one.
  hostile('result-internal', 'inspectionResult', '  内部会商纪要  ', ON_REQUEST),
  // Long, a draft, with ASCII quotes (CSV doubles them, JSON and HTML escape them) and full-width brackets.
  hostile('drafts.policy-hundred-days', 'policy', '关于开展2026年度"百日行动"专项执法检查的内部工作方案（征求意见稿）', {
    mode: 'proactive',
  }),
  // A content-release version is not published, whatever its disclosure says.
  hostile('versions.r2026q4.news-yuantuo', 'trademarkNews', '鼋鼍行动', { mode: 'proactive' }),
  // One character, in no public text.
  hostile('complaint-tao', 'complaintAnalysis', '鼗', WITHHELD),
  // Characters HTML has named entities for: & “ ” < >.
  hostile('news-feihong', 'trademarkNews', 'R&D专项“飞鸿”计划<内部>', ON_REQUEST),
];

/** Non-public, but public text has their titles: reporting them would be a false alarm. */
const ALREADY_PUBLIC = [
  hostile('plan-notice', 'inspectionPlan', '公告', WITHHELD),
  hostile('drafts.news-ju', 'trademarkNews', '局', { mode: 'proactive' }),
];

const escapeChars = (chars: string[]) => chars.map(escapeUTF8);

/** 密查<b>计划</b>乙; a one-character title is wrapped whole. */
function splitByMarkup(title: string): string {
  const chars = [...title];
  if (chars.length < 3) return `<b>${escapeUTF8(title)}</b>`;
  const [first, ...rest] = escapeChars(chars);
  const last = rest.pop()!;
  return `${first}<b>${rest.join('')}</b>${last}`;
}

function middle(title: string, insert: string): string {
  const chars = [...title];
  const at = Math.max(1, Math.floor(chars.length / 2));
  return `${escapeChars(chars.slice(0, at)).join('')}${insert}${escapeChars(chars.slice(at)).join('')}`;
}

/** ASCII as full-width forms and full-width as ASCII: the same text after NFKC (「２０２６」, 「(征求意见稿)」). */
const swapWidth = (title: string) =>
  title.replace(/[!-~\uff01-\uff5e]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) < 0x7f ? c.charCodeAt(0) + 0xfee0 : c.charCodeAt(0) - 0xfee0),
  );

const jsonWithUnicodeEscapes = (value: unknown) =>
  JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const insertBefore = (text: string, marker: string, insert: string) => {
  const at = text.lastIndexOf(marker);
  if (at < 0) throw new Error(`no ${marker} in the built file`);
  return text.slice(0, at) + insert + text.slice(at);
};

/** Real files of the built site, each format once. */
interface Bases {
  page: string;
  sitemap: string;
  feed: string;
  csv: string;
  json: string;
  indexDocument: Buffer;
  shard: Buffer;
}

interface Encoding {
  name: string;
  /** Where the planted file goes, relative to the output (`n` numbers the title). */
  path: (n: number) => string;
  content: (title: string, bases: Bases) => string | Buffer;
}

const inPage = (bases: Bases, html: string) => insertBefore(bases.page, '</main>', `<p>${html}</p>`);

const ENCODINGS: Encoding[] = [
  {
    name: 'HTML text, linked as a result notice shows its plan',
    path: (n) => `plant/html-text/${n}/index.html`,
    content: (t, b) => inPage(b, `事项清单：<a href="/inspections/plans/x/">${escapeUTF8(t)}</a>`),
  },
  {
    name: 'HTML attribute',
    path: (n) => `plant/html-attribute/${n}/index.html`,
    content: (t, b) => inPage(b, `<a href="/x/" title="${escapeUTF8(t)}">查看</a>`),
  },
  { name: 'split by markup', path: (n) => `plant/markup/${n}/index.html`, content: (t, b) => inPage(b, splitByMarkup(t)) },
  {
    name: 'decimal entities',
    path: (n) => `plant/decimal/${n}/index.html`,
    content: (t, b) => inPage(b, [...t].map((c) => `&#${c.codePointAt(0)};`).join('')),
  },
  {
    name: 'hexadecimal entities',
    path: (n) => `plant/hex/${n}/index.html`,
    content: (t, b) => inPage(b, [...t].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join('')),
  },
  {
    name: 'named entities',
    path: (n) => `plant/named/${n}/index.html`,
    content: (t, b) => inPage(b, [...t].map((c) => encodeHTML(c)).join('&ZeroWidthSpace;')),
  },
  {
    name: '&nbsp; between characters',
    path: (n) => `plant/nbsp/${n}/index.html`,
    content: (t, b) => inPage(b, escapeChars([...t]).join('&nbsp;')),
  },
  {
    name: 'zero-width characters inside',
    path: (n) => `plant/zero-width/${n}/index.html`,
    content: (t, b) => inPage(b, middle(t, '\u200b\u200d\u2060\ufeff')),
  },
  {
    name: 'a line break inside',
    path: (n) => `plant/newline/${n}/index.html`,
    content: (t, b) => inPage(b, `\n${middle(t, '\n        ')}\n`),
  },
  {
    name: 'compatibility forms (full-width ASCII, half-width brackets)',
    path: (n) => `plant/width/${n}/index.html`,
    content: (t, b) => inPage(b, escapeUTF8(swapWidth(t))),
  },
  {
    name: 'percent-encoded in an href',
    path: (n) => `plant/href/${n}/index.html`,
    content: (t, b) => inPage(b, `<a href="/search/?q=${encodeURIComponent(t)}">搜索</a>`),
  },
  {
    name: 'percent-encoded in sitemap-0.xml',
    path: (n) => `plant/sitemap/${n}/sitemap-0.xml`,
    content: (t, b) =>
      insertBefore(b.sitemap, '</urlset>', `<url><loc>http://localhost:4321/inspections/plans/${encodeURIComponent(t)}/</loc></url>`),
  },
  {
    name: 'RSS title in CDATA',
    path: (n) => `plant/rss-cdata/${n}/inspections.xml`,
    content: (t, b) =>
      insertBefore(b.feed, '</channel>', `<item><title><![CDATA[${t}]]></title><link>http://localhost:4321/x/</link></item>`),
  },
  {
    name: 'RSS description: HTML split by markup, escaped as XML',
    path: (n) => `plant/rss-html/${n}/inspections.xml`,
    content: (t, b) =>
      insertBefore(
        b.feed,
        '</channel>',
        `<item><title>抽查</title><description>${escapeUTF8(`<p>${splitByMarkup(t)}</p>`)}</description></item>`,
      ),
  },
  {
    name: 'JSON download with \\u escapes',
    path: (n) => `plant/json/${n}/records.json`,
    content: (t, b) => {
      const records = JSON.parse(b.json) as { records: unknown[] };
      records.records.push({ enterpriseName: t, creditCode: '91430203MA7ATCAK7T', result: '未发现问题' });
      return jsonWithUnicodeEscapes(records);
    },
  },
  {
    name: 'CSV download, quotes doubled',
    path: (n) => `plant/csv/${n}/records.csv`,
    content: (t, b) => `${b.csv}"${t.replaceAll('"', '""')}","91430203MA7ATCAK7T","未发现问题",""\r\n`,
  },
  {
    name: 'search index document (gzip, \\u escapes)',
    path: (n) => `search-index/d/plant-${n}.sidx`,
    content: (t, b) =>
      gzipSync(jsonWithUnicodeEscapes({ ...(JSON.parse(gunzipSync(b.indexDocument).toString('utf8')) as object), title: t })),
  },
  {
    name: 'search index dictionary term (gzip)',
    path: (n) => `search-index/t/plant-${n}.sidx`,
    content: (t, b) => {
      const writer = new ByteWriter();
      for (const [term, entry] of decodeShard(gunzipSync(b.shard))) writeShardEntry(writer, term, entry.df, entry.head, entry.tail);
      writeShardEntry(writer, t, 1, new Uint8Array([1, 2]), undefined);
      return gzipSync(writer.view());
    },
  },
];

/**
 * A private copy of the built site, its files and not links to them: the build publishes
 * through a symbolic link, and a plant written through it would land in the shared build.
 */
const scratch: string[] = [];
afterAll(async () => {
  for (const directory of scratch) await rm(directory, { recursive: true, force: true });
});

/** A new temporary folder, removed after the tests. */
async function temporary(prefix: string): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), prefix));
  scratch.push(directory);
  return directory;
}

async function copySite(to: string): Promise<void> {
  await cp(realpathSync(TEST_SITE), to, { recursive: true, dereference: true });
  if (lstatSync(to).isSymbolicLink()) throw new Error(`${to} is a link to the shared build`);
}

async function scanOutput(directory: string, phrases: readonly ForbiddenPhrase[]): Promise<string[]> {
  const found: Leak[] = [
    ...(await scanForLeaks(directory, phrases, PAGES_SCOPE)).leaks,
    ...(await scanForLeaks(directory, phrases, INDEX_SCOPE)).leaks,
  ];
  return found.map((leak) => `${leak.file}:${leak.id}`).sort();
}

async function readBases(site: string): Promise<Bases> {
  const results = join(site, 'inspections', 'results', '2025-food-business-results');
  return {
    page: await readFile(join(results, 'index.html'), 'utf8'),
    sitemap: await readFile(join(site, 'sitemap-0.xml'), 'utf8'),
    feed: await readFile(join(site, 'rss', 'inspections.xml'), 'utf8'),
    csv: await readFile(join(results, 'records.csv'), 'utf8'),
    json: await readFile(join(results, 'records.json'), 'utf8'),
    indexDocument: await readFile(join(site, 'search-index', 'd', '0.sidx')),
    shard: await readFile(join(site, 'search-index', 't', '0.sidx')),
  };
}

describe('leak scan against planted non-public titles', () => {
  let copy: string;
  let phrases: ForbiddenPhrase[];

  beforeAll(async () => {
    if (!existsSync(join(TEST_SITE, 'index.html')))
      throw new Error(`${TEST_SITE} is built by test/globalSetup.ts: run this file through vitest's configuration`);
    copy = join(await temporary('leak-plant-'), 'site');
    await copySite(copy);
    const sample = await allDocumentsForScan({ CONTENT_DATASET: SAMPLE });
    phrases = forbiddenPhrases([...sample, ...[...PLANTED, ...ALREADY_PUBLIC].map(scanFields)]);
  });

  it('forbids every planted title, whatever its length, and no title that public text has', () => {
    for (const doc of PLANTED) expect(phrases, doc._id).toContainEqual({ id: doc._id, text: (doc.title as string).trim() });
    const ids = new Set(phrases.map((p) => p.id));
    for (const doc of ALREADY_PUBLIC) expect(ids.has(doc._id), doc._id).toBe(false);
  });

  it('finds nothing in the real sample build', async () => {
    expect(await scanOutput(copy, phrases)).toEqual([]);
  });

  it('names each title in each format and encoding, with its document, and nothing else', async () => {
    const bases = await readBases(copy);
    const expected: string[] = [];
    for (const encoding of ENCODINGS) {
      for (const [n, doc] of PLANTED.entries()) {
        const path = encoding.path(n);
        await mkdir(dirname(join(copy, path)), { recursive: true });
        await writeFile(join(copy, path), encoding.content(doc.title as string, bases));
        expected.push(`${path}:${doc._id}`);
      }
    }
    const found = await scanOutput(copy, phrases);
    // Listed per encoding, so a failure says which spelling got through.
    for (const encoding of ENCODINGS) {
      const planted = PLANTED.map((doc, n) => `${encoding.path(n)}:${doc._id}`);
      expect(
        found.filter((leak) => planted.includes(leak)),
        encoding.name,
      ).toEqual(planted.sort());
    }
    expect(found).toEqual(expected.sort());
  });
});

describe('a withheld plan referenced by a public result notice', () => {
  const TITLE = '密查计划乙';

  /** The sample dataset with plan-2025 withheld and renamed; three public result notices still reference it. */
  async function hostileDataset(): Promise<string> {
    const lines = (await readFile(SAMPLE, 'utf8')).split('\n').filter((line) => line.trim() !== '');
    const documents = lines.map((line) => JSON.parse(line) as StoredDocument);
    const plan = documents.find((doc) => doc._id === 'plan-2025')!;
    Object.assign(plan, { title: TITLE, disclosure: WITHHELD });
    expect(
      documents.some(
        (doc) =>
          (doc.plan as { _ref?: string } | undefined)?._ref === 'plan-2025' && (doc.disclosure as { mode: string }).mode === 'proactive',
      ),
    ).toBe(true);
    return writeTempDataset(documents);
  }

  it('is caught by the scan on its own, in the page and in the search index document', async () => {
    const path = await hostileDataset();
    const phrases = forbiddenPhrases(await allDocumentsForScan({ CONTENT_DATASET: path }));
    expect(phrases).toContainEqual({ id: 'plan-2025', text: TITLE });
    // The output as a query that follows `plan->` unchecked would write it.
    const site = join(await temporary('leak-plan-'), 'site');
    await copySite(site);
    const page = join(site, 'inspections', 'results', '2025-food-business-results', 'index.html');
    const html = await readFile(page, 'utf8');
    await writeFile(page, html.replace(/(事项清单：<a [^>]*>)[^<]*/, `$1${TITLE}`));
    const document = join(site, 'search-index', 'd', 'plan-leak.sidx');
    await writeFile(
      document,
      gzipSync(JSON.stringify({ url: '/inspections/plans/2025-random-inspection-plan/', title: TITLE, section: '双随机抽查', text: '' })),
    );
    // The copy was built with plan-2025 public, so its other text is reported too; the title must be.
    const titleOnly = phrases.filter((p) => p.text === TITLE);
    expect(await scanOutput(site, titleOnly)).toEqual([
      'inspections/results/2025-food-business-results/index.html:plan-2025',
      'search-index/d/plan-leak.sidx:plan-2025',
    ]);
  });

  it('does not build: the build names the plan and leaves the output untouched', async () => {
    const out = join(await temporary('leak-build-'), 'dist');
    const result = runNpm(['build', '--', '--out', out], { env: { CONTENT_DATASET: await hostileDataset() }, timeout: 300_000 });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).not.toBe(0);
    expect(output).toMatch(/plan-2025|密查计划乙/);
    expect(existsSync(out)).toBe(false);
  }, 300_000);
});
