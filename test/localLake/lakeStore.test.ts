/**
 * The workflow's Content Lake store (core/workflow/lakeStore.ts) against the local Content
 * Lake rather than recorded answers: a unit of the sample goes through submit → sign-off →
 * release, and four eyes holds for edits made the way the Studio makes them.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDataset } from '../../core/content/dataset.ts';
import { LakeStore } from '../../core/workflow/lakeStore.ts';
import { Workflow } from '../../core/workflow/workflow.ts';
import { startTestLake, type TestLake } from './lakeServer.ts';

let lake: TestLake;
beforeEach(async () => {
  lake = await startTestLake();
});
afterEach(() => lake.stop());

/** A revision of a released pair, in draft: the sample's unit that goes the whole way. */
const UNIT = 'policy-2024-food-delivery';
const PARTNER = 'interpretation-2024-food-delivery';
/** A new pair already sent for sign-off. */
const SUBMITTED = 'policy-2026-changzhutan-consumer';
const SUBMITTED_PARTNER = 'interpretation-2026-changzhutan-consumer';

function workflowAs(user: 'editor' | 'reviewer') {
  return new Workflow(new LakeStore(lake.client(user)));
}

describe('LakeStore against the local Content Lake', () => {
  it('takes a pair of the sample through submit, sign-off and release, publishing both with one date', async () => {
    const draftTitle = (await lake.client().getDocument(`drafts.${UNIT}`))?.title;
    await workflowAs('editor').run('submit', UNIT, '王编辑');
    await workflowAs('reviewer').run('signoff', UNIT, '李审核', { confidentialityChecked: true });
    await workflowAs('reviewer').run('release', PARTNER, '李审核');
    const client = lake.client();
    const [policy, interpretation, policyDraft] = await client.getDocuments([UNIT, PARTNER, `drafts.${UNIT}`]);
    expect(policyDraft).toBeNull();
    expect(policy?.title).toBe(draftTitle);
    expect(policy).toMatchObject({ _type: 'policy', indexNumber: expect.any(String) });
    expect(interpretation).toMatchObject({ _type: 'interpretation', publishedAt: policy!.publishedAt });
    // What the public build reads: the file itself, valid, with the pair published.
    const stored = parseDataset(await readFile(lake.datasetPath, 'utf8'), lake.datasetPath).documents;
    expect(stored.filter((doc) => doc._id === UNIT || doc._id === PARTNER)).toHaveLength(2);
    expect((await workflowAs('reviewer').status(UNIT)).state).toBe('released');
  });

  it('refuses the sign-off of the reviewer who last edited a draft in the Studio (four eyes through the History API)', async () => {
    // 李审核 changes the interpretation as the Studio does: an edit action, no lastEditedBy.
    await lake.client('reviewer').action({
      actionType: 'sanity.action.document.edit',
      draftId: `drafts.${SUBMITTED_PARTNER}`,
      publishedId: SUBMITTED_PARTNER,
      patch: { set: { summary: '李审核改过的摘要' } },
    });
    // A change after submission needs a new submission; 王编辑 sends it again.
    await workflowAs('editor').run('submit', SUBMITTED, '王编辑');
    const before = await readFile(lake.datasetPath);
    await expect(workflowAs('reviewer').run('signoff', SUBMITTED, '李审核', { confidentialityChecked: true })).rejects.toMatchObject({
      rule: '3-four-eyes',
      message: expect.stringContaining('李审核'),
    });
    expect((await readFile(lake.datasetPath)).equals(before)).toBe(true);
  });
});
