/**
 * Search latency in Chromium, through the real search page of a built site: the time from
 * submitting the form to the results being on the page (index files fetched over HTTP from a
 * local static server, decompressed, ranked, the first page of results and passages drawn).
 *
 *   warm  one page answering every query in turn (its earlier fetches cached)
 *   cold  a fresh browser context per query (empty cache): the first search a visitor makes
 *
 * Two harnesses, side by side:
 *   visitor     Chromium over the DevTools protocol alone (cdpChromium.ts), files answered
 *               from memory (serveSite's fromMemory): the page's own work
 *   playwright  Playwright (it tracks every request) and the test suite's static server (it
 *               streams every file from disk): on 2 cores their CPU per request is taken from
 *               the page, about 2 ms for each of a query's 10–25 requests
 */
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../test/helpers/browser.ts';
import { serveSite } from '../../test/helpers/site.ts';
import { CdpChromium } from './cdpChromium.ts';

export type Harness = 'visitor' | 'playwright';

export interface LatencyFigures {
  warmMs: number[];
  coldMs: number[];
}

/**
 * Runs in the page: submits `text` and resolves with the milliseconds until the results show.
 * It first lets the page settle (the previous results painted, its timers run), as a visitor
 * reading them would: otherwise one query's layout and paint fall into the next one's time.
 */
async function submitAndTime(text: string): Promise<number> {
  const form = document.querySelector<HTMLFormElement>('form.search-page-form')!;
  const input = form.elements.namedItem('q') as HTMLInputElement;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  status.textContent = '';
  input.value = text;
  await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 20))));
  const done = new Promise<number>((resolve) => {
    const observer = new MutationObserver(() => {
      // The page writes the count into the status, then the list, in one task.
      if (/共找到|没有找到|不可用/.test(status.textContent ?? '')) {
        observer.disconnect();
        queueMicrotask(() => resolve(performance.now()));
      }
    });
    observer.observe(status, { childList: true, characterData: true, subtree: true });
  });
  const started = performance.now();
  form.requestSubmit();
  return (await done) - started;
}

const submitExpression = (query: string) => `(${submitAndTime.toString()})(${JSON.stringify(query)})`;

async function visitorLatency(url: string, queries: readonly string[], coldQueries: number): Promise<LatencyFigures> {
  const browser = CdpChromium.launch();
  try {
    const page = await browser.open(url);
    const warmMs: number[] = [];
    for (const query of queries) warmMs.push(await page.evaluate<number>(submitExpression(query)));
    await page.close();
    const coldMs: number[] = [];
    for (const query of queries.slice(0, coldQueries)) {
      const fresh = await browser.open(url, true);
      coldMs.push(await fresh.evaluate<number>(submitExpression(query)));
      await fresh.close();
    }
    return { warmMs, coldMs };
  } finally {
    await browser.close();
  }
}

async function playwrightLatency(url: string, queries: readonly string[], coldQueries: number): Promise<LatencyFigures> {
  const browser = await launchBrowser();
  const time = (page: Page, query: string) => page.evaluate(submitAndTime, query);
  try {
    const page = await browser.newPage();
    await page.goto(url);
    const warmMs: number[] = [];
    for (const query of queries) warmMs.push(await time(page, query));
    const coldMs: number[] = [];
    for (const query of queries.slice(0, coldQueries)) {
      const context = await browser.newContext();
      const fresh = await context.newPage();
      await fresh.goto(url);
      coldMs.push(await time(fresh, query));
      await context.close();
    }
    return { warmMs, coldMs };
  } finally {
    await browser.close();
  }
}

export async function browserLatency(siteDir: string, queries: readonly string[], coldQueries: number, harness: Harness = 'visitor'): Promise<LatencyFigures> {
  const server = await serveSite(siteDir, { fromMemory: harness === 'visitor' });
  try {
    const url = `${server.url}/search/`;
    return harness === 'visitor' ? await visitorLatency(url, queries, coldQueries) : await playwrightLatency(url, queries, coldQueries);
  } finally {
    await server.close();
  }
}
