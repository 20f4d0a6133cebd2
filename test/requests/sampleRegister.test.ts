/**
 * The sample register's content file (content/sample/requests.yaml): read against the declaration (a value
 * outside its vocabulary names the file, entry and field), and the sample generator refuses an entry that
 * breaks a rule of 依申请公开, naming the request and the field, before anything is written.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleDataset } from '../../scripts/sample/build.ts';
import { CONTENT_DIR } from '../../scripts/sample/content.ts';
import { disclosureRequests } from '../../scripts/sample/requests.ts';

const copies: string[] = [];

afterEach(async () => {
  for (const dir of copies.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A copy of content/sample with requests.yaml changed by `edit`. */
async function requestsWith(edit: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sample-requests-'));
  copies.push(dir);
  await cp(CONTENT_DIR, dir, { recursive: true });
  const text = await readFile(join(dir, 'requests.yaml'), 'utf8');
  const edited = edit(text);
  expect(edited, 'the edit changed nothing').not.toBe(text);
  await writeFile(join(dir, 'requests.yaml'), edited);
  return dir;
}

describe('content/sample/requests.yaml', () => {
  it('names the entry and field of a channel outside its vocabulary', async () => {
    const dir = await requestsWith((text) =>
      text.replace('channel: inPerson\n    submittedOn: 2025-03-10', 'channel: pigeon\n    submittedOn: 2025-03-10'),
    );
    expect(() => disclosureRequests(dir)).toThrow(/requests\.yaml.*\n.*条目 2025-penalty-statistics 字段 requests\.0\.channel/);
  });

  it('refuses 补正 asked after the 7th working day, naming the request and the field', async () => {
    // 2026-restaurant-licences: confirmed 9 February 2026; the 7th working day is 25 February.
    const dir = await requestsWith((text) => text.replace('correctionAskedOn: 2026-02-13', 'correctionAskedOn: 2026-02-26'));
    expect(() => sampleDataset(dir)).toThrow(/request-2026-restaurant-licences.*correctionAskedOn.*最晚 2026-02-25/);
  });

  it('refuses a late answer without its reason', async () => {
    const dir = await requestsWith((text) => text.replace(/\n {4}lateReason: 统计口径需由12315指挥中心[^\n]*/, ''));
    expect(() => sampleDataset(dir)).toThrow(/request-2025-12315-completion.*lateReason.*晚于答复期限 2025-09-09/);
  });
});
