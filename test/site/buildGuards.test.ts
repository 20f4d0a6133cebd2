/**
 * The build refuses, naming the documents, when the data it reads breaks the pair rule or
 * would publish non-public text — and a refused build leaves the previous output untouched.
 */
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forbiddenPhrases, scanForLeaks } from '../../core/build/leakScan.ts';
import { gzipSync } from 'node:zlib';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { buildDataset as buildWith, minimalDataset } from '../fixtures/minimalDataset.ts';

describe('build guards', () => {
  it('refuses a public policy whose interpretation is not public, naming both, and keeps the old output', async () => {
    const docs = minimalDataset();
    const interpretation = docs.find((d) => d._id === 'interpretation-a')!;
    interpretation.disclosure = {
      mode: 'withheld',
      ground: 'processInformation',
      reason: '《中华人民共和国政府信息公开条例》第十六条：过程性信息',
    };
    const { status, output, previous } = await buildWith(docs);
    expect(status).not.toBe(0);
    expect(output).toContain('policy-a');
    expect(output).toContain('interpretation-a');
    expect(output).toContain('政策文件与解读必须同步发布');
    expect(previous).toBe('previous build');
  });

  it('refuses a published policy whose interpretation is only a draft', async () => {
    const docs = minimalDataset().map((d) => (d._id === 'interpretation-a' ? { ...d, _id: 'drafts.interpretation-a' } : d));
    const { status, output, previous } = await buildWith(docs);
    expect(status).not.toBe(0);
    expect(output).toContain('policy-a');
    expect(output).toContain('已发布的政策文件缺少已发布的解读');
    expect(previous).toBe('previous build');
  });

  it('builds the untouched fixture, with the policy’s attachment offered for download', async () => {
    const { status, output, out } = await buildWith(minimalDataset());
    expect(status, output).toBe(0);
    expect(output).toContain('leak scan');
    const page = await readFile(join(out, 'policies', 'policy-a', 'index.html'), 'utf8');
    expect(page).toMatch(
      /<a href="https:\/\/cdn\.sanity\.io\/files\/abc123xy\/production\/3f1a2b\.pdf" download>附件1：营业执照办理流程图<\/a>/,
    );
    expect(page).toContain('PDF，179 KB');
  });
});

describe('leak scan', () => {
  const docs = (): StoredDocument[] => {
    const base = minimalDataset();
    const news = base.find((d) => d._id === 'news-a')!;
    base.push({
      ...structuredClone(news),
      _id: 'drafts.news-a',
      title: '醴陵瓷器地理标志保护工作推进会召开（修改稿）',
      body: [
        ...(news.body as object[]),
        { _type: 'block', _key: 'b2', children: [{ _type: 'span', text: '会议还研究了尚未对外公布的专项执法行动安排。' }] },
      ],
    });
    return base;
  };

  it('forbids only what no public document says', () => {
    const phrases = forbiddenPhrases(docs()).map((p) => p.text);
    expect(phrases).toContain('醴陵瓷器地理标志保护工作推进会召开（修改稿）');
    expect(phrases).toContain('会议还研究了尚未对外公布的专项执法行动安排');
    expect(phrases).not.toContain('醴陵瓷器地理标志保护工作推进会召开正文第一段');
  });

  it('finds a forbidden phrase in HTML (escaped) and in a gzip-compressed search index file', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'scan-'));
    await writeFile(join(directory, 'page.html'), '<p>会议还研究了尚未对外公布的专项执法行动安排。</p>');
    await mkdir(join(directory, 'pagefind'));
    await writeFile(
      join(directory, 'pagefind', 'x.pf_fragment'),
      gzipSync(Buffer.from('{"title":"醴陵瓷器地理标志保护工作推进会召开（修改稿）"}')),
    );
    await writeFile(join(directory, 'clean.html'), '<p>醴陵瓷器地理标志保护工作推进会召开</p>');
    const { leaks } = await scanForLeaks(directory, forbiddenPhrases(docs()));
    expect(leaks.map((l) => `${l.file}:${l.id}`).sort()).toEqual(['page.html:drafts.news-a', 'pagefind/x.pf_fragment:drafts.news-a']);
  });
});
