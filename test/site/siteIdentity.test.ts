/**
 * Site identity on the built sample site: the government-site meta tags on a document's page and
 * on a section's page, the footer's identification and links, the human sitemap and 联系我们 —
 * all with the values of the sample's 网站设置 document (content/sample/settings.yaml).
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATASET, readDataset } from '../../core/content/dataset.ts';
import { isPublic } from '../../core/build/leakScan.ts';
import { SECTION_KEYS, SECTIONS, documentUrl } from '../../core/sections.ts';
import { zh } from '../../site/i18n/zh.ts';
import { siteFile, TEST_SITE } from '../helpers/site.ts';

async function storedSettings() {
  const { documents } = await readDataset(DEFAULT_DATASET);
  const settings = documents.find((doc) => doc._id === 'siteSettings');
  if (!settings) throw new Error('the sample has no siteSettings document');
  return { documents, settings: settings as unknown as Record<string, string> & { office: Record<string, string> } };
}

/** `<meta name="X" content="…">` of a page, by name; a name that appears twice is an error. */
function metaTags(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [, name, content] of html.matchAll(/<meta name="([^"]+)" content="([^"]*)"/g)) {
    if (tags.has(name!)) throw new Error(`meta ${name} appears twice`);
    tags.set(name!, content!.replaceAll('&amp;', '&'));
  }
  return tags;
}

const pageOf = (path: string) => siteFile(join(path, 'index.html'));
const footerOf = (html: string) => html.slice(html.indexOf('<footer'), html.indexOf('</footer>'));

describe('the government-site meta tags', () => {
  it("carry a document page's title, 发布日期 and source, and the site's name, domain and 网站标识码", async () => {
    const { documents, settings } = await storedSettings();
    const news = documents.find((doc) => doc._type === 'trademarkNews' && isPublic(doc) && !doc._id.startsWith('drafts.'))!;
    const meta = metaTags(await pageOf(documentUrl(news as never)));
    expect(meta.get('SiteName')).toBe(settings.siteName);
    expect(meta.get('SiteDomain')).toBe(settings.domain);
    expect(meta.get('SiteIDCode')).toBe(settings.siteIdCode);
    expect(meta.get('ColumnName')).toBe(zh.sections.trademarkNews);
    expect(meta.get('ColumnType')).toMatch(/\S/);
    expect(meta.get('ArticleTitle')).toBe(news.title);
    // 发布日期 in Beijing time: the release's calendar day.
    const beijingDay = new Date(Date.parse(news.publishedAt as string) + 8 * 3600_000).toISOString().slice(0, 10);
    expect(meta.get('PubDate')).toMatch(new RegExp(`^${beijingDay} \\d{2}:\\d{2}$`));
    expect(meta.get('ContentSource')).toBe(news.source);
    expect(meta.get('Keywords')).toContain(news.title as string);
    expect(meta.get('description')).toBe(news.summary);
    expect(meta.get('Url')).toMatch(new RegExp(`/trademarks/${(news.slug as { current: string }).current}/$`));
  });

  it("carry a section page's name, and no article's tags", async () => {
    const { settings } = await storedSettings();
    const meta = metaTags(await pageOf(SECTIONS.policy.path));
    expect(meta.get('SiteIDCode')).toBe(settings.siteIdCode);
    expect(meta.get('ColumnName')).toBe(zh.sections.policy);
    expect(meta.get('Keywords')).toContain(zh.sections.policy);
    expect(meta.get('description')).toBe(zh.sectionIntro.policy);
    for (const article of ['ArticleTitle', 'PubDate', 'ContentSource']) expect(meta.has(article), article).toBe(false);
  });
});

describe('the footer', () => {
  it('shows the identification, the office and the links to 网站地图 and 联系我们 on every kind of page', async () => {
    const { settings } = await storedSettings();
    for (const path of ['/', SECTIONS.catalog.path, '/sitemap/', '/contact/', SECTIONS.search.path]) {
      const footer = footerOf(await pageOf(path));
      expect(footer, path).toContain(`网站标识码：${settings.siteIdCode}`);
      expect(footer, path).toContain(settings.icpNumber);
      expect(footer, path).toMatch(
        new RegExp(`<a href="${settings.psbUrl!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>${settings.psbNumber}</a>`),
      );
      expect(footer, path).toContain(settings.office.phone);
      expect(footer, path).toContain(settings.office.email);
      expect(footer, path).toContain(`主办：${settings.sponsor}`);
      expect(footer, path).toMatch(/<a href="\/sitemap\/"[^>]*>网站地图<\/a>/);
      expect(footer, path).toMatch(/<a href="\/contact\/"[^>]*>联系我们<\/a>/);
    }
  });
});

describe('网站地图 and 联系我们', () => {
  it('the sitemap page links every section, and every link leads to a built page', async () => {
    const html = await pageOf('/sitemap/');
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    const links = [...main.matchAll(/<a href="(\/[^"#]*)"/g)].map((match) => match[1]!);
    for (const key of SECTION_KEYS) expect(links, key).toContain(SECTIONS[key].path);
    expect(links).toContain('/contact/');
    for (const link of links) expect(existsSync(join(TEST_SITE, link, 'index.html')), link).toBe(true);
  });

  it("the contact page gives the 政府信息公开 office's address, postcode, phone, fax, e-mail and hours", async () => {
    const { settings } = await storedSettings();
    const html = await pageOf('/contact/');
    for (const field of ['officeName', 'address', 'postcode', 'phone', 'fax', 'email', 'hours']) {
      expect(html, field).toContain(settings.office[field]);
    }
  });
});
