/**
 * The 依申请公开 desk in the built Studio, in Chromium, against the local Content Lake over the sample: the
 * desk's groups with their counts, 已办结 listing the sample's answered requests, the 第四十四条 prompt, and
 * 「打印告知书」 opening the answer letter of an answered request. Screenshots in .tmp/request-desk/.
 *
 * Only what does not depend on the day the test runs is checked (the desk is read for today in Beijing):
 * answered requests stay answered, and the three applicants of the elevator list stay three.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../helpers/browser.ts';
import { ROOT } from '../helpers/run.ts';
import { type StudioInBrowser, startStudioInBrowser } from '../helpers/studioInBrowser.ts';

const SHOTS = join(ROOT, '.tmp/request-desk');

let session: StudioInBrowser;

async function waitForText(page: Page, text: string, shot: string) {
  await page
    .getByText(text)
    .first()
    .waitFor({ timeout: 60_000 })
    .catch(async (error: unknown) => {
      await page.screenshot({ path: join(SHOTS, `${shot}-failed.png`) });
      throw error;
    });
}

describe.skipIf(browserSkipReason)('the 依申请公开 desk in the Studio', () => {
  beforeAll(async () => {
    session = await startStudioInBrowser({ shots: SHOTS });
  }, 300_000);

  afterAll(() => session?.stop());

  it('lists the groups, the answered requests and the prompt', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const token = `#token=${session.lake.users.reviewer.token}`;
    await page.goto(`${session.studio.url}/structure/requestDesk${token}`);
    await waitForText(page, '全部申请（登记簿）', 'desk');
    const desk = await page.locator('body').innerText();
    for (const group of ['待补正', '征求第三方意见', '即将到期', '已超期', '办理中']) expect(desk).toMatch(new RegExp(`${group}（\\d+）`));
    expect(desk).toContain('已办结（');
    expect(desk).toContain('建议主动公开（第四十四条）：1 项');
    await page.screenshot({ path: join(SHOTS, 'desk.png') });

    await page.goto(`${session.studio.url}/structure/requestDesk;sameInformation;same-0${token}`);
    await waitForText(page, '关于 2025 年全市电梯维护保养单位名单的信息', 'prompt');
    const prompt = await page.locator('body').innerText();
    expect(prompt).toContain('3 个申请人：2025年度全市电梯维护保养单位名单');
    expect(prompt).toContain('申请公开2025年全市电梯维护保养单位名单');
    await page.screenshot({ path: join(SHOTS, 'prompt.png') });

    await page.goto(`${session.studio.url}/structure/requestDesk;answered${token}`);
    await waitForText(page, '对湘渌晨阳商贸有限公司作出行政处罚的全部案卷材料', 'answered');
    expect(await page.locator('body').innerText()).toContain('2025年度全市电梯维护保养单位名单');
    await page.screenshot({ path: join(SHOTS, 'answered.png') });
    await page.close();
  });

  it('opens the answer letter of an answered request from the form', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const token = `#token=${session.lake.users.reviewer.token}`;
    await page.goto(`${session.studio.url}/structure/requestDesk;answered;request-2025-case-file${token}`);
    await waitForText(page, '所需信息的描述', 'form');
    // The action is in the form's footer, or in its menu of further actions.
    let button = page.getByRole('button', { name: '打印告知书' });
    if (!(await button.isVisible())) {
      await page.locator('[data-testid="action-menu-button"]').click();
      button = page.getByRole('menuitem', { name: '打印告知书' });
    }
    const [letter] = await Promise.all([page.waitForEvent('popup'), button.click()]);
    await letter.waitForLoadState();
    const text = await letter.locator('body').innerText();
    expect(text).toContain('政府信息公开申请答复告知书');
    expect(text).toContain('醴陵市瓷谷汇通贸易有限公司：');
    expect(text).toMatch(/60 日内依法申请行政复议/);
    await letter.screenshot({ path: join(SHOTS, 'letter.png') });
    await page.close();
  });
});
