/**
 * The built Studio in Chromium against the local Content Lake, with no account and no
 * network: sign-in lists the local users, the desk shows its lists, a policy opens, and what
 * an editor types reaches the dataset file under that editor's name. Screenshots are kept in
 * .tmp/studio-smoke/.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../helpers/browser.ts';
import { ROOT } from '../helpers/run.ts';
import { type StudioInBrowser, startStudioInBrowser } from '../helpers/studioInBrowser.ts';
import type { TestLake } from './lakeServer.ts';

const SHOTS = join(ROOT, '.tmp/studio-smoke');

let session: StudioInBrowser;
let lake: TestLake;
let studioUrl: string;
let browser: Browser;
/** Requests the Studio made to the local lake that were answered with an error. */
const lakeErrors: string[] = [];
/** Requests that left the machine (fonts, version checks): they fail offline, and the Studio must not mind. */
const external = new Set<string>();

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('response', (response) => {
    const url = new URL(response.url());
    const toLake = url.port === String(lake.port);
    // The presence socket is refused: the Studio works on without it.
    if (toLake && response.status() >= 400 && !url.pathname.includes('/socket/')) lakeErrors.push(`${response.status()} ${url.pathname}`);
  });
  page.on('requestfailed', (request) => {
    const url = new URL(request.url());
    if (url.hostname !== 'localhost' && !url.hostname.endsWith('.localhost') && url.hostname !== '127.0.0.1') external.add(url.host);
  });
  return page;
}

describe.skipIf(browserSkipReason)('the Studio against the local Content Lake', () => {
  beforeAll(async () => {
    session = await startStudioInBrowser({ shots: SHOTS });
    ({ lake, browser } = session);
    studioUrl = session.studio.url;
  }, 300_000);

  afterAll(async () => {
    await session?.stop();
    if (external.size > 0) console.info(`Studio requests that failed offline: ${[...external].sort().join(', ')}`);
  });

  it('signs in as a local user from the sign-in page and shows the desk', async () => {
    const page = await newPage();
    await page.goto(`${studioUrl}/`);
    await page
      .getByText('李审核（审核）')
      .waitFor({ timeout: 30_000 })
      .catch(async (error: unknown) => {
        await page.screenshot({ path: join(SHOTS, 'sign-in-failed.png') });
        throw error;
      });
    await page.screenshot({ path: join(SHOTS, '0-sign-in.png') });
    await page.getByText('王编辑（编辑）').click();
    await page.getByText('待审签').first().waitFor({ timeout: 30_000 });
    await page.getByText('政策文件').first().waitFor();
    await page.screenshot({ path: join(SHOTS, '1-desk.png') });
    expect(await page.locator('body').innerText()).not.toContain('unable to recover');
    await page.close();
  });

  it('opens a policy and writes what 王编辑 types to the dataset file, under his name', async () => {
    const page = await newPage();
    await page.goto(`${studioUrl}/structure/policy;policy-2024-food-delivery#token=${lake.users.editor.token}`);
    const title = page.locator('input#title');
    await title.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    await title.click();
    await page.keyboard.press('End');
    await page.keyboard.type('（征求意见稿）', { delay: 30 });
    let stored: { title?: string; _rev?: string } | undefined;
    for (let attempt = 0; attempt < 40 && !stored?.title?.endsWith('（征求意见稿）'); attempt++) {
      await page.waitForTimeout(250);
      stored = (await readFile(lake.datasetPath, 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
        .find((doc) => doc._id === 'drafts.policy-2024-food-delivery');
    }
    await page.screenshot({ path: join(SHOTS, '2-policy-edited.png') });
    expect(stored?.title).toMatch(/（征求意见稿）$/);
    const history = String(
      await lake.client().request({
        url: `/data/history/production/transactions/drafts.policy-2024-food-delivery?excludeContent=true&reverse=true&limit=1`,
      }),
    );
    expect(JSON.parse(history.split('\n')[0]!)).toMatchObject({ id: stored?._rev, author: lake.users.editor.id });
    expect(await page.locator('body').innerText()).not.toContain('unable to recover');
    await page.close();
  });

  it('answered every request the Studio made to the local lake (the presence socket aside)', () => {
    expect(lakeErrors).toEqual([]);
  });
});
