/**
 * The built sample site served, and Chromium, for one describe block of browser tests: started before
 * its tests, closed after them, and every browser context a test opened closed after that test.
 */
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Served } from '../../scripts/support/staticServer.ts';
import { launchBrowser } from './browser.ts';
import { serveSite } from './site.ts';

export interface SiteInBrowser {
  readonly url: string;
  readonly browser: Browser;
  /** A context whose relative addresses go to the site; closed after the test. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Closes this test's contexts now (a test that opens many pages in turn). */
  closeContexts(): Promise<void>;
}

export function siteInBrowser(): SiteInBrowser {
  let server: Served | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const closeContexts = async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  };
  beforeAll(async () => {
    server = await serveSite();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(closeContexts);
  return {
    get url() {
      if (!server) throw new Error('the site is served from beforeAll on');
      return server.url;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is started from beforeAll on');
      return browser;
    },
    async newContext(options = {}) {
      if (!browser || !server) throw new Error('the site and Chromium start in beforeAll');
      const context = await browser.newContext({ baseURL: server.url, ...options });
      contexts.push(context);
      return context;
    },
    closeContexts,
  };
}
