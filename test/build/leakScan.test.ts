/**
 * The leak scan at scale: the phrase matcher finds exactly what a per-phrase `includes`
 * finds, and `forbiddenPhrases` / `scanForLeaks` keep the meaning of the simple definitions
 * they replace (public text = every public document's whole text joined by newlines).
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { forbiddenPhrases, isPublic, scanForLeaks } from '../../core/build/leakScan.ts';
import { ByteWriter, writeShardEntry } from '../../core/search/format/indexFormat.ts';
import { normaliseText } from '../../core/build/normaliseText.ts';
import { PhraseMatcher } from '../../core/build/phraseMatcher.ts';
import { readDataset } from '../../core/content/dataset.ts';
import { allDocumentsForScan } from '../../core/content/scanSource.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { isPublicType } from '../../core/model/documentTypes.ts';
import { blocksToText, paragraphsToBlocks } from '../../core/portableText/fromPlainText.ts';
import { generateBenchDataset } from '../../scripts/sample/benchDataset.ts';
import { writeTempDataset } from '../fixtures/minimalDataset.ts';

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('PhraseMatcher', () => {
  it('finds exactly the phrases a per-phrase includes() finds, on random texts over a small alphabet', () => {
    const next = random(7);
    // A tiny alphabet makes shared windows, overlaps and hash-bucket neighbours common.
    const alphabet = ['株', '洲', '市', '局', 'a', '\n', '。'];
    const word = (length: number) => Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const phrases = Array.from({ length: 1 + Math.floor(next() * 30) }, () => word(1 + Math.floor(next() * 12)));
      const text = word(Math.floor(next() * 400));
      const expected = phrases.flatMap((p, i) => (text.includes(p) ? [i] : []));
      expect(new PhraseMatcher(phrases).matches(text), `round ${round}`).toEqual(expected);
    }
  });

  it('matches at the very start and end of a text, duplicates each, an empty phrase everywhere', () => {
    const matcher = new PhraseMatcher(['醴陵瓷器地理标志', '推进会召开', '推进会召开', '']);
    expect(matcher.matches('醴陵瓷器地理标志保护工作推进会召开')).toEqual([0, 1, 2, 3]);
    expect(matcher.matches('醴陵瓷器')).toEqual([3]);
  });
});

/**
 * The definition the scan had before it had to scale: quadratic, but obviously right. Every
 * text is compared in normal form; a title of any length counts, other sentences from 12
 * characters.
 */
function forbiddenPhrasesByIncludes(documents: readonly StoredDocument[]) {
  const content = documents.filter((doc) => isPublicType(doc._type));
  const fullText = (doc: StoredDocument) =>
    [doc.title, doc.summary, blocksToText(doc.body as Parameters<typeof blocksToText>[0])].filter((t) => typeof t === 'string').join('\n');
  const publicText = normaliseText(content.filter(isPublic).map(fullText).join('\n'));
  const seen = new Set<string>();
  const forbidden: { id: string; text: string }[] = [];
  for (const doc of content.filter((d) => !isPublic(d))) {
    const body = blocksToText(doc.body as Parameters<typeof blocksToText>[0]);
    const sentences = [doc.title, doc.summary, ...body.split(/[。！？；\n]/)].filter((s): s is string => typeof s === 'string');
    sentences.forEach((sentence, index) => {
      const normal = normaliseText(sentence);
      const isTitle = index === 0 && sentence === doc.title;
      if (normal.length === 0 || (!isTitle && normal.length < 12) || seen.has(normal) || publicText.includes(normal)) return;
      seen.add(normal);
      forbidden.push({ id: doc._id, text: sentence.trim() });
    });
  }
  return forbidden;
}

const news = (id: string, title: string, body: string, mode = 'proactive'): StoredDocument => ({
  _id: id,
  _type: 'trademarkNews',
  title,
  disclosure: mode === 'proactive' ? { mode } : { mode, reason: '过程性信息' },
  body: paragraphsToBlocks(body),
});

