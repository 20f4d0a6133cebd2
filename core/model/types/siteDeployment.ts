/**
 * 上线记录 (`siteDeployment`): the publisher's record of what it put live on one public site from one
 * content source, kept in the Content Lake so that the Studio's badge and `npm run workflow -- status`
 * can say 「已上线 10:32」 wherever they run (Sanity's hosted Content Lake has no route to the deploy log
 * file beside the site). One document per site and source (core/publish/lakeDeployments.ts gives its
 * id), holding the latest deploys, newest last. Written by the publisher only, read-only in the
 * Studio, and a record type: never public, never read by the public build or its fingerprint.
 */
import { z } from 'zod';
import { documentType, enumOf, item, list, longText, number, string } from '../fields.ts';
import { WORKFLOW_ACTIONS } from '../vocabulary.ts';

const written = z.string().min(1);
const count = z.number().int().nonnegative();

const DEPLOY_OUTCOMES = { live: '已上线', failed: '上线失败' } as const;

/** A release or withdrawal that a deploy put live first. */
const includedEvent = item('deployedEvent', {
  unit: string({ required: true, title: '对象', schema: written }),
  action: enumOf(WORKFLOW_ACTIONS, { required: true, title: '操作' }),
  seq: number({ required: true, title: '审计序号', schema: count }),
  at: string({ title: '时间', schema: z.string() }),
});

const deployRecord = item(
  'deployRecord',
  {
    outcome: enumOf(DEPLOY_OUTCOMES, { required: true, title: '结果' }),
    fingerprint: string({ required: true, title: '公开内容指纹', schema: written }),
    auditSeq: number({ required: true, title: '审计序号（含此前全部发布与撤回）', schema: count }),
    latestRev: string({ title: '最新事务', schema: z.string() }),
    includes: list(includedEvent, { title: '首次上线的发布与撤回' }),
    /** How many releases and withdrawals it put live first, where `includes` lists only the first ones. */
    includedCount: number({ title: '首次上线的发布与撤回（项数）', schema: count }),
    startedAt: string({ required: true, title: '开始时间', schema: written }),
    finishedAt: string({ required: true, title: '上线或失败时间', schema: written }),
    durationMs: number({ required: true, title: '用时（毫秒）', schema: count }),
    build: string({ title: '上线的构建目录', schema: z.string() }),
    error: longText({ title: '失败原因', schema: z.string() }),
    pid: number({ required: true, title: '发布进程', schema: count }),
  },
  { title: 'outcome', subtitle: 'finishedAt' },
);

export const siteDeployment = documentType('siteDeployment', {
  readOnly: true,
  fields: {
    site: string({ required: true, title: '网站目录', schema: written }),
    source: string({ required: true, title: '内容来源', schema: written }),
    records: list(deployRecord, { required: true, title: '最近的上线记录（最新在后）' }),
  },
  preview: { title: 'site', subtitle: 'source' },
});
