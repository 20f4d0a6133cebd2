/**
 * Bad input gets a clear error that names the document, the field and the problem —
 * one case per kind of mistake an editor or an importer can make.
 */
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../core/content/dataset.ts';
import { toNdjson } from '../../core/content/ndjson.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { datasetRefusal as problemsOf, minimalDataset, writeTempDataset } from '../fixtures/minimalDataset.ts';

// biome-ignore lint/suspicious/noExplicitAny: each case breaks a field in its own way, of any shape
function edit(id: string, change: (doc: Record<string, any>) => void): StoredDocument[] {
  const docs = minimalDataset();
  const doc = docs.find((d) => d._id === id);
  if (!doc) throw new Error(`no ${id} in the fixture`);
  change(doc);
  return docs;
}

describe('a dataset with one mistake is refused, naming the document and field', () => {
  it('accepts the untouched fixture', async () => {
    const path = await writeTempDataset(minimalDataset());
    const { documents } = await readDataset(path);
    expect(documents).toHaveLength(minimalDataset().length);
  });

  it('a malformed NDJSON line: its line number', async () => {
    const lines = toNdjson(minimalDataset()).split('\n');
    lines[3] = lines[3]!.slice(0, 40);
    const { problems, message } = await problemsOf(lines.join('\n'));
    expect(problems).toEqual([expect.objectContaining({ line: 4, id: '<第 4 行>' })]);
    expect(message).toContain('第 4 行');
    expect(message).toContain('不是合法的 JSON');
  });

  it('an unknown _type', async () => {
    const { problems, message } = await problemsOf(edit('news-a', (doc) => (doc._type = 'newsletter')));
    expect(problems).toEqual([expect.objectContaining({ id: 'news-a', field: '_type', line: 8 })]);
    expect(message).toContain('未知的文档类型「newsletter」');
  });

  it('a dangling reference', async () => {
    const { problems, message } = await problemsOf(edit('result-a', (doc) => (doc.plan._ref = 'plan-missing')));
    expect(problems).toEqual([expect.objectContaining({ id: 'result-a', field: 'plan' })]);
    expect(message).toContain('引用的文档 plan-missing 不存在');
  });

  it('a reference to a document of the wrong type', async () => {
    const { problems, message } = await problemsOf(edit('policy-a', (doc) => (doc.drafter._ref = 'plan-a')));
    expect(problems).toContainEqual(expect.objectContaining({ id: 'policy-a', field: 'drafter' }));
    expect(message).toContain('应引用 department 类型的文档，而 plan-a 是 inspectionPlan');
  });

  it('a missing required field', async () => {
    const { problems, message } = await problemsOf(edit('policy-a', (doc) => delete doc.issuer));
    expect(problems).toEqual([expect.objectContaining({ id: 'policy-a', type: 'policy', field: 'issuer' })]);
    expect(message).toContain('文档 policy-a（policy） 字段 issuer：缺少必填字段');
  });

  it('a bad credit code', async () => {
    const { problems, message } = await problemsOf(edit('result-a', (doc) => (doc.records[0].creditCode = '91440300708461136X')));
    expect(problems).toEqual([expect.objectContaining({ id: 'result-a', field: 'records.0.creditCode' })]);
    expect(message).toContain('校验码错误：第18位应为「T」，实为「X」');
  });

  it('a bad date', async () => {
    const { problems, message } = await problemsOf(edit('policy-a', (doc) => (doc.formedAt = '2026-02-30')));
    expect(problems).toEqual([expect.objectContaining({ id: 'policy-a', field: 'formedAt' })]);
    expect(message).toContain('不是有效日期');
  });

  it('a bad date-time', async () => {
    const { problems } = await problemsOf(edit('news-a', (doc) => (doc.publishedAt = '2026-03-10 09:00')));
    expect(problems).toEqual([expect.objectContaining({ id: 'news-a', field: 'publishedAt' })]);
  });

  it('a non-proactive document without its legal ground', async () => {
    const { problems, message } = await problemsOf(edit('news-a', (doc) => (doc.disclosure = { mode: 'withheld' })));
    expect(problems).toEqual([expect.objectContaining({ id: 'news-a', field: 'disclosure.ground' })]);
    expect(message).toContain('news-a');
    expect(message).toContain('公开属性为「不予公开」时必须选择不予主动公开的依据');
  });

  it('a summary over 300 characters', async () => {
    const { problems } = await problemsOf(edit('news-a', (doc) => (doc.summary = '商'.repeat(301))));
    expect(problems).toEqual([expect.objectContaining({ id: 'news-a', field: 'summary' })]);
  });

  it('a duplicated _id, with the line it repeats', async () => {
    const docs = minimalDataset();
    docs.push({ ...docs.find((d) => d._id === 'dept-zcfg')! });
    const { problems } = await problemsOf(docs);
    // The copy is the last line.
    expect(problems).toEqual([expect.objectContaining({ id: 'dept-zcfg', field: '_id', line: docs.length })]);
  });

  it('an inspection that ends before it starts', async () => {
    const { problems } = await problemsOf(edit('result-a', (doc) => (doc.inspectedTo = '2026-01-15')));
    expect(problems).toEqual([expect.objectContaining({ id: 'result-a', field: 'inspectedTo' })]);
  });

  it('every problem at once, not just the first', async () => {
    const docs = edit('policy-a', (doc) => delete doc.issuer);
    (docs.find((d) => d._id === 'news-a') as Record<string, unknown>).topic = '体育';
    const { problems } = await problemsOf(docs);
    expect(problems.map((p) => `${p.id}:${p.field}`)).toEqual(['policy-a:issuer', 'news-a:topic']);
  });
});

