/** One RSS feed per section, newest first. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { zh } from '../../i18n/zh.ts';
import { siteContent } from '../../lib/content.ts';
import { documentUrl } from '../../../core/urls.ts';

const FEED_SIZE = 50;

export async function getStaticPaths() {
  const { policies, interpretations, analyses, plans, results, news } = await siteContent();
  const feeds = {
    policies: { title: zh.sections.policies, items: policies },
    interpretations: { title: zh.sections.interpretations, items: interpretations },
    '12315': { title: zh.sections.complaints, items: analyses },
    inspections: { title: zh.sections.inspections, items: [...results, ...plans] },
    trademarks: { title: zh.sections.trademarks, items: news },
  };
  return Object.entries(feeds).map(([section, feed]) => ({ params: { section }, props: feed }));
}

interface FeedItem { _type: string; title: string; slug: { current: string }; summary?: string | null; publishedAt?: string | null }

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
