/**
 * Hostile datasets: every one is refused by `npm run validate` and by the build with the same
 * problem lines, naming the document and the field, and the build refuses before Astro starts,
 * leaving its output folder exactly as it was. A few hostile-but-valid datasets are accepted
 * by both, and then publish nothing they should not.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicDocumentsOfQueries, publishableProblems } from '../../core/build/guards.ts';
import { createDatasetSource } from '../../core/content/localSource.ts';
import { toNdjson } from '../../core/content/ndjson.ts';
import { inspectionResultsQuery, interpretationsQuery, policiesQuery } from '../../core/content/queries.ts';
import { datasetProblems, type StoredDocument } from '../../core/model/datasetRules.ts';
import { formatProblem, type Problem } from '../../core/model/problems.ts';
import { csvCell } from '../../site/lib/records.ts';
import { minimalDataset } from '../fixtures/minimalDataset.ts';
import { hostileCases, limiter, runScript, writeCase, type Expected, type HostileCase } from './hostileDatasets.fixtures.ts';

const cases = hostileCases();
// Two commands at a time: the machine is shared, and each refusing build is one Node start.
const slot = limiter(2);

/** An output folder holding a previous build, its files dated in the past. */
async function previousBuild(): Promise<string> {
  const out = join(await mkdtemp(join(tmpdir(), 'hostile-site-')), 'dist');
  await mkdir(join(out, 'policies'), { recursive: true });
  await writeFile(join(out, 'index.html'), '<p>上一次构建的首页</p>');
  await writeFile(join(out, 'policies', 'index.html'), '<p>上一次构建的政策文件</p>');
  const past = new Date('2025-01-01T00:00:00Z');
  for (const path of [join(out, 'policies', 'index.html'), join(out, 'index.html'), join(out, 'policies'), out])
    await utimes(path, past, past);
  return out;
}

/** Every entry under `folder` with its mtime and (for files) a hash of its bytes. */
async function fingerprint(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const rows = [`. ${(await stat(folder)).mtimeMs}`];
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path);
    const hash = entry.isFile()
      ? createHash('sha256')
          .update(await readFile(path))
          .digest('hex')
      : 'folder';
    rows.push(`${path.slice(folder.length)} ${info.mtimeMs} ${hash}`);
  }
  return rows.sort();
}

/** The problem lines of a refusal (`  - 第 3 行 文档 … 字段 …：…`). */
function problemLines(output: string): string[] {
  return output.split('\n').filter((line) => line.startsWith('  - '));
}

function matches(line: string, expected: Expected): boolean {
  return (
    line.includes(`文档 ${expected.id}`) &&
    (expected.field === undefined || line.includes(`字段 ${expected.field}：`)) &&
    (expected.line === undefined || line.includes(`第 ${expected.line} 行`)) &&
    (expected.says === undefined || line.includes(expected.says))
  );
}

describe('hostile datasets are refused alike by validate and build', () => {
  it('are at least sixty', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.concurrent.each(cases.map((c): [string, HostileCase] => [c.name, c]))(
    '%s',
    async (_, hostile) => {
      const { validate, build, before, after } = await slot(async () => {
        const dataset = await writeCase(hostile);
        const out = await previousBuild();
        const before = await fingerprint(out);
        const validate = await runScript('validate', [dataset]);
        const build = await runScript('build', ['--out', out], { CONTENT_DATASET: dataset });
        return { validate, build, before, after: await fingerprint(out) };
      });
      expect(validate.status, validate.output).toBe(1);
      expect(build.status, build.output).not.toBe(0);
      const lines = problemLines(validate.output);
      expect(lines.length, validate.output).toBeGreaterThan(0);
      // The same refusal: the very same problem lines, nothing more, nothing less.
      expect(problemLines(build.output)).toEqual(lines);
      for (const expected of hostile.expect) {
        expect(
          lines.some((line) => matches(line, expected)),
          `${JSON.stringify(expected)} in\n${validate.output}`,
        ).toBe(true);
      }
      expect(validate.output + build.output).not.toMatch(/Maximum call stack|\n\s+at .+:\d+:\d+\)?\n/);
      // Refused before Astro started, and the previous site is exactly as it was.
      expect(build.output).toContain('未开始构建');
      expect(build.output).not.toContain('building into');
      expect(after).toEqual(before);
    },
    120_000,
  );
});

