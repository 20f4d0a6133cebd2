/** One RSS feed per section that has one (core/sections.ts), newest first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import type { PublicType } from '../../../core/model/documentTypes.ts';
import { documentUrl, SECTION_KEYS, SECTIONS } from '../../../core/sections.ts';
import { zh } from '../../i18n/zh.ts';
import { siteContent } from '../../lib/content.ts';

const FEED_SIZE = 50;

interface FeedItem {
  _type: string;
  title: string;
  slug: { current: string };
  summary?: string | null;
  publishedAt?: string | null;
}

export async function getStaticPaths() {
  const { policies, interpretations, analyses, plans, results, news, proposals } = await siteContent();
  const documents: Record<PublicType, FeedItem[]> = {
    policy: policies,
    interpretation: interpretations,
    complaintAnalysis: analyses,
    inspectionPlan: plans,
    inspectionResult: results,
    trademarkNews: news,
    proposalReply: proposals,
    // 年报 have no feed (core/sections.ts).
    annualReport: [],
    // 政府信息公开 has no feed either.
    disclosureGuide: [],
    disclosureRule: [],
  };
  return SECTION_KEYS.flatMap((key) => {
    const section = SECTIONS[key];
    if (!section.feed) return [];
    const items = (Object.keys(section.documents) as PublicType[]).flatMap((type) => documents[type]);
    const name = section.feed.slice('/rss/'.length, -'.xml'.length);
    return [{ params: { section: name }, props: { title: zh.sections[key], items } }];
  });
}

export const GET: APIRoute = async ({ props, site }) => {
  const { title, items } = props as { title: string; items: FeedItem[] };
  const newest = [...items].sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '')).slice(0, FEED_SIZE);
  return rss({
    title: zh.feeds.title(title),
    description: title,
    site: site!,
    customData: '<language>zh-cn</language>',
    items: newest.map((item) => ({
      title: item.title,
      link: documentUrl(item),
      ...(item.publishedAt ? { pubDate: new Date(item.publishedAt) } : {}),
      ...(item.summary ? { description: item.summary } : {}),
    })),
  });
};
