/**
 * The build fails when a request's text reaches a public page: here a clerk pasted the applicant's name and
 * phone into a department's name, which every policy page prints as 起草科室. The build names the request,
 * and leaves the previous output in place.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { receive } from '../../core/disclosure/requests/transitions.ts';
import { minimalDataset, writeTempDataset } from '../fixtures/minimalDataset.ts';
import { runNpm } from '../helpers/run.ts';
import { inPerson } from './fixtures.ts';

const request = {
  _type: 'disclosureRequest',
  ...receive(inPerson('2026-03-02', { _id: 'request-planted', applicantName: '闵秋实', contact: '电话 139 0000 7788' })),
} as StoredDocument;

async function buildWith(documents: StoredDocument[]) {
  const dataset = await writeTempDataset(documents);
  const out = join(await mkdtemp(join(tmpdir(), 'site-')), 'dist');
  await mkdir(out);
  await writeFile(join(out, 'index.html'), 'previous build');
  const result = runNpm(['build', '--', '--out', out], { env: { CONTENT_DATASET: dataset }, timeout: 300_000 });
  return { status: result.status, output: result.stdout + result.stderr, previous: await readFile(join(out, 'index.html'), 'utf8') };
}

describe('a request planted into a public page', () => {
  it('fails the build, naming the request and what leaked', async () => {
    const docs = [...minimalDataset(), request];
    const department = docs.find((doc) => doc._id === 'dept-zcfg')!;
    department.name = '政策法规科（申请人闵秋实，电话 139 0000 7788）';
    const { status, output, previous } = await buildWith(docs);
    expect(status, output).not.toBe(0);
    expect(output).toContain('公开输出中出现了草稿或非主动公开信息');
    expect(output).toMatch(/文档 request-planted 的「闵秋实」/);
    expect(output).toMatch(/文档 request-planted 的「电话 139 0000 7788」/);
    expect(previous).toBe('previous build');
  });
});
