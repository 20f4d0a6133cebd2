/**
 * What the public sees, in a real browser: the site built by test/globalSetup.ts, served as
 * a plain static host, opened in Chromium. Pages are found by following links from the
 * list pages, as a reader would, and checked by visible text and role; axe-core checks one
 * page of every template against WCAG 2.2 AA.
 */
import type { Locator, Page, Request, Route } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, browserSkipReason, describeViolations } from '../helpers/browser.ts';
import { siteInBrowser } from '../helpers/siteInBrowser.ts';

const SITE_NAME = '株洲市市场监督管理局政务公开';
const SECTIONS = ['政策文件', '政策解读', '12315 工作情况', '双随机抽查', '商标品牌', '政府信息公开', '主动公开目录'];
/** A document page of a section: one path segment below it (lists and filters have more, or none). */
const DOCUMENT = {
  policy: /^\/policies\/[^/]+\/$/,
  interpretation: /^\/interpretations\/[^/]+\/$/,
  analysis: /^\/12315\/[^/]+\/$/,
  plan: /^\/inspections\/plans\/[^/]+\/$/,
  result: /^\/inspections\/results\/[^/]+\/$/,
  news: /^\/trademarks\/[^/]+\/$/,
};
const RESULTS_FOR = /共找到 (\d+) 条结果/;

if (browserSkipReason) console.warn(browserSkipReason);

