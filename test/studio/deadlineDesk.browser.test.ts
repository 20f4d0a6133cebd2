/**
 * The desk's 已超期 list in the built Studio, in Chromium, against the local Content Lake: the
 * list is computed when opened (studio/deadlineDesk.ts) and shows the unit past its due date —
 * here the sample's 长株潭 pair as if formed on 2026-09-15 (due 2026-10-19) — and not the news
 * item still within its 20 working days. Screenshot in .tmp/deadline-desk/.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../helpers/browser.ts';
import { ROOT } from '../helpers/run.ts';
import { type StudioInBrowser, startStudioInBrowser } from '../helpers/studioInBrowser.ts';
import { SAMPLE } from '../localLake/lakeServer.ts';

const SHOTS = join(ROOT, '.tmp/deadline-desk');
const PAIR_TITLE = '株洲市市场监督管理局关于推进长株潭消费投诉异地受理和联动处置的实施意见';

let session: StudioInBrowser;

describe.skipIf(browserSkipReason)('the 已超期 desk list in the Studio', () => {
  beforeAll(async () => {
    const documents = (await readFile(join(ROOT, SAMPLE), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .map((doc) =>
        /^drafts\.(policy|interpretation)-2026-changzhutan-consumer$/.test(doc._id) ? { ...doc, formedAt: '2026-09-15' } : doc,
      );
    session = await startStudioInBrowser({ documents, shots: SHOTS });
  }, 300_000);

  afterAll(() => session?.stop());

  it('lists the overdue pair, and not what is still within its 20 working days', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${session.studio.url}/structure/overdue#token=${session.lake.users.reviewer.token}`);
    await page
      .getByText(PAIR_TITLE)
      .first()
      .waitFor({ timeout: 60_000 })
      .catch(async (error: unknown) => {
        await page.screenshot({ path: join(SHOTS, 'overdue-failed.png') });
        throw error;
      });
    await page.screenshot({ path: join(SHOTS, 'overdue.png') });
    const text = await page.locator('body').innerText();
    expect(text).toContain('已超期（公开时效）');
    // The pair's interpretation is listed beside its policy (its title starts with the policy's in 《》).
    expect(text).toContain(`《${PAIR_TITLE.slice(0, 10)}`);
    expect(text).not.toContain('全市商标品牌培育工作推进会召开');
    await page.close();
  });
});
