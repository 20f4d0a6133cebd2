import { defineConfig } from 'vitest/config';
import { corpusMissing } from './scripts/support/corpus.ts';

/**
 * The tests, grouped by what they need to run (`npx vitest run --project <name>`):
 * - unit: nothing but the code under test, in this process (in-process HTTP servers included);
 *   `npm run test:unit` runs them in seconds, three files at a time even on 2 cores: they mostly
 *   wait on timers and sockets (the publisher's stand-in builds sleep), not on the CPU.
 * - property: the workflow's property runs (10,000 cases; about a minute).
 * - commands: project commands (`npm run …`) or Studio builds run as child processes.
 * - site: the sample site and preview that test/globalSetup.ts builds once per run.
 * - browser: Chromium (skipped without /usr/bin/chromium outside CI), against that site or a
 *   Studio built for a local Content Lake.
 * A new test file lands in unit unless it is listed below. Tests that read the corpora carry the
 * `corpus` tag (`@module-tag corpus` in a file's comment, or `{ tags: ['corpus'] }`): without the
 * corpora (CORPUS_DIR, default ../shared/corpus) they are skipped, and the run ends saying which.
 */
const PROPERTY = ['test/workflow/property.test.ts'];
const BROWSER = ['test/**/*.browser.test.ts', 'test/browser/**/*.test.ts', 'test/adversarial/xss.test.ts'];
const SITE = [
  'test/adversarial/leakPlanting.test.ts',
  'test/preview/previewBuild.test.ts',
  'test/requests/samplePublicFiles.test.ts',
  'test/scripts/pageWeight.test.ts',
  'test/scripts/servers.test.ts',
  'test/site/catalog.test.ts',
  'test/site/documentPages.test.ts',
  'test/site/attachments.test.ts',
  'test/site/publicBuild.test.ts',
  'test/annualReport/annualReportPage.test.ts',
  'test/site/searchCli.test.ts',
  'test/site/siteIdentity.test.ts',
  'test/site/proposalReplies.test.ts',
  'test/site/validityMarks.test.ts',
  'test/search/handedPages.test.ts',
];
const COMMANDS = [
  'test/annualReport/annualReportCommand.test.ts',
  'test/build/incrementalBuild.test.ts',
  'test/bureau/productionBuild.test.ts',
  'test/adversarial/concurrency.test.ts',
  'test/adversarial/hostileDatasets.test.ts',
  'test/adversarial/siteSwap.test.ts',
  'test/adversarial/workflowRules.test.ts',
  'test/calendar/deadlines.test.ts',
  'test/content/atomicWrite.test.ts',
  'test/content/sampleContent.test.ts',
  'test/localLake/studioCommand.test.ts',
  'test/preview/beijingTime.test.ts',
  'test/publish/deployCommands.test.ts',
  'test/publish/stoppedBuild.test.ts',
  'test/publish/goLive.test.ts',
  'test/requests/requestLeakBuild.test.ts',
  'test/requests/requestsCommand.test.ts',
  'test/scripts/importGovcn.test.ts',
  'test/search-eval/searchQuality.test.ts',
  'test/site/buildGuards.test.ts',
  'test/studio/studio.test.ts',
  'test/workflow/endToEnd.test.ts',
];
/** The public site is built once, from the sample dataset, for the projects that read it. */
const BUILT_SITE = ['test/globalSetup.ts'];

export default defineConfig({
  test: {
    tags: [
      {
        name: 'corpus',
        description: 'reads the corpora (CORPUS_DIR, default ../shared/corpus); skipped without them',
        skip: corpusMissing !== null,
      },
    ],
    reporters: ['default', './test/helpers/corpusSkipReporter.ts'],
    // Studio builds and browser tests spawn processes that take several seconds on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...PROPERTY, ...BROWSER, ...SITE, ...COMMANDS] } },
      { extends: true, test: { name: 'property', include: PROPERTY } },
      { extends: true, test: { name: 'commands', include: COMMANDS } },
      { extends: true, test: { name: 'site', include: SITE, globalSetup: BUILT_SITE } },
      { extends: true, test: { name: 'browser', include: BROWSER, globalSetup: BUILT_SITE } },
    ],
  },
});
