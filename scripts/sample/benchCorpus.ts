/**
 * The benchmark dataset's real text: paragraphs of the 60 State Council documents in
 * `govcn-2019/policies.jsonl` (正文) and the articles of the 26 laws and rules in
 * `samr-regulations/*.md` of the corpora (CORPUS_DIR, scripts/support/corpus.ts). The corpus is
 * read once per process and each of its paragraphs becomes one Portable Text block that every
 * document quoting it shares.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PortableTextBlock } from '../../core/model/schemas.ts';
import { TOPICS } from '../../core/model/vocabulary.ts';
import { textBlock } from '../../core/portableText/fromPlainText.ts';
import { CORPUS_DIR } from '../support/corpus.ts';

export interface BenchCorpus {
  /** Paragraphs of the State Council documents, in file order, as shared blocks keyed `g<n>`. */
  govBlocks: PortableTextBlock[];
  /** 标题 and 主题分类 of each State Council document. */
  govTitles: { title: string; topic: string }[];
  /** Articles and chapter headings of the laws and rules, as shared blocks keyed `r<n>`. */
  regBlocks: PortableTextBlock[];
  /** Titles of the laws and rules, e.g. 中华人民共和国商标法. */
  regTitles: string[];
}

const HEADING = /^[一二三四五六七八九十百]+、\S{1,30}$/;
const SUBHEADING = /^（[一二三四五六七八九十]+）\S{1,30}$/;
const VALID_TOPICS = new Set(Object.keys(TOPICS));

let corpus: BenchCorpus | undefined;

/** The corpus as shared blocks, read from disk on first use and kept for the process. */
export function benchCorpus(directory = CORPUS_DIR): BenchCorpus {
  if (corpus) return corpus;
  const govBlocks: PortableTextBlock[] = [];
  const govTitles: { title: string; topic: string }[] = [];
  const jsonl = readFileSync(join(directory, 'govcn-2019', 'policies.jsonl'), 'utf8');
  for (const line of jsonl.split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as Record<string, string>;
    const topic = record.主题分类 ?? '';
    govTitles.push({ title: record.标题 ?? '', topic: VALID_TOPICS.has(topic) ? topic : '其他' });
    for (const raw of (record.正文 ?? '').split('\n')) {
      const text = raw.trim();
      if (text.length < 4) continue;
      const style = HEADING.test(text) ? 'h2' : SUBHEADING.test(text) ? 'h3' : 'normal';
      govBlocks.push(textBlock(`g${govBlocks.length + 1}`, text, style));
    }
  }
  const regBlocks: PortableTextBlock[] = [];
  const regTitles: string[] = [];
  const regulations = join(directory, 'samr-regulations');
  for (const name of readdirSync(regulations)
    .filter((file) => file.endsWith('.md'))
    .sort()) {
    const markdown = readFileSync(join(regulations, name), 'utf8');
    const title = /^# (.+)$/m.exec(markdown)?.[1]?.trim();
    if (title) regTitles.push(title);
    const marker = markdown.indexOf('<!-- INFO END -->');
    const articles = marker < 0 ? markdown : markdown.slice(marker + '<!-- INFO END -->'.length);
    for (const raw of articles.split(/\n\s*\n/)) {
      const text = raw.replace(/\s*\n\s*/g, '').trim();
      if (text.length < 4 || text.startsWith('# ')) continue;
      const heading = /^(#{2,})\s+(.+)$/.exec(text);
      const key = `r${regBlocks.length + 1}`;
      regBlocks.push(heading ? textBlock(key, heading[2]!.trim(), heading[1]!.length === 2 ? 'h2' : 'h3') : textBlock(key, text));
    }
  }
  if (govBlocks.length < 100 || regBlocks.length < 100 || govTitles.length === 0 || regTitles.length === 0) {
    throw new Error(`bench corpus in ${directory} is missing or too small`);
  }
  corpus = { govBlocks, govTitles, regBlocks, regTitles };
  return corpus;
}
