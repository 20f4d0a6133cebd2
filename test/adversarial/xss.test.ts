/**
 * No script from content ever runs. The sample dataset with script payloads in every free-text
 * field (test/adversarial/xssDataset.ts) is built with the real `npm run build` and
 * `npm run build:preview`; Chromium opens every page and feed of both, clicks every button,
 * download and non-navigating link on the document pages, and runs the search pages with
 * payload queries. Each payload calls `__xss(n)`: the test fails on the first call, naming the
 * field. The payload text must be shown as text where its field is shown.
 *
 * Validation refuses a `javascript:` address in an asset or a link, so those are tried on the
 * renderers themselves (the Attachments component and the Portable Text renderer), which must
 * hold on their own: the Content Lake serves documents that never went through validation.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BUREAU } from '../../core/bureau/identity.ts';
import { toNdjson } from '../../core/content/ndjson.ts';
import { isPublicDocument, type StoredDocument } from '../../core/model/datasetRules.ts';
import { isSafeUrl } from '../../core/model/safeUrl.ts';
import { documentUrl } from '../../core/sections.ts';
import { portableTextHtml } from '../../site/lib/portableText.ts';
import { browserSkipReason, launchBrowser } from '../helpers/browser.ts';
import { ROOT, runNpm } from '../helpers/run.ts';
import { serveSite, siteFiles } from '../helpers/site.ts';
import { componentRenderer } from './renderAttachments.ts';
import { PAYLOADS, plantedDataset, type PlantedDataset } from './xssDataset.ts';

const WORK = join(ROOT, '.tmp', `xss-${process.pid}`);
const DOCUMENT_PAGE = /^\/(policies|interpretations|12315|trademarks|inspections\/plans|inspections\/results)\/[^/]+\/$/;
/** Attributes whose value a browser loads or navigates to. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcdoc'];

/** Which planted fields each type's page shows, by path with indices dropped. */
const SHOWN: Record<string, string[]> = {
  policy: ['title', 'summary', 'docNumber', 'issuer', 'body[].children[].text', 'attachments[].title'],
  interpretation: ['title', 'summary', 'interpreter', 'body[].children[].text', 'attachments[].title'],
  complaintAnalysis: ['title', 'summary', 'body[].children[].text', 'complaintCategories[].name', 'reportCategories[].name'],
  inspectionPlan: [
    'title',
    'body[].children[].text',
    'items[].category',
    'items[].item',
    'items[].target',
    'items[].subject',
    'items[].basis',
  ],
  inspectionResult: ['title', 'taskName', 'body[].children[].text', 'records[].enterpriseName', 'records[].note'],
  trademarkNews: ['title', 'source', 'body[].children[].text', 'attachments[].title'],
  proposalReply: ['title', 'session', 'number', 'proposer', 'leadUnit', 'body[].children[].text'],
  annualReport: ['title', 'overview', 'problems', 'otherMatters'],
  disclosureGuide: ['title', 'body[].children[].text'],
  disclosureRule: ['title', 'body[].children[].text'],
};

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What a page holds that could run or load something. */
interface PageRisks {
  urls: { tag: string; name: string; value: string }[];
  handlers: string[];
  frames: number;
  scriptsWithPayload: number;
}

function risksOnPage(attributes: string[]): PageRisks {
  const urls: PageRisks['urls'] = [];
  const handlers: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) handlers.push(`<${element.localName} ${name}="${attribute.value}">`);
      if (attributes.includes(name)) urls.push({ tag: element.localName, name, value: attribute.value });
    }
  }
  return {
    urls,
    handlers,
    frames: document.querySelectorAll('iframe, frame, object, embed').length,
    scriptsWithPayload: [...document.querySelectorAll('script')].filter((s) => (s.textContent ?? '').includes('__xss')).length,
  };
}