describe('the pair rule on published documents', () => {
  it('refuses a published policy whose interpretation is not published', async () => {
    const docs = minimalDataset().map((doc) => (doc._id === 'interpretation-a' ? { ...doc, _id: 'drafts.interpretation-a' } : doc));
    const { problems, message } = await problemsOf(docs);
    expect(problems).toEqual([expect.objectContaining({ id: 'policy-a', field: 'interpretation' })]);
    expect(message).toContain('已发布的政策文件缺少已发布的解读');
  });

  it('refuses an interpretation that does not point back at its policy', async () => {
    const docs = edit('interpretation-a', (doc) => (doc.policy._ref = 'policy-b'));
    docs.push({ ...structuredClone(docs[1]!), _id: 'policy-b', interpretation: { _type: 'reference', _ref: 'interpretation-b' } });
    const { problems } = await problemsOf(docs);
    expect(problems.map((p) => `${p.id}:${p.field}`)).toContain('interpretation-a:policy');
  });

  it('refuses an interpretation not published by the department that drafted the policy (谁起草、谁解读)', async () => {
    const docs = edit('interpretation-a', (doc) => (doc.publisher._ref = 'dept-bgs'));
    docs.unshift({ _id: 'dept-bgs', _type: 'department', name: '办公室', code: 'BGS' });
    const { problems, message } = await problemsOf(docs);
    expect(problems).toEqual([expect.objectContaining({ id: 'interpretation-a', field: 'publisher' })]);
    expect(message).toContain('谁起草、谁解读');
  });

  it('lets a draft be incomplete, since editors save work in progress', async () => {
    const docs = minimalDataset();
    docs.push({ _id: 'drafts.news-b', _type: 'trademarkNews', title: '尚未写完的新闻' });
    const path = await writeTempDataset(docs);
    await expect(readDataset(path)).resolves.toMatchObject({ documents: expect.any(Array) });
  });

  it('still type-checks what a draft does contain', async () => {
    const docs = minimalDataset();
    docs.push({ _id: 'drafts.news-b', _type: 'trademarkNews', title: '草稿', formedAt: '2026-13-01' });
    const { problems } = await problemsOf(docs);
    expect(problems).toEqual([expect.objectContaining({ id: 'drafts.news-b', field: 'formedAt' })]);
  });
});
