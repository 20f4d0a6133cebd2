/** 商标品牌 news (content/sample/trademarks/news.yaml): released news in file order, then the drafts. */
import { z } from 'zod';
import { TRADEMARK_CATEGORIES, valuesOf } from '../../core/model/vocabulary.ts';
import { date, disclosure, paragraphs, prose, readContentFile, saved, slugKey, topic, workingDays } from './content.ts';
import type { Departments } from './departments.ts';
import { PROACTIVE, ref, releaseAfter, slug, type Doc } from './documents.ts';
import { portableText } from './portableText.ts';
import { pick, randomFor } from './random.ts';

function newsSchema(departments: Departments) {
  return z.strictObject({
    topic,
    news: z.array(
      z
        .strictObject({
          key: slugKey,
          title: z.string().min(4),
          category: z.enum(valuesOf(TRADEMARK_CATEGORIES)),
          department: departments.key,
          formedAt: date,
          /** Working days to the release; a draft has none. */
          delay: workingDays.optional(),
          disclosure: disclosure.optional(),
          summary: z.string().min(10),
          body: prose,
          /** A draft never released: when it was created and last saved. */
          draft: saved.optional(),
        })
        .refine((news) => news.draft !== undefined || news.delay !== undefined, {
          message: '已发布的新闻要写 delay（形成后几个工作日发布）',
          path: ['delay'],
        }),
    ),
  });
}

export function trademarkNews(directory: string, departments: Departments): Doc[] {
  const file = readContentFile(directory, 'trademarks/news.yaml', newsSchema(departments));
  const document = (news: (typeof file.news)[number]): Doc => {
    const release = news.draft ? undefined : releaseAfter(news.formedAt, news.delay ?? 0, `news-${news.key}`);
    return {
      _id: `${news.draft ? 'drafts.' : ''}trademark-${news.key}`,
      _type: 'trademarkNews',
      title: news.title,
      slug: slug(news.key),
      publisher: ref(departments.id(news.department)),
      topic: file.topic,
      summary: news.summary,
      formedAt: news.formedAt,
      ...(release ? { publishedAt: release.publishedAt } : {}),
      disclosure: news.disclosure ?? PROACTIVE,
      category: news.category,
      responsibleEditor: pick(randomFor(`editor:${news.key}`), departments.editors),
      source: departments.source(news.department),
      body: portableText(paragraphs(news.body)),
      ...(news.draft ? { _createdAt: news.draft.createdAt, _updatedAt: news.draft.updatedAt } : {}),
    };
  };
  return [...file.news.filter((news) => !news.draft), ...file.news.filter((news) => news.draft)].map(document);
}
