/**
 * The editors' and reviewers' journey in Chromium: the built Studio against the local Content
 * Lake on a temporary copy of the sample dataset, two people (王编辑 and 李审核, each in a
 * browser profile of their own), the reviewers' preview and the public site built from that
 * same dataset file with the real `npm run build:preview` / `npm run build` and served side by
 * side (on free ports: test/scripts/servers.test.ts holds :4321/:4322 in the same run). Each
 * step is asserted on what the person sees, and leaves a screenshot in .tmp/journey/.
 *
 * The steps depend on each other (one unit goes from 草稿 to 已撤回), so they run in order.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { beijingDay } from '../../core/beijingTime.ts';
import { browserSkipReason, launchBrowser } from '../helpers/browser.ts';
import { ROOT } from '../helpers/run.ts';
import { serveSite } from '../helpers/site.ts';
import { startTestLake, type TestLake } from '../localLake/lakeServer.ts';
import { serveStudio } from '../../scripts/support/staticServer.ts';
import { builtStudio, runNpmAsync } from '../../scripts/support/studioBuild.ts';
import {
  badgeTooltip,
  confirmDialog,
  confirmSignOff,
  expectBadge,
  fillDate,
  fillText,
  hoverReason,
  pickReference,
  runAction,
  showAllFields,
  typeBody,
  UI_TIMEOUT,
  validationEntries,
} from './studioPage.ts';

const SHOTS = join(ROOT, '.tmp/journey');
/** Steps that build the site or the preview (a minute or so each on 2 busy cores). */
const WITH_SITE_BUILDS = 360_000;
const POLICY_TITLE = '株洲市市场监督管理局关于旅程测试的实施意见';
const POLICY_SLUG = '2026-journey-policy';
const INTERPRETATION_SLUG = '2026-journey-interpretation';
const ANALYSIS = { id: 'analysis-2024-q1', type: 'complaintAnalysis', slug: '2024-q1-12315', added: '（修订）' };
const RESULT = { id: 'result-2025-food-business', type: 'inspectionResult', slug: '2025-food-business-results', added: '（更正）' };

let lake: TestLake;
let browser: Browser;
let studio: { url: string; close: () => Promise<void> };
let work: string;
const sites: { close: () => Promise<void> }[] = [];
let previewUrl: string;
let publicUrl: string;
const people: Record<'wang' | 'li', { context?: BrowserContext; page?: Page }> = { wang: {}, li: {} };
let policyId = '';
let shot = 0;

async function screenshot(page: Page, name: string): Promise<void> {
  shot += 1;
  await page.screenshot({ path: join(SHOTS, `${String(shot).padStart(2, '0')}-${name}.png`) });
}

/** A profile of its own per person, signed in once through the link `npm run studio` prints. */
async function as(who: 'wang' | 'li'): Promise<Page> {
  const person = people[who];
  if (person.page) return person.page;
  person.context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
  const page = await person.context.newPage();
  const user = who === 'wang' ? lake.users.editor : lake.users.reviewer;
  await page.goto(`${studio.url}/#token=${user.token}`);
  await page.getByRole('button', { name: user.name }).waitFor({ timeout: UI_TIMEOUT });
  person.page = page;
  return page;
}

async function open(page: Page, type: string, id: string): Promise<void> {
  await page.goto(`${studio.url}/structure/${type};${id}`);
  await page.getByRole('textbox', { name: '标题', exact: true }).waitFor({ timeout: UI_TIMEOUT });
}

/** Builds the public site or the preview from the lake's dataset file, as an operator would. */
async function buildSite(script: 'build' | 'build:preview', out: string): Promise<void> {
  const result = await runNpmAsync([script, '--', '--out', out], { CONTENT_DATASET: lake.datasetPath });
  expect(result.status, result.output).toBe(0);
}

/** The value of a row of a page's 政府信息公开目录 table. */
async function metadata(page: Page, label: string): Promise<string> {
  return page
    .locator('table.metadata tr')
    .filter({ has: page.locator('th', { hasText: label }) })
    .locator('td')
    .innerText();
}

