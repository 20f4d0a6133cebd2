/**
 * Search latency in Chromium, through the real search page of a built site: the time from
 * submitting the form to the results being on the page (index files fetched over HTTP from a
 * local static server, decompressed, ranked, the first page of results and passages drawn).
 *
 *   warm  one page answering every query in turn (its earlier fetches cached)
 *   cold  a fresh browser context per query (empty cache): the first search a visitor makes
 */
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../test/helpers/browser.ts';
import { serveSite } from '../../test/helpers/site.ts';

export interface LatencyFigures {
  warmMs: number[];
  coldMs: number[];
}

/** Submits `query` on the open search page and resolves with the milliseconds until results show. */
function timeQuery(page: Page, query: string): Promise<number> {
  return page.evaluate(async (text) => {
    const form = document.querySelector<HTMLFormElement>('form.search-page-form')!;
    const input = form.elements.namedItem('q') as HTMLInputElement;
    const status = document.querySelector<HTMLElement>('#search-status')!;
    status.textContent = '';
    input.value = text;
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
  }, query);
}

export async function browserLatency(siteDir: string, queries: readonly string[], coldQueries: number): Promise<LatencyFigures> {
  const server = await serveSite(siteDir);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/`);
    const warmMs: number[] = [];
    for (const query of queries) warmMs.push(await timeQuery(page, query));
    const coldMs: number[] = [];
    for (const query of queries.slice(0, coldQueries)) {
      const context = await browser.newContext();
      const fresh = await context.newPage();
      await fresh.goto(`${server.url}/search/`);
      coldMs.push(await timeQuery(fresh, query));
      await context.close();
    }
    return { warmMs, coldMs };
  } finally {
    await browser.close();
    await server.close();
  }
}
