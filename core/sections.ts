/**
 * The sections of the public site, in the order of its navigation: where each section lives, the
 * public document types it shows and where their pages are, its feed, and whether the navigation,
 * the home page and the sitemap list it. One table, read by the site's routes, links, navigation,
 * home page, feeds and sitemap, the reviewers' preview, the Studio's 「预览」 link and the
 * page-weight benchmark.
 *
 * Keys are the content type names (core/model/documentTypes.ts) where a section shows one type;
 * `inspection` shows both inspection types, `catalog` and `search` every type. A section's
 * Chinese name is `zh.sections[key]` (site/i18n/zh.ts); it is also the section's value in the
 * search filter 「栏目」. Astro's routes are folders under site/pages/ at these paths
 * (test/site/sections.test.ts holds the two together).
 */
import { PUBLIC_TYPES, type PublicType } from './model/documentTypes.ts';

interface Section {
  /** The section's own page. */
  path: string;
  /** Its document types, each with where its pages are, relative to `path` (`''`: right under it). */
  documents: Partial<Record<PublicType, string>>;
  /** Its RSS feed (site/pages/rss/[section].xml.ts), or null for none. */
  feed: string | null;
  /** In the main navigation, in this table's order. */
  nav: boolean;
  /** On the home page, with its latest documents. */
  home: boolean;
  /** In the sitemap. Its documents' pages always are. */
  sitemap: boolean;
}

export const SECTIONS = {
  policy: {
    path: '/policies/',
    documents: { policy: '' },
    feed: '/rss/policies.xml',
    nav: true,
    home: true,
    sitemap: true,
  },
  interpretation: {
    path: '/interpretations/',
    documents: { interpretation: '' },
    feed: '/rss/interpretations.xml',
    nav: true,
    home: true,
    sitemap: true,
  },
  complaintAnalysis: {
    path: '/12315/',
    documents: { complaintAnalysis: '' },
    feed: '/rss/12315.xml',
    nav: true,
    home: true,
    sitemap: true,
  },
  // Results first: the home page shows them, and the feed lists results before plans of the same time.
  inspection: {
    path: '/inspections/',
    documents: { inspectionResult: 'results/', inspectionPlan: 'plans/' },
    feed: '/rss/inspections.xml',
    nav: true,
    home: true,
    sitemap: true,
  },
  trademarkNews: {
    path: '/trademarks/',
    documents: { trademarkNews: '' },
    feed: '/rss/trademarks.xml',
    nav: true,
    home: true,
    sitemap: true,
  },
  // 政府信息公开: the guide, rules, 法定主动公开内容, 基本目录, 年报 and 依申请公开 (site/pages/xxgk/), one nav entry.
  xxgk: {
    path: '/xxgk/',
    // The guide's revisions and the rules are documents of their own (指南 and 制度 pages list them).
    documents: { disclosureGuide: 'guide/', disclosureRule: 'rules/' },
    feed: null,
    nav: true,
    home: false,
    sitemap: true,
  },
  // 政府信息公开年报: one page a year under 政府信息公开, linked from its landing page; no nav entry of its own.
  annualReport: {
    path: '/xxgk/annual-reports/',
    documents: { annualReport: '' },
    feed: null,
    nav: false,
    home: false,
    sitemap: true,
  },
  // 建议提案办理复文: part of 政府信息公开 (reached from its landing page and the footer's 网站地图), not a nav entry of its own.
  proposalReply: {
    path: '/xxgk/proposals/',
    documents: { proposalReply: '' },
    feed: null,
    nav: false,
    home: false,
    sitemap: true,
  },
  catalog: {
    path: '/catalog/',
    documents: {},
    feed: null,
    nav: true,
    home: false,
    sitemap: true,
  },
  search: {
    path: '/search/',
    documents: {},
    feed: null,
    nav: false,
    home: false,
    sitemap: false,
  },
} as const satisfies Record<string, Section>;

export type SectionKey = keyof typeof SECTIONS;
/** The sections' keys in the table's (the navigation's) order. */
export const SECTION_KEYS = Object.keys(SECTIONS) as SectionKey[];
/** The sections the home page shows, each with its latest documents. */
export type HomeSectionKey = { [K in SectionKey]: (typeof SECTIONS)[K]['home'] extends true ? K : never }[SectionKey];
export const isHomeSection = (key: SectionKey): key is HomeSectionKey => SECTIONS[key].home;
/** The sections with a feed. */
export type FeedSectionKey = { [K in SectionKey]: (typeof SECTIONS)[K]['feed'] extends string ? K : never }[SectionKey];

/** The section of each public document type. */
export const SECTION_OF_TYPE = Object.fromEntries(
  Object.entries(SECTIONS).flatMap(([key, section]) => Object.keys(section.documents).map((type) => [type, key])),
) as Record<PublicType, SectionKey>;

/** Where the pages of each public document type are: `/inspections/results/`. */
export const DOCUMENT_PATHS = Object.fromEntries(
  Object.values(SECTIONS).flatMap((section) => Object.entries(section.documents).map(([type, below]) => [type, `${section.path}${below}`])),
) as Record<PublicType, string>;

for (const type of Object.keys(PUBLIC_TYPES)) {
  if (!DOCUMENT_PATHS[type as PublicType]) throw new Error(`core/sections.ts: no section shows documents of type ${type}`);
}

export function documentUrl(doc: { _type: string; slug: { current: string } }): string {
  if (!Object.hasOwn(DOCUMENT_PATHS, doc._type)) throw new Error(`no public page for documents of type ${doc._type}`);
  return `${DOCUMENT_PATHS[doc._type as PublicType]}${doc.slug.current}/`;
}

/** Where reviewers see a document as it will be released: its page on the draft preview site. */
export function previewUrl(base: string, doc: { _type: string; slug?: { current?: string } | null }): string | null {
  if (!doc.slug?.current) return null;
  // Relative to the base, so a preview served under a path (https://host/preview/) works too.
  const page = documentUrl({ _type: doc._type, slug: { current: doc.slug.current } });
  return new URL(page.slice(1), base.endsWith('/') ? base : `${base}/`).href;
}
