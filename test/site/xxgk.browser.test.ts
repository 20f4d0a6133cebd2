/**
 * The 政府信息公开 section as a citizen or an inspector reaches it: from the navigation and the
 * footer to the landing page, from there to every part; each page clean under axe (WCAG 2.2 AA);
 * the content editors keep in the Studio (guide, rules, 机构职能, 领导信息, 基本目录) and the office's
 * contact from the one 网站设置 document shown as stored in the sample dataset; the application
 * form printable on one page, without script.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATASET, readDataset } from '../../core/content/dataset.ts';
import type { StoredDocument } from '../../core/model/datasetRules.ts';
import { isPublishedId } from '../../core/model/documentTypes.ts';
import { axeViolations, browserSkipReason, describeViolations } from '../helpers/browser.ts';
import { siteInBrowser } from '../helpers/siteInBrowser.ts';

const SECTION = '政府信息公开';
const PAGES = ['/xxgk/', '/xxgk/guide/', '/xxgk/rules/', '/xxgk/statutory/', '/xxgk/basic-catalog/', '/xxgk/apply/', '/xxgk/apply/form/'];

if (browserSkipReason) console.warn(browserSkipReason);

describe.skipIf(browserSkipReason !== null)(browserSkipReason ?? 'the 政府信息公开 section in a browser', () => {
  const site = siteInBrowser();
  let published: StoredDocument[];

  const ofType = (type: string) => published.filter((doc) => doc._type === type);
  const byOrder = (a: StoredDocument, b: StoredDocument) => (a.order as number) - (b.order as number);

  beforeAll(async () => {
    published = (await readDataset(DEFAULT_DATASET)).documents.filter((doc) => isPublishedId(doc._id));
  });

  async function open(path: string, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
    const context = await site.newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      viewport: { width: options.width ?? 1280, height: 900 },
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const response = await page.goto(path);
    expect(response?.status(), `status of ${path}`).toBe(200);
    return page;
  }

  const main = (page: Page) => page.getByRole('main');

  it('is one entry of the main navigation and of the footer, and its landing page links every part, each of which opens', async () => {
    const home = await open('/');
    const navLink = home.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: SECTION, exact: true });
    expect(await navLink.getAttribute('href')).toBe('/xxgk/');
    expect(await home.getByRole('contentinfo').getByRole('link', { name: SECTION, exact: true }).getAttribute('href')).toBe('/xxgk/');

    await navLink.click();
    await home.waitForURL('**/xxgk/');
    expect(await home.getByRole('heading', { level: 1 }).textContent()).toBe(SECTION);
    const parts = await main(home)
      .getByRole('heading', { level: 2 })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(parts.map(([name]) => name)).toEqual([
      '政府信息公开指南',
      '政府信息公开制度',
      '法定主动公开内容',
      '主动公开基本目录',
      '主动公开目录',
      '政府信息公开年报',
      '建议提案办理复文',
      '依申请公开',
    ]);
    for (const [name, href] of parts) {
      const response = await home.request.get(href!);
      expect(response.status(), `${name} → ${href}`).toBe(200);
    }
  });

  for (const path of PAGES) {
    it(`${path} passes axe (WCAG 2.2 AA), marks 政府信息公开 as the current section and does not scroll sideways at 375 px`, async () => {
      const page = await open(path);
      const violations = await axeViolations(page);
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
      const current = page.getByRole('navigation', { name: '主导航' }).locator('[aria-current="page"]');
      expect(await current.textContent()).toBe(SECTION);

      const phone = await open(path, { width: 375 });
      const widths = await phone.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(widths[0], `${path} at 375 px: page ${widths[0]} px wide`).toBeLessThanOrEqual(widths[1]!);
    });
  }

  it('the guide and 依申请公开 show the office as the 网站设置 hold it, with the channels and the form', async () => {
    const [settings] = ofType('siteSettings');
    const office = settings!.office as Record<string, string>;
    const [guide] = ofType('disclosureGuide');
    for (const path of ['/xxgk/guide/', '/xxgk/apply/']) {
      const page = await open(path);
      const text = await main(page).innerText();
      for (const value of [office.officeName, office.address, office.hours, office.phone, office.fax, office.email]) {
        expect(text, `${path} shows ${value}`).toContain(value);
      }
      expect(await main(page).getByRole('link', { name: office.email! }).first().getAttribute('href')).toBe(`mailto:${office.email}`);
      expect(await main(page).getByRole('link', { name: '政府信息公开申请表' }).getAttribute('href')).toBe('/xxgk/apply/form/');
    }
    const guidePage = await open('/xxgk/guide/');
    expect(await guidePage.getByRole('heading', { level: 1 }).textContent()).toBe(guide!.title);
    // 条例 第二十四条 etc. are the editors' words: the page shows the guide's own text, both parts in their places.
    const request = guide!.requestBody as { children: { text: string }[] }[];
    const applyText = await main(await open('/xxgk/apply/')).innerText();
    expect(applyText).toContain(request[1]!.children[0]!.text);
    expect(await main(guidePage).innerText()).not.toContain(request[1]!.children[0]!.text);
  });

  it('the rules page lists every released rule in its order, each opening on a page with its 索引号 and text, axe clean', async () => {
    const rules = ofType('disclosureRule').sort(byOrder);
    const page = await open('/xxgk/rules/');
    const links = main(page).getByRole('heading', { level: 2 }).getByRole('link');
    expect(await links.allTextContents()).toEqual(rules.map((rule) => rule.title));
    await links.last().click();
    await page.waitForURL(`**/xxgk/rules/${(rules.at(-1)!.slug as { current: string }).current}/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(rules.at(-1)!.title);
    expect(await main(page).innerText()).toContain(rules.at(-1)!.indexNumber as string);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('the guide and the rules are in the 主动公开目录, each linked to its page, axe clean there too', async () => {
    const page = await open('/catalog/genre/disclosure-rule/');
    const hrefs = await main(page)
      .locator('tbody a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const rules = ofType('disclosureRule').map((rule) => `/xxgk/rules/${(rule.slug as { current: string }).current}/`);
    expect(hrefs.sort()).toEqual(rules.sort());
    const guidePage = await open('/catalog/genre/disclosure-guide/');
    const [guide] = ofType('disclosureGuide');
    expect(
      await main(guidePage)
        .getByRole('link', { name: guide!.title as string })
        .getAttribute('href'),
    ).toBe(`/xxgk/guide/${(guide!.slug as { current: string }).current}/`);
    // The revision's own page: its 索引号, and axe clean like the section's pages.
    const revision = await open(`/xxgk/guide/${(guide!.slug as { current: string }).current}/`);
    expect(await main(revision).innerText()).toContain(guide!.indexNumber as string);
    const violations = await axeViolations(revision);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('法定主动公开内容 lists the leaders in order, the 内设机构 with their 职责 and the address from the settings', async () => {
    const page = await open('/xxgk/statutory/');
    const leaders = ofType('leader').sort(byOrder);
    const names = await main(page).getByRole('region', { name: '领导信息' }).getByRole('heading', { level: 3 }).allTextContents();
    expect(names).toEqual(leaders.map((leader) => `${leader.name}${leader.post}`));
    const units = ofType('department')
      .filter((unit) => unit.functions)
      .sort(byOrder);
    const region = main(page).getByRole('region', { name: '机构职能' });
    expect(await region.locator('dt').allTextContents()).toEqual(units.map((unit) => unit.name));
    const [settings] = ofType('siteSettings');
    expect(await region.innerText()).toContain((settings!.office as Record<string, string>).address);
  });

  it('主动公开基本目录 has a row per committed item, with its department, time limit and channels', async () => {
    const commitments = ofType('disclosureCommitment');
    const departments = new Map(ofType('department').map((doc) => [doc._id, doc.name as string]));
    const page = await open('/xxgk/basic-catalog/');
    const rows = main(page).locator('tbody tr');
    expect(await rows.count()).toBe(commitments.length);
    const first = commitments.sort(byOrder)[0]!;
    const cells = await rows.first().locator('th, td').allTextContents();
    expect(cells).toEqual([
      '1',
      first.item,
      first.scope,
      departments.get((first.department as { _ref: string })._ref),
      first.timeLimit,
      expect.any(String),
    ]);
  });

  it('the application form prints on one A4 page without the site around it, and has no script', async () => {
    const page = await open('/xxgk/apply/form/', { javaScriptEnabled: false });
    expect(await page.locator('main script').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    for (const furniture of ['.site-header', '.main-nav', '.site-footer', '.breadcrumbs']) {
      expect(await page.locator(furniture).first().isVisible(), `${furniture} hidden in print`).toBe(false);
    }
    expect(await page.getByRole('table').isVisible()).toBe(true);
    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length, 'pages of the printed form').toBe(1);
  });
});
