/** 建议提案办理复文 (content/sample/proposals.yaml): released replies in file order, then the drafts. */
import { z } from 'zod';
import { PROPOSAL_CATEGORIES, PROPOSAL_KINDS, valuesOf } from '../../core/model/vocabulary.ts';
import { date, disclosure, paragraphs, prose, readContentFile, saved, slugKey, topic, workingDays } from './content.ts';
import type { Departments } from './departments.ts';
import { PROACTIVE, ref, releaseAfter, slug, type Doc } from './documents.ts';
import { portableText } from './portableText.ts';
import { pick, randomFor } from './random.ts';

function repliesSchema(departments: Departments) {
  return z.strictObject({
    topic,
    replies: z.array(
      z
        .strictObject({
          key: slugKey,
          kind: z.enum(valuesOf(PROPOSAL_KINDS)),
          session: z.string().min(4),
          number: z.string().min(2),
          title: z.string().min(4),
          /** Names only (the model refuses anything else). */
          proposer: z.string().min(2),
          leadUnit: z.string().min(4),
          coUnits: z.array(z.string().min(2)),
          category: z.enum(valuesOf(PROPOSAL_CATEGORIES)),
          department: departments.key,
          repliedAt: date,
          /** Working days from the reply to its release; a draft has none. */
          delay: workingDays.optional(),
          disclosure: disclosure.optional(),
          summary: z.string().min(10),
          body: prose,
          draft: saved.optional(),
        })
        .refine((reply) => reply.draft !== undefined || reply.delay !== undefined, {
          message: '已发布的答复要写 delay（答复后几个工作日公开）',
          path: ['delay'],
        }),
    ),
  });
}

export function proposalReplies(directory: string, departments: Departments): Doc[] {
  const file = readContentFile(directory, 'proposals.yaml', repliesSchema(departments));
  const document = (reply: (typeof file.replies)[number]): Doc => {
    const release = reply.draft ? undefined : releaseAfter(reply.repliedAt, reply.delay ?? 0, `proposal-${reply.key}`);
    return {
      _id: `${reply.draft ? 'drafts.' : ''}proposal-${reply.key}`,
      _type: 'proposalReply',
      title: reply.title,
      slug: slug(reply.key),
      publisher: ref(departments.id(reply.department)),
      topic: file.topic,
      summary: reply.summary,
      // The reply is the information: it is formed the day it is signed.
      formedAt: reply.repliedAt,
      ...(release ? { publishedAt: release.publishedAt } : {}),
      disclosure: reply.disclosure ?? PROACTIVE,
      kind: reply.kind,
      session: reply.session,
      number: reply.number,
      proposer: reply.proposer,
      leadUnit: reply.leadUnit,
      ...(reply.coUnits.length > 0
        ? { coUnits: reply.coUnits.map((name, index) => ({ _key: `unit${index + 1}`, _type: 'coUnit', name })) }
        : {}),
      replyCategory: reply.category,
      repliedAt: reply.repliedAt,
      responsibleEditor: pick(randomFor(`editor:${reply.key}`), departments.editors),
      source: departments.source(reply.department),
      body: portableText(paragraphs(reply.body)),
      ...(reply.draft ? { _createdAt: reply.draft.createdAt, _updatedAt: reply.draft.updatedAt } : {}),
    };
  };
  return [...file.replies.filter((reply) => !reply.draft), ...file.replies.filter((reply) => reply.draft)].map(document);
}
