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
import { launchBrowser } from '../support/chromium.ts';
import { serveSite } from '../support/staticServer.ts';
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

/** A search page open in some harness: it times one query, and closes. */
interface OpenPage {
  time(query: string): Promise<number>;
  close(): Promise<void>;
}

/** A browser in some harness: opens the search page, in a fresh context (empty cache) when asked. */
interface Driver {
  open(url: string, fresh: boolean): Promise<OpenPage>;
  close(): Promise<void>;
}

function visitorDriver(): Driver {
  const browser = CdpChromium.launch();
  return {
    open: async (url, fresh) => {
      const page = await browser.open(url, fresh);
      return { time: (query) => page.evaluate<number>(submitExpression(query)), close: () => page.close() };
    },
    close: () => browser.close(),
  };
}

async function playwrightDriver(): Promise<Driver> {
  const browser = await launchBrowser();
  return {
    open: async (url) => {
      // Each page in a context of its own: a fresh cache every time it is opened.
      const context = await browser.newContext();
      const page: Page = await context.newPage();
      await page.goto(url);
      return { time: (query) => page.evaluate(submitAndTime, query), close: () => context.close() };
    },
    close: () => browser.close(),
  };
}

async function measure(driver: Driver, url: string, queries: readonly string[], coldQueries: number): Promise<LatencyFigures> {
  try {
    const page = await driver.open(url, false);
    const warmMs: number[] = [];
    for (const query of queries) warmMs.push(await page.time(query));
    await page.close();
    const coldMs: number[] = [];
    for (const query of queries.slice(0, coldQueries)) {
      const fresh = await driver.open(url, true);
      coldMs.push(await fresh.time(query));
      await fresh.close();
    }
    return { warmMs, coldMs };
  } finally {
    await driver.close();
  }
}

export async function browserLatency(
  siteDir: string,
  queries: readonly string[],
  coldQueries: number,
  harness: Harness = 'visitor',
): Promise<LatencyFigures> {
  const server = await serveSite(siteDir, { fromMemory: harness === 'visitor' });
  try {
    const url = `${server.url}/search/`;
    return await measure(harness === 'visitor' ? visitorDriver() : await playwrightDriver(), url, queries, coldQueries);
  } finally {
    await server.close();
  }
}