describe('hostile but valid datasets are accepted alike, and publish nothing they should not', () => {
  it('validates and builds a dataset with a byte order mark, CRLF line ends, formula-like CSV cells, a system group and a weak link to a withheld plan', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: the test plants values of any shape into any field
    const docs = minimalDataset() as Record<string, any>[];
    const result = docs.find((d) => d._id === 'result-a')!;
    result.plan = { _type: 'reference', _ref: 'plan-w', _weak: true };
    result.records.push(
      {
        _key: 'r2',
        enterpriseName: '=HYPERLINK("http://evil.example","点我")',
        creditCode: '91440300708461136T',
        result: 'no_issue',
        note: '\t=1+1',
      },
      { _key: 'r3', enterpriseName: '@SUM(1+1)', creditCode: '91440300708461136T', result: 'no_issue', note: '\r-2+3' },
    );
    const plan = structuredClone(docs.find((d) => d._id === 'plan-a')!);
    docs.push(
      {
        ...plan,
        _id: 'plan-w',
        slug: { _type: 'slug', current: 'plan-w' },
        indexNumber: 'MB1D50237/2026-00031',
        title: '密查计划乙',
        disclosure: { mode: 'withheld', ground: 'threeSecurities', reason: '《中华人民共和国政府信息公开条例》第十四条：危及安全' },
      },
      { _id: '_.groups.public', _type: 'system.group', grants: [{ filter: '_id in path("**")', permissions: ['read'] }] },
    );
    const dataset = await writeCase({
      name: 'accepted',
      content: `\uFEFF${toNdjson(docs as StoredDocument[]).replaceAll('\n', '\r\n')}`,
      expect: [],
    });
    const out = await previousBuild();
    const validate = await runScript('validate', [dataset]);
    expect(validate.status, validate.output).toBe(0);
    expect(validate.output).toContain('18 documents, valid');
    const build = await runScript('build', ['--out', out], { CONTENT_DATASET: dataset });
    expect(build.status, build.output).toBe(0);

    const csv = await readFile(join(out, 'inspections', 'results', 'result-a', 'records.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(csv).toContain(`"'\t=1+1"`);
    expect(csv).toContain(`"'@SUM(1+1)"`);
    expect(csv).toContain(`"'\r-2+3"`);
    const page = await readFile(join(out, 'inspections', 'results', 'result-a', 'index.html'), 'utf8');
    expect(page).toContain('2026年第一批双随机抽查结果公告');
    expect(page).not.toContain('密查计划乙');
  }, 300_000);

  it('validates the bundled sample', async () => {
    const validate = await runScript('validate');
    expect(validate.status, validate.output).toBe(0);
    expect(validate.output).toMatch(/content\/dataset\.ndjson: \d+ documents, valid/);
  });
});

describe('public queries never dereference what is not public', () => {
  /** The queries over documents that were never validated: what a Content Lake could send. */
  function sourceOver(documents: StoredDocument[]) {
    return createDatasetSource({ source: 'lake-like', documents }, 'published');
  }
  const withheld = { mode: 'withheld', ground: 'threeSecurities', reason: '《中华人民共和国政府信息公开条例》第十四条' };

  it('gives a result notice no title of its withheld plan, and the build’s rules refuse it as validate does', async () => {
    const docs = minimalDataset().map((d) => (d._id === 'plan-a' ? { ...d, title: '密查计划乙', disclosure: withheld } : d));
    const source = sourceOver(docs);
    const results = await source.fetch(inspectionResultsQuery);
    expect(results.map((r) => [r._id, r.plan ?? null, r.planRef?._ref])).toEqual([['result-a', null, 'plan-a']]);
    expect(JSON.stringify(results)).not.toContain('密查计划乙');

    const [policies, interpretations] = [await source.fetch(policiesQuery), await source.fetch(interpretationsQuery)];
    const fromQueries = publishableProblems(publicDocumentsOfQueries({ policies, interpretations, results, others: [] }));
    const fromDataset = datasetProblems(
      docs.map((doc, index) => ({ doc, line: index + 1 })),
      { publication: true },
    );
    expect(fromQueries.map((p) => `${p.id} ${p.field}`)).toEqual(['result-a plan']);
    // One rule, one message: the same line but for the line number only the dataset knows.
    const withoutLine = ({ line: _line, ...problem }: Problem) => problem;
    expect(fromDataset.map((p) => formatProblem(withoutLine(p)))).toEqual(fromQueries.map(formatProblem));
  });

  it('gives a public policy no title of its withheld interpretation, and the other way round', async () => {
    const interpretationWithheld = minimalDataset().map((d) => (d._id === 'interpretation-a' ? { ...d, disclosure: withheld } : d));
    const [policy] = await sourceOver(interpretationWithheld).fetch(policiesQuery);
    expect(policy!.interpretation).toBeNull();
    const policyWithheld = minimalDataset().map((d) => (d._id === 'policy-a' ? { ...d, disclosure: withheld } : d));
    const [interpretation] = await sourceOver(policyWithheld).fetch(interpretationsQuery);
    expect(interpretation!.policy).toBeNull();
  });
});

describe('CSV cells never start a formula', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1+1', '\r=1+1', '  =1+1', '\u3000=1+1'])('%j gets a leading apostrophe', (value) => {
    expect(csvCell(value)).toBe(`"'${value.replaceAll('"', '""')}"`);
  });

  it.each(['株洲市示范食品商行', '91440300708461136T', '未发现问题', ''])('%j stays as it is', (value) => {
    expect(csvCell(value)).toBe(`"${value}"`);
  });
});
