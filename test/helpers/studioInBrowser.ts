/**
 * What the Studio's browser tests start from: a local Content Lake over a copy of a dataset, the
 * Studio built for that lake's address (as `npm run studio` builds it for its own), Chromium, and
 * the folder their screenshots go to.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../scripts/support/chromium.ts';
import type { Served } from '../../scripts/support/staticServer.ts';
import { startTemporaryStudio } from '../../scripts/support/studioBuild.ts';
import { startTestLake, type TestLake } from '../localLake/lakeServer.ts';

export interface StudioInBrowser {
  lake: TestLake;
  studio: Served;
  browser: Browser;
  /** Closes the browser, the Studio and the lake; removes the build and the lake's copy. */
  stop(): Promise<void>;
}

export async function startStudioInBrowser(options: { documents?: object[]; shots: string }): Promise<StudioInBrowser> {
  const lake = await startTestLake(options.documents ? { documents: options.documents } : undefined);
  const started: { studio?: Served; browser?: Browser } = {};
  const stop = async () => {
    await started.browser?.close();
    await started.studio?.close();
    await lake.stop();
  };
  try {
    started.studio = await startTemporaryStudio(`http://localhost:${lake.port}`);
    started.browser = await launchBrowser();
    await mkdir(options.shots, { recursive: true });
    return { lake, studio: started.studio, browser: started.browser, stop };
  } catch (error) {
    // Nothing left running when the start fails part-way: the suite's afterAll has no session to stop.
    await stop();
    throw error;
  }
}
