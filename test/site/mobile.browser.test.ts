/**
 * Phones and older readers (适老化), in Chromium: at 320, 375 and 414 px wide, in standard and large
 * text, no page scrolls sideways; at 375 × 667 the header leaves three quarters of the screen to the
 * page, search results come before their facets (which wait behind a disclosure), and the high-
 * contrast mode is offered, remembered, followed from the system setting without script, and
 * passes axe's colour-contrast rules.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, browserSkipReason, describeViolations } from '../helpers/browser.ts';
import { siteInBrowser } from '../helpers/siteInBrowser.ts';

const PHONE = { width: 375, height: 667 };
const WIDTHS = [320, 375, 414];
const SEARCH = `/search/?q=${encodeURIComponent('预付式消费')}`;

describe.skipIf(browserSkipReason !== null)(browserSkipReason ?? 'on a phone, for older readers', () => {
  const site = siteInBrowser();
  /** Home, a list, a document, search and the catalogue: one page of each kind a reader meets. */
  let pages: string[];

  beforeAll(async () => {
    const page = await open('/policies/');
    const policy = await page
      .getByRole('main')
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? '').find((href) => /^\/policies\/[^/]+\/$/.test(href)));
    expect(policy, 'a policy linked from its list').toBeTruthy();
    pages = ['/', '/policies/', policy!, SEARCH, '/catalog/'];
  });

  interface Options {
    width?: number;
    large?: boolean;
    javaScriptEnabled?: boolean;
    contrast?: 'more' | 'no-preference';
  }

  async function open(
    path: string,
    { width = PHONE.width, large = false, javaScriptEnabled = true, contrast }: Options = {},
  ): Promise<Page> {
    const context = await site.newContext({
      viewport: { width, height: PHONE.height },
      javaScriptEnabled,
      ...(contrast ? { contrast } : {}),
    });
    context.setDefaultTimeout(10_000);
    // The reader's earlier choice, as the 大字号 switch stores it.
    if (large) await context.addInitScript(() => localStorage.setItem('textSize', 'large'));
    const page = await context.newPage();
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    if (path.startsWith('/search/') && javaScriptEnabled) await settled(page);
    return page;
  }

  /** The search page has drawn its results. */
  async function settled(page: Page): Promise<void> {
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/共找到 \d+ 条结果/);
  }

  const rootFontSize = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

  it('no page is wider than the screen, at 320, 375 and 414 px, in standard and large text', async () => {
    const tooWide: string[] = [];
    for (const large of [false, true]) {
      for (const width of WIDTHS) {
        for (const path of pages) {
          const page = await open(path, { width, large });
          if (large) expect(await rootFontSize(page), 'large text is on').toBeGreaterThan(20);
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          if (scrollWidth > width) tooWide.push(`${path} at ${width} px${large ? ' (大字号)' : ''}: ${scrollWidth} px wide`);
        }
        await site.closeContexts();
      }
    }
    expect(tooWide).toEqual([]);
  });

  it('the header takes at most a quarter of a 375 × 667 screen, in standard and large text', async () => {
    for (const large of [false, true]) {
      for (const path of pages) {
        const page = await open(path, { large });
        const contentTop = await page.evaluate(() => document.querySelector('main')!.getBoundingClientRect().top);
        expect(contentTop, `${path}${large ? ' (大字号)' : ''}: the page starts ${contentTop} px down`).toBeLessThanOrEqual(
          PHONE.height / 4,
        );
        // Everything in it is still there: name, search, the two switches, every section.
        expect(await page.getByRole('search').first().getByRole('searchbox').isVisible()).toBe(true);
        expect(await page.getByRole('button', { name: /大字号|标准字号/ }).isVisible()).toBe(true);
        expect(await page.getByRole('button', { name: /高对比度|标准对比度/ }).isVisible()).toBe(true);
      }
    }
  });

  it('the home page has one search box, and every page an SVG favicon', async () => {
    const page = await open('/');
    expect(await page.getByRole('searchbox').count()).toBe(1);
    for (const path of pages) {
      await page.goto(path);
      const href = await page.locator('link[rel="icon"]').getAttribute('href');
      const icon = await page.context().request.get(href!);
      expect(icon.status(), `${path}: ${href}`).toBe(200);
      expect(icon.headers()['content-type']).toContain('image/svg+xml');
      expect(await icon.text()).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
  });

  it('the catalogue keeps each date on one line, in large text too', async () => {
    for (const large of [false, true]) {
      const page = await open('/catalog/', { large });
      const lines = await page.locator('.catalog td.date').evaluateAll((cells) =>
        cells.map((cell) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
        }),
      );
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.filter((count) => count !== 1)).toEqual([]);
    }
  });

  it('on a phone, search results come first and the facets wait behind 筛选结果', async () => {
    const page = await open(SEARCH);
    const firstResult = page.locator('#search-results > li').first();
    const facets = page.locator('details.search-facets-panel');
    expect(await facets.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    const sectionFacet = page.getByRole('group', { name: '栏目' });
    expect(await sectionFacet.isVisible()).toBe(false);
    const resultTop = (await firstResult.boundingBox())!.y;
    expect(resultTop, 'the first result is on the first screen').toBeLessThan(PHONE.height);
    expect(resultTop).toBeLessThan((await facets.boundingBox())!.y);

    await facets.getByText('筛选结果').click();
    expect(await sectionFacet.isVisible()).toBe(true);
    expect(await sectionFacet.getByRole('checkbox').count()).toBeGreaterThan(0);
  });

  it('on a wide screen the facets are open beside the results', async () => {
    const page = await open(SEARCH, { width: 1280 });
    expect(await page.getByRole('group', { name: '栏目' }).isVisible()).toBe(true);
    const results = (await page.locator('#search-results').boundingBox())!;
    const facets = (await page.locator('#search-facets').boundingBox())!;
    expect(facets.x).toBeGreaterThanOrEqual(results.x + results.width);
  });

  /** Text and background colours of the body, and of the first link in the main content. */
  const colours = (page: Page) =>
    page.evaluate(() => {
      const body = getComputedStyle(document.body);
      const link = getComputedStyle(document.querySelector('main a')!);
      return { background: body.backgroundColor, text: body.color, link: link.color };
    });
  const STANDARD = { background: 'rgb(255, 255, 255)', text: 'rgb(26, 26, 26)' };
  const HIGH = { background: 'rgb(0, 0, 0)', text: 'rgb(255, 255, 255)', link: 'rgb(255, 255, 0)' };

  it('high contrast: the switch turns the page light on black and is remembered', async () => {
    const page = await open(pages[2]!);
    expect(await colours(page)).toMatchObject(STANDARD);
    const toggle = page.getByRole('button', { name: '高对比度' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await expect.poll(() => colours(page)).toEqual(HIGH);
    expect(await page.getByRole('button', { name: '标准对比度' }).getAttribute('aria-pressed')).toBe('true');

    // On paper it is black on white: a black page would not print.
    await page.emulateMedia({ media: 'print' });
    expect(await colours(page)).toMatchObject({ background: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)' });
    await page.emulateMedia({ media: 'screen' });

    await page.goto('/catalog/');
    expect(await colours(page)).toEqual(HIGH);
    await page.getByRole('button', { name: '标准对比度' }).click();
    await expect.poll(() => colours(page)).toMatchObject(STANDARD);
    await page.reload();
    expect(await colours(page)).toMatchObject(STANDARD);
  });

  it("high contrast follows the system's setting without any script, and the reader's choice wins over it", async () => {
    const page = await open(pages[2]!, { javaScriptEnabled: false, contrast: 'more' });
    expect(await colours(page)).toEqual(HIGH);
    // A button that would do nothing is not offered.
    expect(await page.getByRole('button', { name: '高对比度' }).isVisible()).toBe(false);

    const scripted = await open(pages[2]!, { contrast: 'more' });
    const toggle = scripted.getByRole('button', { name: '标准对比度' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await expect.poll(() => colours(scripted)).toMatchObject(STANDARD);
    await scripted.reload();
    expect(await colours(scripted)).toMatchObject(STANDARD);
  });

  it('high contrast and large text pass axe (colour contrast included) on every kind of page, at 375 px', async () => {
    // A filtered page of the catalogue too: its filters are links in a narrow box.
    for (const path of [...pages, '/catalog/genre/policy/']) {
      const page = await open(path, { large: true, contrast: 'more' });
      expect(await colours(page)).toEqual(HIGH);
      const violations = await axeViolations(page);
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
    }
  });
});
