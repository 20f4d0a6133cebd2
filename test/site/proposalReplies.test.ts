/**
 * 建议提案办理复文 on the built sample site: each reply's page shows its fields and the full reply,
 * the list groups them by year and kind, and they are in the 主动公开目录 and the search index
 * (with their own 栏目). Drafts appear nowhere.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DEFAULT_DATASET, readDataset } from '../../core/content/dataset.ts';
import { isPublic } from '../../core/build/leakScan.ts';
import { isDraftId } from '../../core/model/documentTypes.ts';
import { PROPOSAL_CATEGORIES, PROPOSAL_KINDS } from '../../core/model/vocabulary.ts';
import { documentUrl, SECTIONS } from '../../core/sections.ts';
import { zh } from '../../site/i18n/zh.ts';
import { runNpm } from '../helpers/run.ts';
import { siteFile, siteFiles, TEST_SITE } from '../helpers/site.ts';

interface Reply {
  _id: string;
  _type: 'proposalReply';
  title: string;
  slug: { current: string };
  kind: keyof typeof PROPOSAL_KINDS;
  session: string;
  number: string;
  proposer: string;
  leadUnit: string;
  coUnits?: { name: string }[];
  replyCategory: keyof typeof PROPOSAL_CATEGORIES;
  repliedAt: string;
  body: { children: { text: string }[] }[];
  disclosure: { mode: string };
}

async function replies(): Promise<{ published: Reply[]; drafts: Reply[] }> {
  const { documents } = await readDataset(DEFAULT_DATASET);
  const all = documents.filter((doc) => doc._type === 'proposalReply') as unknown as Reply[];
  return {
    published: all.filter((reply) => !isDraftId(reply._id) && isPublic(reply as never)),
    drafts: all.filter((reply) => isDraftId(reply._id)),
  };
}
const pageOf = (path: string) => siteFile(join(path, 'index.html'));
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

describe('建议提案办理复文', () => {
  it('has replies of both kinds across at least two years in the sample, and a draft', async () => {
    const { published, drafts } = await replies();
    expect(new Set(published.map((reply) => reply.kind))).toEqual(new Set(Object.keys(PROPOSAL_KINDS)));
    expect(new Set(published.map((reply) => reply.repliedAt.slice(0, 4))).size).toBeGreaterThanOrEqual(2);
    expect(drafts.length).toBeGreaterThan(0);
  });

  it("shows on each reply's page its kind, session, number, proposer, units, category, date and full text", async () => {
    const { published } = await replies();
    for (const reply of published) {
      const main = mainOf(await pageOf(documentUrl(reply)));
      const [year, month, day] = reply.repliedAt.split('-').map(Number);
      for (const value of [
        reply.title,
        PROPOSAL_KINDS[reply.kind],
        reply.session,
        reply.number,
        reply.proposer,
        reply.leadUnit,
        PROPOSAL_CATEGORIES[reply.replyCategory],
        `${year}年${month}月${day}日`,
        ...(reply.coUnits ?? []).map((unit) => unit.name),
        ...reply.body.flatMap((block) => block.children.map((child) => child.text)),
      ]) {
        expect(main, `${reply._id}: ${value}`).toContain(value);
      }
    }
  });

  it('lists every published reply under its year and kind, newest year first, and no draft', async () => {
    const { published, drafts } = await replies();
    const main = mainOf(await pageOf(SECTIONS.proposalReply.path));
    const years = [...main.matchAll(/<h2 id="y(\d{4})"/g)].map((match) => match[1]!);
    expect(years).toEqual([...new Set(published.map((reply) => reply.repliedAt.slice(0, 4)))].sort().reverse());
    for (const reply of published) {
      const year = reply.repliedAt.slice(0, 4);
      // The reply's link lies after its year's and its kind's headings, before the next heading of either.
      const kindHeading = main.indexOf(`<h3 id="y${year}-${reply.kind}"`);
      const link = main.indexOf(`href="${documentUrl(reply)}"`);
      expect(kindHeading, reply._id).toBeGreaterThan(main.indexOf(`<h2 id="y${year}"`));
      expect(link, reply._id).toBeGreaterThan(kindHeading);
      const nextHeading = main.slice(kindHeading + 1).search(/<h[23] /);
      if (nextHeading >= 0) expect(link, reply._id).toBeLessThan(kindHeading + 1 + nextHeading);
    }
    for (const draft of drafts) expect(main).not.toContain(draft.title);
  });

  it('is in the 主动公开目录 and found by search under its own 栏目', async () => {
    const { published } = await replies();
    // Every page of the catalogue in its default order (it is paged).
    const pages = (await siteFiles(join(TEST_SITE, 'catalog'))).filter((file) => !file.startsWith('sort/') && file.endsWith('.html'));
    const catalog = (await Promise.all(pages.map((file) => siteFile(join('catalog', file))))).join('');
    for (const reply of published) expect(catalog, reply._id).toContain(`href="${documentUrl(reply)}"`);

    const prepaid = published.find((reply) => reply.title.includes('预付式消费'))!;
    const result = runNpm([
      'search',
      '--',
      '--site',
      TEST_SITE,
      '--json',
      '--filter',
      `section=${zh.sections.proposalReply}`,
      '预付式消费',
    ]);
    expect(result.status, result.stderr).toBe(0);
    const hits = JSON.parse(result.stdout) as { url: string; section: string }[];
    expect(hits.map((hit) => hit.url)).toContain(documentUrl(prepaid));
    for (const hit of hits) expect(hit.section).toBe(zh.sections.proposalReply);
  });
});
