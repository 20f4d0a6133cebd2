/**
 * A 建议提案办理复文 names its proposer and nothing else about them: the model refuses a 提出人 that
 * carries a unit, a post or a telephone number, and the site's query never reads a field beyond the
 * declared ones, so a proposer's data stored beside them (an import, an old document) cannot reach a page.
 */
import { describe, expect, it } from 'vitest';
import { readDataset, DEFAULT_DATASET } from '../../core/content/dataset.ts';
import { createDatasetSource } from '../../core/content/localSource.ts';
import { proposalRepliesQuery, siteSettingsQuery } from '../../core/content/queries.ts';
import { validateDocument } from '../../core/model/validateDocument.ts';

async function sampleReply() {
  const { documents } = await readDataset(DEFAULT_DATASET);
  const reply = documents.find((doc) => doc._type === 'proposalReply' && !doc._id.startsWith('drafts.'))!;
  return { documents, reply };
}

describe('the proposer of a proposal reply', () => {
  it('is one or more names, joined by 、', async () => {
    const { reply } = await sampleReply();
    for (const proposer of ['龙海燕', '贺明远、曾丽君', '阿依古丽·买买提', 'ZhangWei']) {
      expect(validateDocument({ ...reply, proposer }), proposer).toEqual([]);
    }
  });

  it('refuses other personal data, naming the document and the field in Chinese', async () => {
    const { reply } = await sampleReply();
    for (const proposer of ['龙海燕 13807331234', '龙海燕（株洲市第一中学校长）', '龙海燕,天元区', '龙海燕 longhy@example.com', '龙']) {
      const problems = validateDocument({ ...reply, proposer });
      expect(problems, proposer).toHaveLength(1);
      expect(problems[0]).toMatchObject({ id: reply._id, field: 'proposer' });
      expect(problems[0]!.message).toContain('只能填写姓名');
    }
  });

  it('is all the site reads of the proposer: fields beside the declared ones stay in the dataset', async () => {
    const { documents, reply } = await sampleReply();
    const planted = { ...reply, proposerPhone: '13807331234', proposerUnit: '株洲市第一中学', proposerAddress: '天元区某路1号' };
    const dataset = { source: 'test', documents: documents.map((doc) => (doc._id === reply._id ? planted : doc)) };
    const replies = await createDatasetSource(dataset, 'published').fetch(proposalRepliesQuery);
    const read = replies.find((r) => r._id === reply._id)!;
    expect(read.proposer).toBe(reply.proposer);
    expect(JSON.stringify(read)).not.toMatch(/13807331234|株洲市第一中学|天元区某路/);
    // Optional fields that are not set stay absent, not null (the list would fail its check).
    expect(replies.some((r) => r.coUnits === undefined)).toBe(true);
  });
});

describe('the site settings', () => {
  it('are read from the one siteSettings document, and are null in a dataset without one', async () => {
    const { documents } = await readDataset(DEFAULT_DATASET);
    const stored = await createDatasetSource({ source: 'test', documents }, 'published').fetch(siteSettingsQuery);
    expect(stored?.siteIdCode).toMatch(/^\d{10}$/);
    const without = { source: 'test', documents: documents.filter((doc) => doc._type !== 'siteSettings') };
    expect(await createDatasetSource(without, 'published').fetch(siteSettingsQuery)).toBeNull();
  });

  it('refuse a malformed 网站标识码 or 备案号, naming the field', async () => {
    const { documents } = await readDataset(DEFAULT_DATASET);
    const settings = documents.find((doc) => doc._id === 'siteSettings')!;
    for (const [field, value] of [
      ['siteIdCode', '43020000'],
      ['icpNumber', 'ICP 05002018'],
      ['psbNumber', '43020202000123'],
      ['psbUrl', 'http://example.com/'],
    ] as const) {
      const problems = validateDocument({ ...settings, [field]: value });
      expect(
        problems.map((p) => p.field),
        field,
      ).toEqual([field]);
    }
  });
});