describe.skipIf(browserSkipReason !== null)(browserSkipReason ?? 'no script from content runs, on the public site or the preview', () => {
  let dataset: PlantedDataset;
  let sites: Record<'public' | 'preview', { url: string; close: () => Promise<void>; root: string }>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Every call a payload made, and dialogs a payload opened, with where they came from. */
  const ran: string[] = [];

  const where = (n: unknown) => {
    const plant = typeof n === 'number' ? dataset.plantOf(n) : undefined;
    return plant ? `${plant.id} ${plant.path}（payload ${Number(n) % 100}）` : `payload ${String(n)}`;
  };

  beforeAll(async () => {
    dataset = plantedDataset();
    await rm(WORK, { recursive: true, force: true });
    await mkdir(WORK, { recursive: true });
    const datasetPath = join(WORK, 'planted.ndjson');
    await writeFile(datasetPath, toNdjson(dataset.documents));
    const built = {} as Record<'public' | 'preview', string>;
    for (const [kind, script] of [
      ['public', 'build'],
      ['preview', 'build:preview'],
    ] as const) {
      const out = join(WORK, kind);
      const result = runNpm([script, '--', '--out', out], { env: { CONTENT_DATASET: datasetPath }, timeout: 300_000 });
      if (result.status !== 0) throw new Error(`${script} of the planted dataset failed:\n${result.stdout}\n${result.stderr}`);
      built[kind] = out;
    }
    sites = {
      public: { ...(await serveSite(built.public)), root: built.public },
      preview: { ...(await serveSite(built.preview)), root: built.preview },
    };
    browser = await launchBrowser();
    // Downloads are accepted (and dropped with the context): a refused one navigates to an error page.
    context = await browser.newContext({ acceptDownloads: true });
    context.setDefaultTimeout(15_000);
    await context.exposeBinding('__xss', ({ frame }, n: unknown) => void ran.push(`${where(n)} ran on ${frame.url()}`));
    context.on('dialog', (dialog) => {
      ran.push(`dialog “${dialog.message()}” on ${dialog.page()?.url()}`);
      void dialog.dismiss();
    });
    page = await context.newPage();
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all(Object.values(sites ?? {}).map((site) => site.close()));
    await rm(WORK, { recursive: true, force: true });
  });

  async function risks(tab = page): Promise<PageRisks> {
    return tab.evaluate(risksOnPage, URL_ATTRIBUTES);
  }

  function expectNoRisks(found: PageRisks, url: string): void {
    const unsafe = found.urls.filter((u) => (u.name === 'srcdoc' ? true : !isSafeUrl(u.value)));
    expect(unsafe, `unsafe addresses on ${url}`).toEqual([]);
    expect(found.handlers, `inline event handlers on ${url}`).toEqual([]);
    expect(found.frames, `frames or objects on ${url}`).toBe(0);
    expect(found.scriptsWithPayload, `script elements holding a payload on ${url}`).toBe(0);
  }

  /**
   * Clicks each button, download and link that does not navigate to a page (coming back when a
   * click did navigate). Elements are marked in page order, so they are found again after a reload.
   */
  async function clickEverythingThatStays(tab: Page, url: string): Promise<number> {
    const mark = () =>
      tab.evaluate(() => {
        let count = 0;
        for (const element of document.querySelectorAll<HTMLElement>('button, a[href]')) {
          const href = element.getAttribute('href') ?? '';
          // A download from this site stays on the page; one from another host is a navigation.
          const download = element.hasAttribute('download') && new URL(href, location.href).origin === location.origin;
          const stays =
            element instanceof HTMLButtonElement ? element.type === 'button' : download || !/^(https?:|\/|\.|#|[^:]*$)/i.test(href);
          if (stays) element.dataset.xssClick = String(count++);
        }
        return count;
      });
    const count = await mark();
    for (let index = 0; index < count; index += 1) {
      const target = tab.locator(`[data-xss-click="${index}"]`);
      if (await target.isVisible()) await target.click({ noWaitAfter: true });
      else await target.dispatchEvent('click');
      await tab.waitForLoadState();
      if (tab.url() !== url || (await target.count()) === 0) {
        await tab.goto(url).catch(() => tab.goto(url)); // once more if a click's navigation interrupted it
        await mark();
      }
    }
    return count;
  }

  it('every page and feed of both builds: no payload runs, no unsafe address, no handler or frame from content', async () => {
    // One tab per build, side by side: the browser, the servers and this process take turns.
    const visit = async (kind: string, site: (typeof sites)['public']) => {
      const tab = kind === 'public' ? page : await context.newPage();
      const files = (await siteFiles(site.root)).filter((file) => /\.(html|xml)$/.test(file)).sort();
      expect(files.length, `${kind} pages`).toBeGreaterThan(50);
      let clicked = 0;
      for (const file of files) {
        const path = `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
        const url = `${site.url}${path}`;
        await tab.goto(url);
        if (file.endsWith('.html')) expectNoRisks(await risks(tab), `${kind} ${path}`);
        if (DOCUMENT_PAGE.test(path)) clicked += await clickEverythingThatStays(tab, url);
        expect(ran, `${kind} ${path}`).toEqual([]);
      }
      if (tab !== page) await tab.close();
      return { pages: files.length, clicked };
    };
    const counts = await Promise.all(Object.entries(sites).map(([kind, site]) => visit(kind, site)));
    const pages = counts.reduce((sum, c) => sum + c.pages, 0);
    const clicked = counts.reduce((sum, c) => sum + c.clicked, 0);
    // The text-size button and the attachments' downloads at least, on every document page.
    expect(clicked).toBeGreaterThan(pages / 4);
    expect(ran).toEqual([]);
  });

  it('each public document page shows its planted fields as text, the title in the tab too; the preview its drafts', async () => {
    const publicDocs = dataset.documents.filter(isPublicDocument) as (StoredDocument & { slug: { current: string } })[];
    const departments = new Map(dataset.plants.filter((p) => p.type === 'department' && p.path === 'name').map((p) => [p.id, p.value]));
    expect(publicDocs.length).toBeGreaterThan(50);
    for (const doc of publicDocs) {
      const path = documentUrl(doc);
      await page.goto(`${sites.public.url}${path}`);
      const text = await page.locator('main').textContent();
      const shown = dataset.plants.filter((p) => p.id === doc._id && SHOWN[doc._type]!.includes(p.path.replace(/\[\d+\]/g, '[]')));
      expect(shown.length, `${doc._id}: planted fields`).toBeGreaterThan(0);
      for (const plant of shown) expect(text?.includes(plant.value), `${path} shows ${plant.path} as text`).toBe(true);
      // 发布机构 is the bureau; the office that wrote the document (a policy's drafter, else its publisher) is named as 起草科室.
      const office = departments.get(((doc.drafter ?? doc.publisher) as { _ref: string })._ref);
      expect(text?.includes(`${BUREAU.name}`), `${path} shows the bureau as 发布机构`).toBe(true);
      expect(text?.includes(office!), `${path} shows its office's name`).toBe(true);
      expect(await page.title(), path).toContain(shown.find((p) => p.path === 'title')!.value);
    }
    // The preview shows each draft in place of its published version.
    const drafts = dataset.documents.filter((doc) => doc._id.startsWith('drafts.')) as (StoredDocument & { slug: { current: string } })[];
    expect(drafts.length).toBeGreaterThan(0);
    for (const draft of drafts) {
      const title = dataset.plants.find((p) => p.id === draft._id && p.path === 'title')!.value;
      await page.goto(`${sites.preview.url}${documentUrl(draft)}`);
      expect(await page.getByRole('heading', { level: 1 }).textContent(), `preview of ${draft._id}`).toBe(title);
    }
    expect(ran).toEqual([]);
  });

  it('the search pages: payload queries and planted results are text, facets and 显示更多 run nothing', async () => {
    const planted = dataset.plants.find(
      (p) => p.type === 'policy' && p.path === 'title' && isPublicDocument(dataset.documents.find((d) => d._id === p.id)!),
    )!;
    const label = /^标记\d+号/.exec(planted.value)![0];
    const queries = [...PAYLOADS.map((payload, k) => payload(k + 1)), planted.value, label, '__xss script onerror'];
    for (const [kind, site] of Object.entries(sites)) {
      for (const query of queries) {
        await page.goto(`${site.url}/search/?q=${encodeURIComponent(query)}`);
        const settled = page.locator('#search-results[aria-busy="false"]');
        await settled.waitFor({ state: 'attached' });
        const status = squeeze((await page.getByRole('status').textContent()) ?? '');
        expect(status, `${kind}: the status names the query as typed`).toContain(squeeze(query).slice(0, 20));
        expectNoRisks(await risks(), `${kind} search “${query}”`);
        const titles = await page.locator('#search-results li a').allTextContents();
        if (query === label) {
          // The indexer reads the built pages: a title full of markup is still found, and shown as text.
          expect(titles.map(squeeze), `${kind}: results for ${label}`).toContain(squeeze(planted.value));
        }
        // Ticking a facet and 显示更多 redraw the results from the index.
        const facet = page.locator('#search-facets input[type=checkbox]').first();
        if ((await facet.count()) > 0) {
          await facet.check();
          await settled.waitFor({ state: 'attached' });
        }
        const more = page.getByRole('button', { name: '显示更多结果' });
        if (await more.isVisible()) {
          await more.click();
          await settled.waitFor({ state: 'attached' });
        }
        expectNoRisks(await risks(), `${kind} search “${query}” after a facet and 显示更多`);
        expect(ran, `${kind} search “${query}”`).toEqual([]);
      }
    }
  });

  /** Addresses that run code, as browsers read them (case, control characters, entities). */
  const HOSTILE = [
    'javascript:__xss(1)',
    'JaVaScRiPt:__xss(2)',
    ' javascript:__xss(3)',
    'java\tscript:__xss(4)',
    '\u0001javascript:__xss(5)',
    'javascript\u2028:__xss(6)',
    'data:text/html,<script>parent.__xss(7)</script>',
    'vbscript:__xss(8)',
    'javascript&colon;__xss(9)',
    '&#106;avascript:__xss(10)',
  ];

  it('the Attachments component and the Portable Text renderer link no address that runs code, even unvalidated', async () => {
    const renderer = await componentRenderer();
    let attachmentsHtml: string;
    try {
      attachmentsHtml = await renderer.attachments(
        HOSTILE.map((url, index) => ({
          _key: `a${index}`,
          title: `恶意附件${index}`,
          file: { url, originalFilename: `x${index}.pdf`, extension: 'pdf', size: 1024 },
        })),
      );
    } finally {
      await renderer.close();
    }
    const bodyHtml = portableTextHtml(
      HOSTILE.map((href, index) => ({
        _type: 'block',
        _key: `b${index}`,
        style: 'normal',
        markDefs: [{ _key: 'l', _type: 'link', href }],
        children: [{ _type: 'span', _key: 's', text: `恶意链接${index}`, marks: ['l'] }],
      })),
    );
    const html = `<main>${attachmentsHtml}<div class="body">${bodyHtml}</div></main>`;
    const page404 = `${sites.public.url}/404.html`;
    await page.goto(page404);
    await page.setContent(html);
    const text = await page.locator('main').textContent();
    for (const index of HOSTILE.keys()) {
      expect(text, 'the attachment is named though not linked').toContain(`恶意附件${index}`);
      expect(text, 'the link text stays').toContain(`恶意链接${index}`);
    }
    expectNoRisks(await risks(), 'rendered attachments and body');
    // Whatever links there are (an entity spelled out is a harmless relative address), a click
    // runs nothing. Each click gets its own tab: one may navigate away.
    const links = await page.locator('a').count();
    for (let index = 0; index < links; index += 1) {
      const tab = await context.newPage();
      await tab.goto(page404);
      await tab.setContent(html);
      await tab.locator('a').nth(index).click({ noWaitAfter: true });
      await tab.waitForLoadState();
      // A javascript: address runs in a task after the click; give it time to call back.
      await tab.waitForTimeout(100);
      await tab.close();
    }
    expect(ran).toEqual([]);
  });
});
