/**
 * The local dataset source on real files: NDJSON and `sanity dataset export` archives,
 * both perspectives, the shared queries validated with the model.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from 'tar';
import { describe, expect, it } from 'vitest';
import { contentSourceFromEnvironment } from '../../core/content/fromEnvironment.ts';
import { createLocalSource } from '../../core/content/localSource.ts';
import { toNdjson } from '../../core/content/ndjson.ts';
import { catalogQuery, departmentsQuery, inspectionResultsQuery, interpretationsQuery, policiesQuery } from '../../core/content/queries.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { minimalDataset, writeTempDataset } from '../fixtures/minimalDataset.ts';

/** The fixture plus a draft of the policy with a new title, and a withheld news item. */
function datasetWithDraftAndWithheld(): StoredDocument[] {
  const docs = minimalDataset();
  const policy = docs.find((d) => d._id === 'policy-a')!;
  const news = docs.find((d) => d._id === 'news-a')!;
  docs.push({ ...structuredClone(policy), _id: 'drafts.policy-a', title: '关于进一步优化营业执照办理流程的通知（修订稿）' });
  docs.push({
    ...structuredClone(news),
    _id: 'news-withheld',
    slug: { _type: 'slug', current: 'news-withheld' },
    indexNumber: 'MB1D50237/2026-00099',
    title: '某商标侵权案件当事人个人信息',
    disclosure: { mode: 'withheld', ground: 'thirdPartyRights', reason: '《中华人民共和国政府信息公开条例》第十五条：涉及个人隐私' },
  });
  return docs;
}

describe('local dataset source', () => {
  it('shows only published documents in the published perspective', async () => {
    const source = await createLocalSource(await writeTempDataset(datasetWithDraftAndWithheld()), 'published');
    const [policy] = await source.fetch(policiesQuery);
    expect(policy!.title).toBe('关于优化营业执照办理流程的通知');
    expect(policy!.interpretation?.title).toBe('《关于优化营业执照办理流程的通知》政策解读');
    expect(policy!.publisher?.name).toBe('政策法规科');
  });

  it('shows drafts over published in the drafts perspective, under the published id', async () => {
    const source = await createLocalSource(await writeTempDataset(datasetWithDraftAndWithheld()), 'drafts');
    const policies = await source.fetch(policiesQuery);
    expect(policies.map((p) => [p._id, p.title, p._originalId])).toEqual([
      ['policy-a', '关于进一步优化营业执照办理流程的通知（修订稿）', 'drafts.policy-a'],
    ]);
    // The interpretation resolves the reference back through the draft.
    const [interpretation] = await source.fetch(interpretationsQuery);
    expect(interpretation!.policy?.title).toBe('关于进一步优化营业执照办理流程的通知（修订稿）');
  });

  it('never returns information that is not proactive to a public query', async () => {
    for (const perspective of ['published', 'drafts'] as const) {
      const source = await createLocalSource(await writeTempDataset(datasetWithDraftAndWithheld()), perspective);
      const catalog = await source.fetch(catalogQuery);
      expect(catalog.map((entry) => entry._id)).not.toContain('news-withheld');
      expect(JSON.stringify(catalog)).not.toContain('个人信息');
      // The fixture's ten proactive public documents (the annual report, the guide and a rule included), the withheld one left out.
      expect(catalog).toHaveLength(10);
    }
  });

  it('resolves references in projections', async () => {
    const source = await createLocalSource(await writeTempDataset(minimalDataset()), 'published');
    const [result] = await source.fetch(inspectionResultsQuery);
    expect(result!.plan?.title).toBe('2026年度双随机抽查事项清单');
    expect(result!.records[0]!.creditCode).toBe('91440300708461136T');
  });

  it('loads a `sanity dataset export` archive the same as NDJSON', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'export-'));
    const exportFolder = join(directory, 'production-export-2026-11-28');
    await mkdir(join(exportFolder, 'files'), { recursive: true });
    await writeFile(join(exportFolder, 'data.ndjson'), toNdjson(datasetWithDraftAndWithheld()));
    await writeFile(join(exportFolder, 'assets.json'), '{}');
    const archive = join(directory, 'production.tar.gz');
    await create({ gzip: true, file: archive, cwd: directory }, ['production-export-2026-11-28']);

    const fromArchive = await createLocalSource(archive, 'drafts');
    const fromNdjson = await createLocalSource(await writeTempDataset(datasetWithDraftAndWithheld()), 'drafts');
    expect(await fromArchive.fetch(catalogQuery)).toEqual(await fromNdjson.fetch(catalogQuery));
  });

  it('says which file is missing', async () => {
    await expect(createLocalSource('/nonexistent/dataset.ndjson', 'published')).rejects.toThrow(
      '数据集文件不存在：/nonexistent/dataset.ndjson',
    );
  });

  it('is chosen by CONTENT_DATASET', async () => {
    const path = await writeTempDataset(minimalDataset());
    const source = await contentSourceFromEnvironment('published', { CONTENT_DATASET: path });
    expect(source.description).toContain(path);
    expect(await source.fetch(departmentsQuery)).toEqual([{ _id: 'dept-zcfg', name: '政策法规科', code: 'ZCFG' }]);
  });
});
