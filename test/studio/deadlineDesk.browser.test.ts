/**
 * The desk's 已超期 list in the built Studio, in Chromium, against the local Content Lake: the
 * list is computed when opened (studio/deadlineDesk.ts) and shows the unit past its due date —
 * here the sample's 长株潭 pair as if formed on 2026-09-15 (due 2026-10-19) — and not the news
 * item still within its 20 working days. Screenshot in .tmp/deadline-desk/.
 *
 * The 复核已逾期 list of the yearly 复核 (条例 第十八条) shows the sample's 不予公开 policy pair, never
 * reviewed since its 生成日期 2025-04-07; a reviewer records the 复核 from its 「公开属性复核」 action
 * (that the pair then leaves the list is tested without a browser, test/studio/deadlineDesk.test.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../helpers/browser.ts';
import { ROOT } from '../helpers/run.ts';
import { type StudioInBrowser, startStudioInBrowser } from '../helpers/studioInBrowser.ts';
import { SAMPLE } from '../localLake/lakeServer.ts';
import { confirmDialog, runAction } from '../journey/studioPage.ts';

const SHOTS = join(ROOT, '.tmp/deadline-desk');
const PAIR_TITLE = '株洲市市场监督管理局关于推进长株潭消费投诉异地受理和联动处置的实施意见';
const WITHHELD_TITLE = '株洲市市场监督管理局重点案件线索内部督办分工方案（过程稿）';

let session: StudioInBrowser;

describe.skipIf(browserSkipReason)('the 已超期 desk list in the Studio', () => {
  beforeAll(async () => {
    const documents = (await readFile(join(ROOT, SAMPLE), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .map((doc) =>
        /^drafts\.(policy|interpretation)-2026-changzhutan-consumer$/.test(doc._id) ? { ...doc, formedAt: '2026-09-15' } : doc,
      );
    session = await startStudioInBrowser({ documents, shots: SHOTS });
  }, 300_000);

  afterAll(() => session?.stop());

  it('lists the overdue pair, and not what is still within its 20 working days', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${session.studio.url}/structure/overdue#token=${session.lake.users.reviewer.token}`);
    await page
      .getByText(PAIR_TITLE)
      .first()
      .waitFor({ timeout: 60_000 })
      .catch(async (error: unknown) => {
        await page.screenshot({ path: join(SHOTS, 'overdue-failed.png') });
        throw error;
      });
    await page.screenshot({ path: join(SHOTS, 'overdue.png') });
    const text = await page.locator('body').innerText();
    expect(text).toContain('已超期（公开时效）');
    // The pair's interpretation is listed beside its policy (its title starts with the policy's in 《》).
    expect(text).toContain(`《${PAIR_TITLE.slice(0, 10)}`);
    expect(text).not.toContain('全市商标品牌培育工作推进会召开');
    await page.close();
  });

  it('lists the 不予公开 pair due for its yearly 复核, and records the 复核 from the document', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const list = `${session.studio.url}/structure/reviewOverdue#token=${session.lake.users.reviewer.token}`;
    await page.goto(list);
    const entry = page.getByText(WITHHELD_TITLE).first();
    await entry.waitFor({ timeout: 60_000 }).catch(async (error: unknown) => {
      await page.screenshot({ path: join(SHOTS, 'review-overdue-failed.png') });
      throw error;
    });
    expect(await page.locator('body').innerText()).toContain('复核已逾期（公开属性）');
    await page.screenshot({ path: join(SHOTS, 'review-overdue.png') });

    await entry.click();
    await runAction(page, '公开属性复核');
    const dialog = page.getByRole('dialog').first();
    await dialog.getByText('从未复核（生成日期 2025-04-07），应于 2026-04-07 前复核').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'review-dialog.png') });
    await confirmDialog(page, '记录复核', '仍属过程性信息');
    await page.getByText('已记录复核').first().waitFor({ timeout: 30_000 });

    const stored = (await readFile(session.lake.datasetPath, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    const policy = stored.find((doc) => doc._id === 'policy-2025-internal-case-assignment');
    expect(policy.disclosure.reviewedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(stored.some((doc) => doc._id === 'drafts.policy-2025-internal-case-assignment')).toBe(false);
    expect(stored.find((doc) => doc._type === 'workflowAudit' && doc.action === 'review')).toMatchObject({
      unit: 'policy-2025-internal-case-assignment',
      reviewOutcome: 'keep',
      reason: '仍属过程性信息',
    });

    await page.close();
  });
});