describe('forbiddenPhrases', () => {
  it('agrees with the includes() definition on a generated dataset with drafts and withheld documents', { tags: ['corpus'] }, () => {
    const documents = generateBenchDataset(600, 3);
    const expected = forbiddenPhrasesByIncludes(documents);
    expect(expected.length).toBeGreaterThan(0);
    expect(forbiddenPhrases(documents)).toEqual(expected);
  });

  it('gives the same phrases from the scan source (streamed, cut down to the text) as from the whole dataset', {
    tags: ['corpus'],
  }, async () => {
    const documents = generateBenchDataset(300, 5);
    const path = await writeTempDataset(documents);
    const forScan = await allDocumentsForScan({ CONTENT_DATASET: path });
    expect(forScan.every((doc) => isPublicType(doc._type))).toBe(true);
    expect(forbiddenPhrases(forScan)).toEqual(forbiddenPhrases((await readDataset(path)).documents));
  });

  it('treats a phrase spanning two public documents (joined by a newline) as public, as the joined text did', () => {
    const documents = [
      news('a', '第一篇公开的商标品牌新闻', '会议指出要加强地理标志保护'),
      news('b', '第二篇公开的商标品牌新闻', '正文'),
      // Its summary spans the end of a's body, the newline between documents and b's title.
      { ...news('drafts.a', '第一篇公开的商标品牌新闻（修改稿）', '正文'), summary: '要加强地理标志保护\n第二篇公开的' },
    ];
    expect(forbiddenPhrasesByIncludes(documents).map((p) => p.text)).toEqual(['第一篇公开的商标品牌新闻（修改稿）']);
    expect(forbiddenPhrases(documents)).toEqual(forbiddenPhrasesByIncludes(documents));
    // Scanned in batches of one document each, the phrase spans two batches.
    expect(forbiddenPhrases(documents, { batchLength: 1 })).toEqual(forbiddenPhrasesByIncludes(documents));
  });

  it('forbids non-public titles of any length, with spaces around them, and every text of a release version', () => {
    const documents = [
      news('public', '关于开展专项检查的公告', '本次检查由市场监管局组织实施。'),
      news('plan', '密查计划乙', '正文', 'withheld'),
      news('spaced', '  内部会商纪要  ', '正文', 'withheld'),
      news('tiny', '丁', '正文', 'withheld'),
      // Content-release versions are not published, whatever their disclosure says.
      news('versions.r1.news', '下月发布的商标品牌新闻', '会议部署了尚未发布的地理标志保护行动计划。'),
    ];
    expect(forbiddenPhrases(documents)).toEqual([
      { id: 'plan', text: '密查计划乙' },
      { id: 'spaced', text: '内部会商纪要' },
      { id: 'tiny', text: '丁' },
      { id: 'versions.r1.news', text: '下月发布的商标品牌新闻' },
      { id: 'versions.r1.news', text: '会议部署了尚未发布的地理标志保护行动计划' },
    ]);
    expect(forbiddenPhrases(documents)).toEqual(forbiddenPhrasesByIncludes(documents));
  });

  it('takes a title or sentence that public text has, in any spelling, as public', () => {
    const documents = [
      news('public', '关于开展ABC专项检查的公告', '本次检查由市场监管局组织实施。'),
      // A one-character title public text has: 「局」 is no secret.
      news('tiny', '局', '正文', 'withheld'),
      news('short', '公告', '正文', 'withheld'),
      // Full-width letters, a zero-width space and a line break: the same title as the public one.
      news('drafts.public', '关于开展ＡＢＣ专项\u200b检查的\n公告', '本次检查由 市场监管局 组织实施。'),
      news('versions.r1.public', '关于开展ABC专项检查的公告', '本次检查由市场监管局组织实施。'),
    ];
    expect(forbiddenPhrases(documents)).toEqual([]);
    expect(forbiddenPhrasesByIncludes(documents)).toEqual([]);
  });

  it('gives the same result whatever the batch size', { tags: ['corpus'] }, () => {
    const documents = generateBenchDataset(300, 9);
    const whole = forbiddenPhrases(documents);
    for (const batchLength of [1, 500, 5000]) expect(forbiddenPhrases(documents, { batchLength })).toEqual(whole);
  });
});

