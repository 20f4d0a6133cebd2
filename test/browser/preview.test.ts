/**
 * A reviewer in a real browser: start at 待审签, open the pending pair as it will be
 * released, then its 修改对照 — every page marked as a preview and free of axe violations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, browserSkipReason, describeViolations, launchBrowser } from '../helpers/browser.ts';
import { serveSite, TEST_PREVIEW } from '../helpers/site.ts';

describe.skipIf(browserSkipReason !== null)('reviewers’ preview in Chromium', () => {
  let server: Awaited<ReturnType<typeof serveSite>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveSite(TEST_PREVIEW);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('goes from 待审签 to the pending pair and its changes view', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/review/`);
    expect(await page.locator('h1').textContent()).toBe('待审签');
    expect(await page.locator('.preview-banner').textContent()).toContain('草稿预览 · 非正式发布');
    expect(describeViolations(await axeViolations(page))).toBe('');

    // The pending pair as it will be released.
    await page
      .getByRole('link', { name: /长株潭消费投诉异地受理/ })
      .first()
      .click();
    await page.waitForURL(/\/policies\/2026-changzhutan-consumer\/$/);
    expect(await page.locator('.preview-banner').textContent()).toContain('待审签');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex, nofollow');
    expect(describeViolations(await axeViolations(page))).toBe('');
    // …with its interpretation, linked both ways.
    await page.locator('aside.related a').click();
    await page.waitForURL(/\/interpretations\//);
    expect(await page.locator('aside.related a').getAttribute('href')).toBe('/policies/2026-changzhutan-consumer/');

    // What changed: a new document says so.
    await page.getByRole('link', { name: '修改对照' }).first().click();
    await page.waitForURL(/\/changes\/interpretation-2026-changzhutan-consumer\/$/);
    expect(await page.locator('main').textContent()).toContain('此文档从未发布过');
    expect(describeViolations(await axeViolations(page))).toBe('');
    await context.close();
  });

  it('marks removed and added text in words, not colour alone, on a changed document', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/changes/policy-2024-food-delivery/`);
    const added = page.locator('.diff .added').first();
    expect(await added.textContent()).toContain('【新增】');
    // A changed paragraph names itself and its changed words (struck through, underlined, and named for screen readers).
    const changed = page.locator('.diff .changed').first();
    expect(await changed.textContent()).toContain('【修改】');
    expect(await changed.locator('del.words').first().textContent()).toBe('［删除：鼓励］');
    expect(await changed.locator('ins.words').first().textContent()).toBe('［新增：应当］');
    expect(
      await changed
        .locator('del.words')
        .first()
        .evaluate((el) => getComputedStyle(el).textDecorationLine),
    ).toBe('line-through');
    expect(
      await changed
        .locator('ins.words')
        .first()
        .evaluate((el) => getComputedStyle(el).textDecorationLine),
    ).toBe('underline');
    expect(await page.locator('.changes-table').textContent()).toContain('标题');
    expect(describeViolations(await axeViolations(page))).toBe('');
    await context.close();
  });
});
