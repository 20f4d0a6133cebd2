/**
 * A repealed or amended policy is marked wherever it is listed — policy and interpretation lists,
 * the 主动公开目录 — and its page and its search result link to the policy that replaced it (the
 * sample's 株市监发〔2022〕35号 on 预付式消费, repealed by 株市监规〔2024〕1号).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATASET, readDataset } from '../../core/content/dataset.ts';
import { runNpm } from '../helpers/run.ts';
import { siteFile, siteFiles, TEST_SITE } from '../helpers/site.ts';

const OLD = '/policies/2022-prepaid-consumption/';
const NEW = '/policies/2024-prepaid-consumption/';

/** The list item (<li> or <tr>) of every list page that links to `url`. */
async function listItems(folder: string, url: string): Promise<string[]> {
  const pages = (await siteFiles()).filter((file) => file.startsWith(folder) && file.endsWith('index.html') && file.split('/').length <= 5);
  const items: string[] = [];
  for (const page of pages) {
    const html = await siteFile(page);
    for (const item of html.match(/<(li|tr)[\s>][\s\S]*?<\/\1>/g) ?? []) if (item.includes(`href="${url}"`)) items.push(item);
  }
  return items;
}

describe('validity marks', () => {
  it('the sample dataset says which policy replaced each amended or repealed one (an expired one may have none)', async () => {
    const { documents } = await readDataset(DEFAULT_DATASET);
    const notValid = documents.filter(
      (d) => d._type === 'policy' && (d.validity === 'amended' || d.validity === 'repealed') && !d._id.startsWith('drafts.'),
    );
    expect(notValid.length).toBeGreaterThanOrEqual(4);
    for (const policy of notValid) expect((policy.replacedBy as { _ref?: string } | undefined)?._ref, policy._id).toMatch(/^policy-/);
  });

  it("the repealed policy's page links to the policy that replaced it", async () => {
    const html = await siteFile(`${OLD.slice(1)}index.html`);
    const notice = /<p class="notice"[\s\S]*?<\/p>/.exec(html)?.[0] ?? '';
    expect(notice).toContain('已废止');
    expect(notice).toContain(`href="${NEW}"`);
  });

  it('policy lists, interpretation lists and the 目录 mark it', async () => {
    const policyItems = await listItems('policies/', OLD);
    expect(policyItems.length).toBeGreaterThan(0);
    for (const item of policyItems) expect(item).toContain('已废止');
    const interpretationItems = await listItems('interpretations/', '/interpretations/2022-prepaid-consumption/');
    expect(interpretationItems.length).toBeGreaterThan(0);
    for (const item of interpretationItems) expect(item).toContain('所解读的文件已废止');
    const catalogItems = await listItems('catalog/', OLD);
    expect(catalogItems.length).toBeGreaterThan(0);
    for (const item of catalogItems) expect(item).toContain('已废止');
  });

  it('npm run search marks it and names its replacement; a valid document comes first for 预付式消费', () => {
    const result = runNpm(['search', '--', '--site', TEST_SITE, '--json', '--limit', '10', '预付式消费']);
    expect(result.status, result.stderr).toBe(0);
    const hits = JSON.parse(result.stdout) as { url: string; validity?: string; replacedBy?: { url: string } }[];
    expect(hits[0]!.validity).toBeUndefined();
    const old = hits.find((hit) => hit.url === OLD);
    expect(old).toMatchObject({ validity: '已废止', replacedBy: { url: NEW } });
  });
});