describe.skipIf(browserSkipReason !== null)(browserSkipReason ?? 'the public site in a browser', () => {
  const site = siteInBrowser();
  let pageErrors: string[] = [];

  afterEach(async () => {
    await site.closeContexts();
    const errors = pageErrors;
    pageErrors = [];
    expect(errors, 'uncaught errors in the page').toEqual([]);
  });

  /** A fresh browser tab (own cookies and storage) at `path`. */
  async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await site.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    const response = await page.goto(path);
    expect(response?.status(), `status of ${path}`).toBe(200);
    return page;
  }

  /** The `nth` link in the main content whose address matches `pattern`. */
  async function linkTo(page: Page, pattern: RegExp, nth = 0): Promise<Locator> {
    const links = page.getByRole('main').getByRole('link');
    const hrefs = await links.evaluateAll((elements) => elements.map((a) => a.getAttribute('href') ?? ''));
    const matching = hrefs.flatMap((href, index) => (pattern.test(href) ? [index] : []));
    expect(matching.length, `links to ${pattern} on ${page.url()}`).toBeGreaterThan(nth);
    return links.nth(matching[nth]!);
  }

  async function hrefOf(link: Locator): Promise<string> {
    return (await link.getAttribute('href'))!;
  }

  /** Address of the first link matching `pattern` on the list page `listPath`. */
  async function findPage(listPath: string, pattern: RegExp): Promise<string> {
    const page = await open(listPath);
    return hrefOf(await linkTo(page, pattern));
  }

  const heading = (page: Page) => page.getByRole('heading', { level: 1 });
  const pathOf = (page: Page) => new URL(page.url()).pathname;
  /** Waits until the tab shows a page whose path matches `pattern`. */
  const landOn = (page: Page, pattern: RegExp) => page.waitForURL((url) => pattern.test(url.pathname));

  /** Waits for the search page to show its result count, and returns it. */
  /**
   * The result count once the newest search has drawn. The status keeps the last search's
   * count until the new results arrive, so it is read only when the results are no longer
   * busy (a search started by a click has set aria-busy before the click returns).
   */
  async function searchSettled(page: Page): Promise<number> {
    await page.locator('#search-results[aria-busy="false"]').waitFor({ state: 'attached' });
    const status = page.getByRole('status').filter({ hasText: RESULTS_FOR });
    await status.waitFor();
    return Number(RESULTS_FOR.exec((await status.textContent())!)![1]);
  }

  const searchResults = (page: Page) =>
    page
      .getByRole('main')
      .getByRole('listitem')
      .filter({ has: page.locator('.meta') });

  /** Every search hit shown: its title link text, meta line and the words highlighted in it. */
  async function shownHits(page: Page) {
    return searchResults(page).evaluateAll((items) =>
      items.map((item) => ({
        title: item.querySelector('a')?.textContent?.trim() ?? '',
        href: item.querySelector('a')?.getAttribute('href') ?? '',
        meta: item.querySelector('.meta')?.textContent ?? '',
        marks: [...item.querySelectorAll('mark')].map((mark) => mark.textContent ?? ''),
      })),
    );
  }

  async function expectResultsFor(page: Page, word: string): Promise<void> {
    expect(await searchSettled(page)).toBeGreaterThan(0);
    const hits = await shownHits(page);
    expect(
      hits.some((hit) => hit.title.includes(word)),
      `a result titled with “${word}”: ${hits.map((h) => h.title).join(' | ')}`,
    ).toBe(true);
    const marks = hits.flatMap((hit) => hit.marks);
    expect(marks.length, 'highlighted words').toBeGreaterThan(0);
    // Chinese text is segmented into words, so the query's words are marked one by one.
    expect(
      marks.some((mark) => mark.length > 0 && word.includes(mark)),
      `marks ${marks.join(', ')}`,
    ).toBe(true);
    expect(
      marks.every((mark) => [...mark].some((char) => word.includes(char))),
      `marks ${marks.join(', ')}`,
    ).toBe(true);
  }

  it('home page: language, site name, working section links and a search box', async () => {
    const page = await open('/');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => heading(page).textContent()).toBe(SITE_NAME);
    await page.getByRole('banner').getByRole('searchbox', { name: '搜索本站' }).waitFor();

    const nav = page.getByRole('navigation', { name: '主导航' }).getByRole('link');
    expect(await nav.allTextContents()).toEqual(SECTIONS);
    for (const link of await nav.all()) {
      const name = (await link.textContent())!;
      const response = await page.context().request.get(await hrefOf(link));
      expect(response.status(), name).toBe(200);
    }
    // Following one the way a reader does lands on that section, marked as current.
    await nav.filter({ hasText: '政策文件' }).click();
    await page.waitForURL('**/policies/');
    expect(await heading(page).textContent()).toBe('政策文件');
    expect(
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '政策文件' }).getAttribute('aria-current'),
    ).toBe('page');
  });

  it('policy and interpretation link to each other', async () => {
    const page = await open('/policies/');
    const first = await linkTo(page, DOCUMENT.policy);
    const title = (await first.textContent())!.trim();
    const policyPath = await hrefOf(first);
    await first.click();
    await page.waitForURL(`**${policyPath}`);
    expect(await heading(page).textContent()).toBe(title);

    const metadata = page.getByRole('table', { name: '文件信息' });
    for (const label of ['索引号', '发文字号']) {
      const row = metadata.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
      expect((await row.getByRole('cell').textContent())?.trim(), label).toBeTruthy();
    }

    const related = page.getByRole('complementary', { name: '相关解读' }).getByRole('link');
    expect(await related.isVisible()).toBe(true);
    await related.click();
    await landOn(page, DOCUMENT.interpretation);
    const back = page.getByRole('complementary', { name: '相关文件' }).getByRole('link');
    expect((await back.textContent())?.trim()).toBe(title);
    await back.click();
    await page.waitForURL(`**${policyPath}`);
    expect(await heading(page).textContent()).toBe(title);
  });

  it('a repealed policy and its interpretation both say it is repealed', async () => {
    const page = await open('/policies/');
    await page
      .getByRole('navigation', { name: '筛选' })
      .getByRole('link', { name: /^已废止/ })
      .click();
    await page.waitForURL('**/policies/validity/repealed/');
    await (await linkTo(page, DOCUMENT.policy)).click();
    await landOn(page, DOCUMENT.policy);
    await page.getByRole('note').filter({ hasText: '已废止' }).waitFor();
    await page.getByRole('complementary', { name: '相关解读' }).getByRole('link').click();
    await landOn(page, DOCUMENT.interpretation);
    await page.getByRole('note').filter({ hasText: '已废止' }).waitFor();
  });

  it('search page: results with highlighted words, open a result', async () => {
    const word = '预付式消费';
    const page = await open(`/search/?q=${encodeURIComponent(word)}`);
    await expectResultsFor(page, word);
    const [hit] = await shownHits(page);
    await searchResults(page).first().getByRole('link').click();
    await page.waitForURL(`**${hit!.href}`);
    expect(await heading(page).textContent()).toBe(hit!.title);
  });

  it('search page says what it did: 也搜索了, a missing 发文字号 with the nearest ones, 已废止 with what replaced it', async () => {
    const words = await open(`/search/?q=${encodeURIComponent('个体工商户年报')}`);
    await words.getByRole('status').filter({ hasText: '也搜索了：年度报告' }).waitFor();

    const number = await open(`/search/?q=${encodeURIComponent('株市监发2022年10号')}`);
    await number
      .getByRole('status')
      .filter({ hasText: '没有文号为株市监发〔2022〕10号的文件。文号相近的文件：株市监发〔2022〕9号' })
      .waitFor();
    expect(await searchResults(number).count()).toBe(5);

    const repealed = await open(`/search/?q=${encodeURIComponent('预付式消费')}`);
    await searchSettled(repealed);
    const old = searchResults(repealed).filter({ has: repealed.locator('a[href="/policies/2022-prepaid-consumption/"]') });
    await old.locator('.tag', { hasText: '已废止' }).waitFor();
    await old.locator('.replaced-by a[href="/policies/2024-prepaid-consumption/"]').waitFor();
  });

  it('header search box: type a word, press Enter, see results', async () => {
    const word = '电梯';
    const page = await open('/');
    const box = page.getByRole('banner').getByRole('searchbox', { name: '搜索本站' });
    await box.fill(word);
    await box.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe(word);
    await expectResultsFor(page, word);
  });

  it('search: a question in plain words finds its answer; 显示更多 adds the next results, no repeats', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('预付卡里的钱商家不退怎么办？')}`);
    expect(await searchSettled(page)).toBeGreaterThan(0);
    const [first] = await shownHits(page);
    expect(first!.title).toContain('预付');
    expect(first!.marks.length).toBeGreaterThan(0);

    const many = await open(`/search/?q=${encodeURIComponent('市场监督管理')}`);
    const total = await searchSettled(many);
    expect(total, 'enough results for a second page').toBeGreaterThan(10);
    expect(await searchResults(many).count()).toBe(10);
    const more = many.getByRole('button', { name: '显示更多结果' });
    await more.click();
    await expect.poll(() => searchResults(many).count()).toBe(Math.min(20, total));
    const hrefs = (await shownHits(many)).map((hit) => hit.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    if (total <= 20) expect(await more.isHidden()).toBe(true);
  });

  it('search facets narrow the results and sorting by date orders them', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('预付式消费')}`);
    const total = await searchSettled(page);
    const group = page.getByRole('group', { name: '栏目' });
    const options = (
      await group.getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => box.parentElement?.textContent?.trim() ?? ''))
    )
      .map((label) => /^(?<name>.+)（(?<count>\d+)）$/.exec(label)?.groups as { name: string; count: string })
      .filter((option) => Number(option.count) > 0 && Number(option.count) < total)
      .sort((a, b) => Number(b.count) - Number(a.count));
    expect(options.length, 'a section facet that narrows the results').toBeGreaterThan(0);
    const { name, count } = options[0]!;
    // The facets are redrawn with new counts once the results change; find the box by its label.
    const checkbox = group.getByRole('checkbox', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}（`) });

    await checkbox.check();
    await page.waitForURL(/[?&]section=/);
    expect(new URL(page.url()).searchParams.getAll('section')).toEqual([name]);
    expect(await searchSettled(page)).toBe(Number(count));
    const hits = await shownHits(page);
    // Ten to a page; 显示更多 shows the rest.
    expect(hits.length).toBe(Math.min(Number(count), 10));
    for (const hit of hits) expect(hit.meta, hit.title).toContain(name);
    expect(await checkbox.isChecked()).toBe(true);

    await page.getByLabel('排序').selectOption({ label: '发布日期（新→旧）' });
    await page.waitForURL(/[?&]sort=newest/);
    await searchSettled(page);
    const dates = (await shownHits(page)).map((hit) => /\d{4}-\d{2}-\d{2}/.exec(hit.meta)?.[0] ?? '');
    expect(dates.length).toBeGreaterThan(1);
    expect(dates.every(Boolean), `every result shows a date: ${dates.join(', ')}`).toBe(true);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('search: an earlier search that finishes later never draws over the newer one', async () => {
    // The first query's index files are held back until the second query has been answered.
    const context = await site.newContext();
    context.setDefaultTimeout(10_000);
    const held: Route[] = [];
    let holding = false;
    let lastIndexActivity = Date.now();
    // Every index file but the manifest carries the build number (?v=…).
    await context.route(/\/search-index\/.*\?v=/, (route) => (holding ? held.push(route) : route.continue()));
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    const noteIndexActivity = (request: Request) => {
      if (request.url().includes('/search-index/')) lastIndexActivity = Date.now();
    };
    page.on('request', noteIndexActivity);
    page.on('requestfinished', noteIndexActivity);
    page.on('requestfailed', noteIndexActivity);
    await page.goto('/search/');
    const box = page.getByRole('main').getByRole('searchbox');

    holding = true;
    await box.fill('预付式消费');
    await box.press('Enter');
    await expect.poll(() => held.length, { message: 'index files of the first query, held back' }).toBeGreaterThan(0);
    holding = false;
    await box.fill('电梯');
    await box.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === '电梯');
    const newer = await searchSettled(page);
    const newerTitles = (await shownHits(page)).map((hit) => hit.title);
    expect(
      newerTitles.some((title) => title.includes('电梯')),
      newerTitles.join(' | '),
    ).toBe(true);

    // The first query now gets its files and finishes; nothing it finds may reach the screen.
    await Promise.all(held.map((route) => route.continue()));
    await expect.poll(() => Date.now() - lastIndexActivity, { timeout: 10_000 }).toBeGreaterThan(500);
    expect(await page.getByRole('status').textContent()).toContain('电梯');
    expect(await searchSettled(page)).toBe(newer);
    expect((await shownHits(page)).map((hit) => hit.title)).toEqual(newerTitles);
    expect(await box.inputValue()).toBe('电梯');
  });

  it('12315: the newest analysis shows its figures table and an accessible chart', async () => {
    const page = await open('/12315/');
    await (await linkTo(page, DOCUMENT.analysis)).click();
    await landOn(page, DOCUMENT.analysis);
    const table = page.getByRole('table', { name: /受理情况/ });
    const headers = (await table.getByRole('columnheader').allTextContents()).map((text) => text.trim());
    const columns = ['环比', '同比'].map((name) => headers.indexOf(name));
    expect(
      columns.every((column) => column > 0),
      headers.join(', '),
    ).toBe(true);
    for (const kind of ['咨询', '投诉', '举报']) {
      const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: kind, exact: true }) });
      const cells = (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
      // Cells come after the row header, so column n is cell n - 1.
      for (const column of columns) expect(cells[column - 1], `${kind} · ${headers[column]}`).toMatch(/上升|下降|持平/);
    }
    const chart = page.getByRole('main').locator('svg[role="img"]').first();
    expect((await chart.locator(':scope > title').textContent())?.trim()).toBeTruthy();
    expect(await chart.isVisible()).toBe(true);
  });

  it('inspection results: find one enterprise by credit code, download CSV and JSON', async () => {
    const page = await open('/inspections/');
    await (await linkTo(page, DOCUMENT.result)).click();
    await landOn(page, DOCUMENT.result);
    const table = page.getByRole('table', { name: '抽查结果' });
    const headers = (await table.getByRole('columnheader').allTextContents()).map((text) => text.trim());
    const codeColumn = headers.indexOf('统一社会信用代码');
    expect(codeColumn, headers.join(', ')).toBeGreaterThan(-1);
    const rows = table.locator('tbody').getByRole('row');
    const rowCount = await rows.count();
    expect(rowCount).toBeGreaterThan(1);
    const code = (await rows
      .nth(rowCount - 1)
      .getByRole('cell')
      .nth(codeColumn)
      .textContent())!.trim();
    expect(code).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/);

    await page.getByLabel('按企业名称或统一社会信用代码查找').fill(code);
    const visible = rows.filter({ visible: true });
    await expect.poll(() => visible.count()).toBe(1);
    expect(await visible.textContent()).toContain(code);

    for (const name of ['下载 CSV', '下载 JSON']) {
      const href = await hrefOf(page.getByRole('link', { name }));
      const response = await page.context().request.get(new URL(href, page.url()).href);
      expect(response.status(), name).toBe(200);
      expect(await response.text(), name).toContain(code);
    }
  });

  it('keyboard: skip link first, it moves focus to the main content, focus is visible', async () => {
    const page = await open(await findPage('/policies/', DOCUMENT.policy));
    await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return {
          tag: element.tagName,
          id: element.id,
          text: element.textContent?.trim(),
          onScreen:
            box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
          outline: style.outlineStyle === 'none' || style.outlineWidth === '0px' ? 'none' : style.outlineStyle,
          boxShadow: style.boxShadow,
        };
      });
    const skip = await focused();
    expect(skip.text).toBe('跳到主要内容');
    expect(skip.onScreen, 'the skip link is shown when focused').toBe(true);

    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).tag).toBe('MAIN');

    await page.keyboard.press('Tab');
    const link = await focused();
    expect(link.tag).toBe('A');
    expect(link.outline !== 'none' || link.boxShadow !== 'none', `focus indicator: ${JSON.stringify(link)}`).toBe(true);
  });

  it('larger text: the switch enlarges the text and is remembered', async () => {
    const page = await open('/');
    const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await rootSize();
    await page.getByRole('button', { name: '大字号' }).click();
    await expect.poll(rootSize).toBeGreaterThan(normal);
    const large = await rootSize();

    await page.reload();
    expect(await rootSize()).toBe(large);
    const toggle = page.getByRole('button', { name: '标准字号' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await expect.poll(rootSize).toBe(normal);
    await page.reload();
    expect(await rootSize()).toBe(normal);
    expect(await page.getByRole('button', { name: '大字号' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('without JavaScript: documents and list filters work, search explains itself', async () => {
    const policyPath = await findPage('/policies/', DOCUMENT.policy);
    const withScript = await open(policyPath);
    const page = await open(policyPath, { javaScriptEnabled: false });
    expect(await page.getByRole('main').innerText()).toBe(await withScript.getByRole('main').innerText());
    expect(await heading(page).isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: '文件信息' }).getByRole('rowheader', { name: '索引号' }).isVisible()).toBe(true);
    expect(await page.getByRole('complementary', { name: '相关解读' }).getByRole('link').isVisible()).toBe(true);
    // A button that would do nothing is not offered.
    expect(await page.getByRole('button', { name: '大字号' }).isVisible()).toBe(false);

    await page.goto('/policies/');
    await page
      .getByRole('navigation', { name: '筛选' })
      .getByRole('link', { name: /^已废止/ })
      .click();
    await page.waitForURL('**/policies/validity/repealed/');
    expect(await heading(page).textContent()).toContain('已废止');
    const total = Number(/共 (\d+) 条/.exec(await page.getByRole('main').innerText())?.[1]);
    const links = page.getByRole('main').getByRole('link');
    const items = (
      await links.evaluateAll((elements) =>
        elements.map((a) => ({ href: a.getAttribute('href') ?? '', item: a.closest('li')?.textContent ?? '' })),
      )
    ).filter((link) => DOCUMENT.policy.test(link.href));
    expect(items.length).toBe(total);
    expect(total).toBeGreaterThan(0);
    for (const { href, item } of items) expect(item, href).toContain('已废止');

    await page.goto('/search/?q=双随机');
    expect(await page.getByText('搜索需要启用 JavaScript').isVisible()).toBe(true);
    expect(await page.getByRole('main').getByRole('link', { name: '主动公开目录' }).isVisible()).toBe(true);
  });

  describe('axe-core: no WCAG 2.2 A/AA violations, no landmark or heading problems', () => {
    // [template, page to open, and if given: the first link there to follow to the page to check].
    const templates: [name: string, path: string, follow?: RegExp][] = [
      ['home', '/'],
      ['policy list', '/policies/'],
      ['policy', '/policies/', DOCUMENT.policy],
      ['interpretation', '/interpretations/', DOCUMENT.interpretation],
      ['policy list by year', '/policies/', /^\/policies\/year\/\d{4}\/$/],
      ['interpretation list', '/interpretations/'],
      ['12315 list', '/12315/'],
      ['12315 analysis', '/12315/', DOCUMENT.analysis],
      ['inspections', '/inspections/'],
      ['inspection plan', '/inspections/', DOCUMENT.plan],
      ['inspection result notice', '/inspections/', DOCUMENT.result],
      ['trademark news list', '/trademarks/'],
      ['trademark news', '/trademarks/', DOCUMENT.news],
      ['catalogue', '/catalog/'],
      ['catalogue sorted by title', '/catalog/', /^\/catalog\/sort\/title\/$/],
      ['search results', `/search/?q=${encodeURIComponent('双随机')}`],
    ];

    for (const [name, start, follow] of templates) {
      it(name, async () => {
        const page = await open(start);
        if (follow) {
          const href = await hrefOf(await linkTo(page, follow));
          expect((await page.goto(href))?.status(), href).toBe(200);
        }
        if (start.startsWith('/search/')) {
          expect(await searchSettled(page)).toBeGreaterThan(0);
          await page.getByRole('group', { name: '栏目' }).waitFor();
        }
        const violations = await axeViolations(page);
        expect(violations, `${pathOf(page)}\n${describeViolations(violations)}`).toEqual([]);
      });
    }

    it('missing page (404)', async () => {
      const context = await site.newContext();
      const page = await context.newPage();
      const response = await page.goto('/no-such-page/');
      expect(response?.status()).toBe(404);
      expect(await heading(page).textContent()).toBe('页面不存在');
      const violations = await axeViolations(page);
      expect(violations, `/no-such-page/\n${describeViolations(violations)}`).toEqual([]);
    });
  });
});
