/**
 * The gov.cn importer on the 60 real State Council documents of the corpora (CORPUS_DIR,
 * scripts/support/corpus.ts); skipped without them.
 * @module-tag corpus
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalSource } from '../../core/content/localSource.ts';
import { interpretationsQuery, policiesQuery } from '../../core/content/queries.ts';
import { blocksToText } from '../../core/portableText/fromPlainText.ts';
import { corpusPath } from '../../scripts/support/corpus.ts';
import { runNpm } from '../helpers/run.ts';

const CORPUS = corpusPath('govcn-2019', 'policies.jsonl');
let out: string;

beforeAll(async () => {
  out = join(await mkdtemp(join(tmpdir(), 'govcn-')), 'govcn.ndjson');
  const result = runNpm(['import', '--', CORPUS, '--out', out]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('imported 60 policies');
});

describe('importing the gov.cn corpus', () => {
  it('loads all 60 policies and their interpretations through the content source', async () => {
    const source = await createLocalSource(out, 'published');
    expect(await source.fetch(policiesQuery)).toHaveLength(60);
    expect(await source.fetch(interpretationsQuery)).toHaveLength(60);
  });

  it('keeps 索引号, 发文字号, 主题分类, 发文机关, 成文日期, 发布日期 and the text', async () => {
    const records = (await readFile(CORPUS, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const source = await createLocalSource(out, 'published');
    const byIndex = new Map((await source.fetch(policiesQuery)).map((p) => [p.indexNumber, p]));
    for (const record of records) {
      const policy = byIndex.get(record.索引号);
      expect(policy, record.索引号).toBeDefined();
      expect(policy!.title).toBe(record.标题);
      expect(policy!.docNumber).toBe(record.发文字号);
      expect(policy!.topic).toBe(record.主题分类);
      expect(policy!.issuer).toBe(record.发文机关);
      expect(policy!.formedAt).toBe(record.成文日期.replace(/(\d{4})年(\d{2})月(\d{2})日/, '$1-$2-$3'));
      expect(policy!.publishedAt?.slice(0, 10)).toBe(record.发布日期.replace(/(\d{4})年(\d{2})月(\d{2})日/, '$1-$2-$3'));
      expect(blocksToText(policy!.body)).toBe(
        record.正文
          .split(/\n+/)
          .map((l: string) => l.trim())
          .filter(Boolean)
          .join('\n'),
      );
    }
  });

  it('pairs each policy with a clearly labelled placeholder interpretation from the drafting office', async () => {
    const source = await createLocalSource(out, 'published');
    const policies = await source.fetch(policiesQuery);
    const 双随机 = policies.find((p) => p.docNumber === '国发〔2019〕5号')!;
    expect(双随机.interpretation?.title).toBe(
      '【占位解读】《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》（待起草单位补充）',
    );
    const interpretations = await source.fetch(interpretationsQuery);
    expect(interpretations.every((i) => i.placeholder === true)).toBe(true);
    for (const interpretation of interpretations) {
      const policy = policies.find((p) => p._id === interpretation.policy?._id)!;
      expect(interpretation.publisher?._id).toBe(policy.drafter?._id);
    }
  });

  it('refuses a bad record by 索引号 and field, and writes nothing', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'govcn-bad-'));
    const lines = (await readFile(CORPUS, 'utf8')).trim().split('\n');
    const broken = JSON.parse(lines[2]!);
    broken.成文日期 = '2019/01/24';
    lines[2] = JSON.stringify(broken);
    const input = join(directory, 'bad.jsonl');
    await writeFile(input, lines.join('\n'));
    const target = join(directory, 'existing.ndjson');
    await writeFile(target, 'previous content\n');

    const result = runNpm(['import', '--', input, '--out', target]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`第 3 行 文档 ${broken.索引号} 字段 成文日期：应为「YYYY年MM月DD日」`);
    expect(await readFile(target, 'utf8')).toBe('previous content\n');
  });
});
