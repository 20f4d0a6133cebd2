/**
 * A real browser for the site tests: Debian's Chromium driven by playwright-core
 * (scripts/support/chromium.ts, which the benchmarks launch too), and axe-core for the
 * accessibility checks. Without /usr/bin/chromium the browser suite is skipped on a
 * developer's machine, but fails in CI, where the browser must be there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import { CHROMIUM } from '../../scripts/support/chromium.ts';

export { launchBrowser } from '../../scripts/support/chromium.ts';

/** Why the browser suite is skipped, or null when it runs (always in CI: a missing browser fails there). */
export const browserSkipReason: string | null =
  existsSync(CHROMIUM) || process.env.CI
    ? null
    : `browser tests skipped: ${CHROMIUM} not found (install Debian's chromium package; in CI this is a failure)`;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/**
 * axe's best-practice rules about the structure screen-reader users move by (landmarks and
 * headings), checked along with WCAG: two unnamed search landmarks, say, are not told apart.
 */
const STRUCTURE_RULES = [
  'landmark-unique',
  'landmark-one-main',
  'landmark-no-duplicate-banner',
  'landmark-no-duplicate-contentinfo',
  'landmark-no-duplicate-main',
  'page-has-heading-one',
  'heading-order',
  'region',
];

/** Runs axe-core on the page as it is now, against WCAG 2.2 A and AA and the structure rules. */
export async function axeViolations(page: Page): Promise<Result[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(
    ({ tags, rules }) =>
      (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        rules: Object.fromEntries(rules.map((rule) => [rule, { enabled: true }])),
      }),
    { tags: WCAG_TAGS, rules: STRUCTURE_RULES },
  );
  return results.violations;
}

/** One line per violation: rule id, impact, and the elements it was found on. */
export function describeViolations(violations: Result[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`).join('\n    ')}`,
    )
    .join('\n');
}