describe('scanForLeaks', () => {
  it('names every leak in file order then phrase order, in escaped HTML, gzip files, feeds and downloads', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'leaks-'));
    const phrases = [
      { id: 'drafts.a', text: '尚未对外公布的"专项"执法行动安排' },
      { id: 'b', text: '<不予公开>的过程性信息内容' },
      { id: 'c', text: '完全不会出现的句子一二三四' },
    ];
    await mkdir(join(directory, 'a', 'b'), { recursive: true });
    await writeFile(
      join(directory, 'a', 'b', 'index.html'),
      '<p>&lt;不予公开&gt;的过程性信息内容；尚未对外公布的&quot;专项&quot;执法行动安排</p>',
    );
    await writeFile(join(directory, 'a', 'index.json'), gzipSync(Buffer.from('{"t":"<不予公开>的过程性信息内容"}')));
    await writeFile(join(directory, 'feed.xml'), '<title>&amp;lt;不予公开&amp;gt;的过程性信息内容</title>');
    await writeFile(join(directory, 'records.csv'), '尚未对外公布的"专项"执法行动安排');
    for (let i = 0; i < 40; i++) await writeFile(join(directory, `clean-${i}.html`), '<p>尚未对外公布的专项执法行动安排</p>');
    const { leaks, files } = await scanForLeaks(directory, phrases);
    expect(files).toBe(44);
    // `&amp;lt;` is HTML escaped once more, as RSS does with HTML: the feed leaks b's text too.
    // (It once read as no leak, when only one level of escaping was undone.)
    expect(leaks.map((l) => `${l.file}:${l.id}`)).toEqual([
      'a/b/index.html:drafts.a',
      'a/b/index.html:b',
      'a/index.json:b',
      'feed.xml:b',
      'records.csv:drafts.a',
    ]);
    // Scanned by two threads, the same leaks in the same order…
    expect(await scanForLeaks(directory, phrases, { secondThreadFrom: 2 })).toEqual({ leaks, files, skipped: 0 });
    // …when the second joins late (the build's other core was busy), or never (what it waited for failed: it joins then).
    let start = () => {};
    const later = new Promise<void>((resolve) => {
      start = resolve;
    });
    setImmediate(start);
    expect(await scanForLeaks(directory, phrases, { secondThreadFrom: 2, secondThreadWhen: later })).toEqual({ leaks, files, skipped: 0 });
    expect(await scanForLeaks(directory, phrases, { secondThreadFrom: 2, secondThreadWhen: Promise.reject(new Error('index')) })).toEqual({
      leaks,
      files,
      skipped: 0,
    });
  });

  it('with two threads taking files from one queue, finds every leak once and in file order, however late the second joins', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'leak-queue-'));
    const phrases = [
      { id: 'a', text: '尚未对外公布的专项执法行动安排' },
      { id: 'b', text: '不予公开的过程性信息内容' },
    ];
    // Enough files for several chunks each, leaks here and there, some files with both.
    for (let i = 0; i < 1500; i++) {
      const text = `${i % 97 === 0 ? phrases[0]!.text : ''}<p>公开内容第${i}号</p>${i % 89 === 0 ? phrases[1]!.text : ''}`;
      await writeFile(join(directory, `page-${String(i).padStart(4, '0')}.html`), text);
    }
    const alone = await scanForLeaks(directory, phrases, { secondThreadFrom: Number.POSITIVE_INFINITY });
    expect(alone.leaks).toHaveLength(Math.ceil(1500 / 97) + Math.ceil(1500 / 89));
    const joinings = [
      () => Promise.resolve(),
      () => new Promise((resolve) => setTimeout(resolve, 20)),
      () => Promise.reject(new Error('index')),
    ];
    for (const joins of joinings)
      expect(await scanForLeaks(directory, phrases, { secondThreadFrom: 2, secondThreadWhen: joins() })).toEqual(alone);
  });

  it('reads a text on across inline markup and whitespace, but not across list items, cells or JSON strings', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'leaks-'));
    const phrases = [{ id: 'plan-x', text: '公告通知' }];
    await writeFile(join(directory, 'inline.html'), '<p>结果公告<mark class="hit">通</mark>\n  知</p>');
    await writeFile(
      join(directory, 'list.html'),
      '<ul><li><a href="/a/">结果公告</a></li>\n<li><a href="/b/">通知</a></li></ul><table><tr><td>公告</td><td>通知</td></tr></table>',
    );
    await writeFile(join(directory, 'list.json'), '["结果公告","通知"]');
    expect((await scanForLeaks(directory, phrases)).leaks.map((l) => l.file)).toEqual(['inline.html']);
  });

  it('reads only the terms of a search dictionary shard, not the postings bytes beside them', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'leaks-'));
    await mkdir(join(directory, 'search-index', 't'), { recursive: true });
    const shard = new ByteWriter();
    // Postings are numbers; bytes that would read as a phrase are not text there.
    writeShardEntry(shard, '市场', 2, new TextEncoder().encode('尚未对外公布的专项执法行动安排'), undefined);
    writeShardEntry(shard, 'draft-token-4711', 1, new Uint8Array([1, 2, 3]), 7);
    await writeFile(join(directory, 'search-index', 't', '0.sidx'), gzipSync(shard.view()));
    await writeFile(join(directory, 'search-index', 't', '1.sidx'), gzipSync(new Uint8Array()));
    const phrases = [
      { id: 'a', text: '尚未对外公布的专项执法行动安排' },
      { id: 'b', text: 'draft-token-4711' },
    ];
    const scope = { within: 'search-index', termsOnly: ['search-index/t'] };
    expect((await scanForLeaks(directory, phrases, scope)).leaks.map((l) => `${l.file}:${l.id}`)).toEqual(['search-index/t/0.sidx:b']);
    expect((await scanForLeaks(directory, phrases, { ...scope, secondThreadFrom: 2 })).leaks.map((l) => l.id)).toEqual(['b']);
    // Without the rule the whole file is read as text.
    expect((await scanForLeaks(directory, phrases, { within: 'search-index' })).leaks.map((l) => l.id)).toEqual(['a', 'b']);
  });
});