describe.skipIf(browserSkipReason)('editors and reviewers in the Studio', () => {
  beforeAll(async () => {
    await rm(SHOTS, { recursive: true, force: true });
    await mkdir(SHOTS, { recursive: true });
    lake = await startTestLake();
    // Inside the checkout: Astro keeps the build's server chunks beside an output folder inside
    // the working directory, but in one shared ./.astro/ for any other (a build elsewhere at the
    // same time then fails with ERR_MODULE_NOT_FOUND under .astro/.prerender).
    await mkdir(join(ROOT, '.tmp'), { recursive: true });
    work = await mkdtemp(join(ROOT, '.tmp', 'journey-work-'));
    // Both servers start before their sites exist: the preview's address is baked into the Studio.
    const preview = await serveSite(join(work, 'preview'));
    const site = await serveSite(join(work, 'public'));
    sites.push(preview, site);
    previewUrl = preview.url;
    publicUrl = site.url;
    studio = await serveStudio(await builtStudio(`http://localhost:${lake.port}`, previewUrl));
    browser = await launchBrowser();
    console.info(`Journey screenshots: ${SHOTS}`);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await studio?.close();
    for (const site of sites) await site.close();
    await lake?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    for (const [who, person] of Object.entries(people))
      if (person.page) await screenshot(person.page, `FAILED-${who}`).catch(() => undefined);
  });

  it('王编辑 creates a 政策文件 and sees what is still missing, in Chinese', async () => {
    const page = await as('wang');
    await page.goto(`${studio.url}/structure/policy`);
    await page.locator('a[href*="/intent/create/"]').first().click();
    await showAllFields(page);
    await fillText(page, '标题', POLICY_TITLE);
    await expectBadge(page, '未配对');
    policyId = decodeURIComponent(new URL(page.url()).pathname).match(/policy;([^,;/]+)/)![1]!;
    // 依申请公开 without its legal basis: the model's own message.
    await page.getByRole('radio', { name: '依申请公开' }).click();
    await expect
      .poll(() => validationEntries(page), { timeout: UI_TIMEOUT })
      .toContain('公开属性为「依申请公开」时必须选择不予主动公开的依据（条例第十四至十六条）');
    const entries = await validationEntries(page);
    for (const field of ['发文机关', '起草科室', '发布机构', '生成日期', '正文', '相关解读'])
      expect(entries).toMatch(new RegExp(`${field}\\s+必填`));
    await screenshot(page, 'policy-validation');
    await page.getByRole('radio', { name: '主动公开' }).click();
  });

  it('王编辑 fills in the policy and creates its interpretation with 「为此政策创建解读」', async () => {
    const page = await as('wang');
    await fillText(page, '网址标识', POLICY_SLUG);
    await fillText(page, '发文字号', '株市监发〔2026〕99号');
    await fillText(page, '发文机关', '株洲市市场监督管理局');
    await pickReference(page, '发布机构', '办公室');
    await pickReference(page, '起草科室', '政策法规科');
    await page.getByRole('combobox', { name: '主题分类', exact: true }).selectOption({ label: '市场监管、安全生产监管 › 工商' });
    // Formed today: the release later in the journey is within its 20 working days on any run date.
    await fillDate(page, '生成日期', beijingDay(new Date()));
    await typeBody(page, '正文', '一、为规范旅程测试，制定本意见。');
    await expect.poll(() => validationEntries(page), { timeout: UI_TIMEOUT }).not.toMatch(/发文机关|起草科室|发布机构|生成日期|公开属性/);
    await screenshot(page, 'policy-filled');

    await runAction(page, '为此政策创建解读');
    await page.waitForURL(/interpretation/, { timeout: UI_TIMEOUT });
    await page.getByRole('heading', { name: `关于《${POLICY_TITLE}》的解读` }).waitFor({ timeout: UI_TIMEOUT });
    expect(decodeURIComponent(new URL(page.url()).pathname)).toMatch(/interpretation;[^,;/]+/);
    await showAllFields(page);
    await fillText(page, '网址标识', INTERPRETATION_SLUG);
    await fillDate(page, '生成日期', beijingDay(new Date()));
    await typeBody(page, '正文', '本解读说明旅程测试意见的背景和主要内容。');
    await expectBadge(page, '草稿');
    await screenshot(page, 'interpretation-filled');
  });

  it('王编辑 sends the pair for sign-off, and cannot sign it off himself (四眼原则)', async () => {
    const page = await as('wang');
    await runAction(page, '送审');
    await expectBadge(page, '待审签');
    const reason = await hoverReason(page, '审签', '四眼原则');
    expect(reason).toContain('王编辑');
    await screenshot(page, 'signoff-disabled-four-eyes');
  });

  it('王编辑 edits a 12315 analysis and an inspection result notice and sends each for sign-off', async () => {
    const page = await as('wang');
    for (const single of [ANALYSIS, RESULT]) {
      await open(page, single.type, single.id);
      const title = page.getByRole('textbox', { name: '标题', exact: true });
      await title.click();
      await page.keyboard.press('End');
      await page.keyboard.type(single.added);
      await expectBadge(page, '草稿');
      await runAction(page, '送审');
      await expectBadge(page, '待审签');
      await screenshot(page, `${single.type}-submitted`);
    }
  });

  it(
    '李审核 finds the unit in 待审签 and opens 「预览」 on the preview site while the public site runs',
    async () => {
      await buildSite('build:preview', join(work, 'preview'));
      await buildSite('build', join(work, 'public'));
      const page = await as('li');
      await page.goto(`${studio.url}/structure/pending`);
      // The policy's entry, not its interpretation's (「关于《…》的解读」 contains the title too).
      await page
        .getByRole('link', { name: new RegExp(`^${POLICY_TITLE}`) })
        .first()
        .click();
      await expectBadge(page, '待审签');
      await screenshot(page, 'pending-list');

      const [preview] = await Promise.all([page.context().waitForEvent('page'), runAction(page, '预览')]);
      await preview.waitForLoadState();
      expect(preview.url()).toBe(`${previewUrl}/policies/${POLICY_SLUG}/`);
      await preview.getByRole('heading', { name: POLICY_TITLE }).waitFor({ timeout: UI_TIMEOUT });
      await preview.getByText('草稿预览').first().waitFor();
      await screenshot(preview, 'preview-page');

      // 修改对照 from the reviewers' list.
      await preview.goto(`${previewUrl}/review/`);
      // The 修改对照 beside this policy (other units wait for 审签 too).
      const entry = preview
        .getByRole('listitem')
        .filter({ has: preview.getByRole('link', { name: POLICY_TITLE, exact: true }) })
        .last();
      await entry.getByRole('link', { name: '修改对照' }).click();
      await preview.waitForURL(`${previewUrl}/changes/${policyId}/`);
      await preview.getByRole('heading', { level: 1, name: `修改对照：${POLICY_TITLE}` }).waitFor({ timeout: UI_TIMEOUT });
      // A policy never released: no earlier version to compare with, and the page says so.
      await preview.getByText('此文档从未发布过').first().waitFor();
      await preview.getByText('草稿预览').first().waitFor();
      await screenshot(preview, 'preview-changes');
      await preview.close();

      // The public site serves alongside, without the draft.
      const publicPage = await page.context().newPage();
      const response = await publicPage.goto(`${publicUrl}/policies/${POLICY_SLUG}/`);
      expect(response?.status()).toBe(404);
      await publicPage.close();
    },
    WITH_SITE_BUILDS,
  );

  it('李审核 signs off; 王编辑 edits after sign-off, and the sign-off lapses and 同步发布 is blocked', async () => {
    const li = await as('li');
    await runAction(li, '审签');
    await confirmSignOff(li);
    await expectBadge(li, '已审签待发布');
    await screenshot(li, 'signed-off');

    const wang = await as('wang');
    await open(wang, 'policy', policyId);
    await expectBadge(wang, '已审签待发布');
    await showAllFields(wang);
    await fillText(wang, '发文字号', '株市监发〔2026〕100号');
    await expectBadge(wang, '审签已失效');
    await screenshot(wang, 'edited-after-signoff');

    await open(li, 'policy', policyId);
    await expectBadge(li, '审签已失效');
    const reason = await hoverReason(li, '同步发布', '请重新送审并审签');
    expect(reason).toContain('审签已失效');
    await screenshot(li, 'release-blocked-stale');
  });

  it(
    '送审 again, 审签 and 同步发布: the public site shows both pages with one 发布日期 and their 索引号',
    async () => {
      const wang = await as('wang');
      await runAction(wang, '送审');
      await expectBadge(wang, '待审签');
      const li = await as('li');
      await open(li, 'policy', policyId);
      await runAction(li, '审签');
      await confirmSignOff(li);
      await expectBadge(li, '已审签待发布');
      await runAction(li, '同步发布');
      await confirmDialog(li, '同步发布');
      await expectBadge(li, '已发布');
      await screenshot(li, 'released');

      for (const single of [ANALYSIS, RESULT]) {
        await open(li, single.type, single.id);
        await runAction(li, '审签');
        await confirmSignOff(li);
        await expectBadge(li, '已审签待发布');
        await runAction(li, '同步发布');
        await confirmDialog(li, '同步发布');
        await expectBadge(li, '已发布');
      }

      await buildSite('build', join(work, 'public'));
      const site = await li.context().newPage();
      await site.goto(`${publicUrl}/policies/${POLICY_SLUG}/`);
      await site.getByRole('heading', { name: POLICY_TITLE }).waitFor();
      const policyDate = await metadata(site, '发布日期');
      const policyIndex = await metadata(site, '索引号');
      await screenshot(site, 'public-policy');
      await site.getByRole('link', { name: `关于《${POLICY_TITLE}》的解读` }).click();
      await site.waitForURL(`${publicUrl}/interpretations/${INTERPRETATION_SLUG}/`);
      expect(await metadata(site, '发布日期')).toBe(policyDate);
      const interpretationIndex = await metadata(site, '索引号');
      expect(policyIndex).toMatch(/^[A-Z0-9]+\/2026-\d{5}$/);
      expect(interpretationIndex).toMatch(/^[A-Z0-9]+\/2026-\d{5}$/);
      expect(interpretationIndex).not.toBe(policyIndex);
      await screenshot(site, 'public-interpretation');

      for (const single of [ANALYSIS, RESULT]) {
        const page = single.type === 'complaintAnalysis' ? `/12315/${single.slug}/` : `/inspections/results/${single.slug}/`;
        await site.goto(`${publicUrl}${page}`);
        await expect.poll(() => site.getByRole('heading', { level: 1 }).innerText()).toContain(single.added);
        await screenshot(site, `public-${single.type}`);
      }
      await site.close();
    },
    WITH_SITE_BUILDS,
  );

  it(
    '同步撤回 with a reason takes both pages down',
    async () => {
      const li = await as('li');
      await open(li, 'policy', policyId);
      await runAction(li, '同步撤回');
      await confirmDialog(li, '撤回', '旅程测试：依据文件已废止');
      await expectBadge(li, '已撤回');
      await screenshot(li, 'withdrawn');

      await buildSite('build', join(work, 'public'));
      const site = await li.context().newPage();
      for (const path of [`/policies/${POLICY_SLUG}/`, `/interpretations/${INTERPRETATION_SLUG}/`]) {
        expect((await site.goto(`${publicUrl}${path}`))?.status(), path).toBe(404);
      }
      await site.close();
    },
    WITH_SITE_BUILDS,
  );

  it('退回 with a comment: the editor sees the comment', async () => {
    const comment = '第二季度投诉数与附表不一致，请核对';
    const wang = await as('wang');
    await open(wang, ANALYSIS.type, ANALYSIS.id);
    await fillText(wang, '标题', `2024年第一季度12315指挥中心工作情况简析${ANALYSIS.added}（二）`);
    await expectBadge(wang, '草稿');
    await runAction(wang, '送审');
    await expectBadge(wang, '待审签');

    const li = await as('li');
    await open(li, ANALYSIS.type, ANALYSIS.id);
    await runAction(li, '退回');
    await confirmDialog(li, '退回', comment);
    await expectBadge(li, '已退回');

    await open(wang, ANALYSIS.type, ANALYSIS.id);
    await expectBadge(wang, '已退回');
    // On the document itself: the badge's tooltip.
    expect(await badgeTooltip(wang, '已退回', comment)).toContain(`退回意见：${comment}`);
    await screenshot(wang, 'returned-badge-comment');
    // The comment is in the 审签单 the workflow wrote, which the editor opens from the desk.
    await wang.goto(`${studio.url}/structure/signOff`);
    await wang
      .getByRole('link', { name: new RegExp(ANALYSIS.id) })
      .first()
      .click();
    await wang.getByText(comment).waitFor({ timeout: UI_TIMEOUT });
    await screenshot(wang, 'returned-comment');
    const stored = (await readFile(lake.datasetPath, 'utf8')).includes(comment);
    expect(stored).toBe(true);
  });
});
