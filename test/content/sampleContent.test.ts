/**
 * The sample's content files (content/sample/) and their generator (scripts/sample/build.ts):
 * a bad file stops the build with a Chinese message naming the file, the entry and the field,
 * and nothing is written; the committed dataset is what the committed files produce.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toNdjson } from '../../core/content/ndjson.ts';
import { SAMPLE_PATH, sampleDocuments } from '../../scripts/sample/build.ts';
import { CONTENT_DIR } from '../../scripts/sample/content.ts';
import { runNpm } from '../helpers/run.ts';

const copies: string[] = [];

afterEach(async () => {
  for (const dir of copies.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A copy of content/sample with one file changed by `edit`. */
async function contentWith(file: string, edit: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sample-content-'));
  copies.push(dir);
  await cp(CONTENT_DIR, dir, { recursive: true });
  const text = await readFile(join(dir, file), 'utf8');
  const edited = edit(text);
  expect(edited, 'the edit changed nothing').not.toBe(text);
  await writeFile(join(dir, file), edited);
  return dir;
}

function failure(directory: string): string {
  try {
    sampleDocuments(directory);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the generator accepted a bad content file');
}

describe('the sample generator reading content/sample/', () => {
  it('produces the committed dataset from the committed content files (edit content/sample/, then npm run sample)', async () => {
    expect(toNdjson(sampleDocuments())).toBe(await readFile(SAMPLE_PATH, 'utf8'));
  });

  it('names the file, entry and field of a value outside its vocabulary', async () => {
    const dir = await contentWith('policies/2024.yaml', (text) =>
      text.replace(/(key: 2024-food-delivery[\s\S]*?interpretation:\n\s+form: )\w+/, '$1video'),
    );
    const message = failure(dir);
    expect(message).toContain('policies/2024.yaml');
    expect(message).toContain('条目 2024-food-delivery');
    expect(message).toMatch(/字段 \d+\.interpretation\.form：/);
  });

  it('names a missing required field, a department that does not exist and a misspelt field', async () => {
    const dir = await contentWith('trademarks/news.yaml', (text) =>
      text
        .replace(/(key: 2023-ip-publicity-week\n(?:.*\n)*?)\s+formedAt: [\d-]+\n/, '$1\n')
        .replace(/(key: 2024-lusong-clothing-infringement\n(?:.*\n)*?\s+department: )\w+/, '$1nosuchdept')
        .replace(/(key: 2025-rail-transit-brand-station\n(?:.*\n)*?\s+)summary:/, '$1sumary:'),
    );
    const message = failure(dir);
    expect(message).toContain('trademarks/news.yaml');
    expect(message).toMatch(/条目 2023-ip-publicity-week 字段 news\.\d+\.formedAt：缺少必填字段/);
    expect(message).toMatch(/条目 2024-lusong-clothing-infringement 字段 news\.\d+\.department：/);
    expect(message).toMatch(/条目 2025-rail-transit-brand-station 字段 news\.\d+\.sumary：不认识的字段/);
  });

  it('refuses a template placeholder it cannot fill, and a file that is not YAML, with the line', async () => {
    const template = await contentWith('inspections/results.yaml', (text) =>
      text.replace('{户数}户经营主体进行了检查', '{家数}户经营主体进行了检查'),
    );
    expect(failure(template)).toMatch(/inspections\/results\.yaml[\s\S]*字段 body：未知的占位符 \{家数\}/);
    const broken = await contentWith('complaints/quarters.yaml', (text) =>
      text.replace('2024-2:\n  hotspot:', '2024-2:\n  hotspot: [未闭合'),
    );
    expect(failure(broken)).toMatch(/complaints\/quarters\.yaml：不是有效的 YAML\n\s+- 第 \d+ 行/);
  });

  it('writes nothing when a content file is bad (npm run sample -- --content … --out …)', async () => {
    const dir = await contentWith('departments.yaml', (text) => text.replace('code: BGS', 'code: bgs'));
    const out = join(dir, 'dataset.ndjson');
    await writeFile(out, 'the previous dataset\n');
    const result = runNpm(['sample', '--', '--content', dir, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/departments\.yaml[\s\S]*条目 bgs 字段 departments\.0\.code：只能由大写字母组成/);
    expect(await readFile(out, 'utf8')).toBe('the previous dataset\n');
  });
});
