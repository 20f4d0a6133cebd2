/**
 * The pages of the site identity and of 建议提案办理复文 in Chromium: each passes axe (WCAG 2.2 AA),
 * fits a 320 px and a 375 px wide phone screen without sideways scrolling (footer included), and the
 * footer's 网站地图 and 联系我们 lead where they say.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, browserSkipReason, describeViolations } from '../helpers/browser.ts';
import { siteInBrowser } from '../helpers/siteInBrowser.ts';

const PAGES = ['/sitemap/', '/contact/', '/xxgk/proposals/', '/xxgk/proposals/2025-zx-0056-prepaid-cards/'];

describe.skipIf(browserSkipReason !== null)(browserSkipReason ?? 'site identity and proposal replies in a browser', () => {
  const site = siteInBrowser();

  it.each(PAGES)('%s passes axe and does not scroll sideways at 320 and 375 px', async (path) => {
    for (const width of [320, 375]) {
      const context = await site.newContext({ viewport: { width, height: 667 } });
      const page = await context.newPage();
      expect((await page.goto(path))?.status(), path).toBe(200);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, `${path} at ${width} px`).toBeLessThanOrEqual(width);
      if (width === 375) {
        const violations = await axeViolations(page);
        expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
      }
    }
  });

  it('takes a reader from the footer to 网站地图 and 联系我们', async () => {
    const page = await (await site.newContext()).newPage();
    await page.goto('/');
    const footer = page.getByRole('contentinfo');
    await footer.getByRole('link', { name: '网站地图' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('网站地图');
    await page.getByRole('contentinfo').getByRole('link', { name: '联系我们' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('联系我们');
  });
});
