/** Page weight over the test site built by test/globalSetup.ts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import filePlugin from '@size-limit/file';
import sizeLimit from 'size-limit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  POLICY_PAGE_BUDGET_BYTES,
  pageFile,
  pageWeight,
  templateChecks,
  type TemplateWeight,
  templateWeights,
} from '../../scripts/bench/pageWeight.ts';
import { ROOT } from '../helpers/run.ts';
import { TEST_SITE } from '../helpers/site.ts';

const gzip = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

describe('pageWeight over the test site', () => {
  let weights: TemplateWeight[];
  beforeAll(async () => {
    weights = await templateWeights(TEST_SITE);
  });

  it('finds a page of every template', () => {
    for (const { template, weight } of weights) expect(weight, template).not.toBeNull();
  });

  it('weighs the policy page as its HTML plus its linked CSS (and scripts), gzip level 9, within 14 KB', () => {
    const policy = weights.find((w) => w.template === 'policy')!.weight!;
    expect(policy.page).toMatch(/^\/policies\/[a-z0-9-]+\/$/);
    const html = readFileSync(pageFile(TEST_SITE, policy.page));
    expect(policy.htmlBytes).toBe(html.length);
    expect(policy.htmlGzip).toBe(gzip(html));

    // The stylesheets the page links, read independently of pageWeight.
    const hrefs = [...html.toString('utf8').matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(policy.stylesheets.map((s) => s.path).sort()).toEqual([...new Set(hrefs)].sort());
    const css = [...new Set(hrefs)].reduce((sum, href) => sum + gzip(readFileSync(join(TEST_SITE, href))), 0);
    expect(policy.cssGzip).toBe(css);

    expect(policy.totalGzip).toBe(policy.htmlGzip + policy.cssGzip + policy.jsGzip);
    expect(policy.totalGzip).toBeLessThanOrEqual(POLICY_PAGE_BUDGET_BYTES);
    expect(POLICY_PAGE_BUDGET_BYTES).toBe(14 * 1024);
  });

  it("counts the search page's own script (the query module) as JS", async () => {
    const search = await pageWeight(TEST_SITE, '/search/');
    expect(search.inlineJsBytes).toBeGreaterThan(0);
    expect(search.scripts.some((s) => s.path.startsWith('/_astro/') && s.gzipBytes > 0)).toBe(true);
    expect(search.totalGzip).toBe(search.htmlGzip + search.cssGzip + search.jsGzip);
  });

  it('gives size-limit (.size-limit.ts) the same page of each template, its same files, and the policy page its budget', async () => {
    const checks = templateChecks(TEST_SITE, ROOT);
    expect(checks.map((check) => `${check.name}`)).toEqual(weights.map(({ template, weight }) => `${template} (${weight!.page})`));
    const check = checks.find((c) => c.name!.startsWith('policy ('))!;
    expect(check.limit).toBe(`${POLICY_PAGE_BUDGET_BYTES} B`);
    const files = [check.path].flat().map((path) => join(ROOT, path));
    const [result] = (await sizeLimit([filePlugin], { checks: [{ files, gzip: true }] })) as { size: number }[];
    expect(result!.size).toBe(weights.find((w) => w.template === 'policy')!.weight!.totalGzip);
  });
});
