/**
 * 建议提案办理复文: the bureau's published reply to a 人大代表建议 or a 政协委员提案. The proposer is
 * named and nothing else about them is stored (no unit, post, telephone or address): the reply is
 * public, the proposer's other personal data is not the bureau's to publish. The reply's full text
 * is the body; it is released through the same sign-off as any single document.
 */
import { date, documentType, enumOf, item, list, string } from '../fields.ts';
import { PROPOSAL_CATEGORIES, PROPOSAL_KINDS } from '../vocabulary.ts';
import { disclosureMetadata } from './disclosureMetadata.ts';

/** One or more names, 2–20 characters each (Chinese, letters, the middle dot of minority names), joined by 、. */
const NAMES = /^[\p{Script=Han}A-Za-z·•]{2,20}(、[\p{Script=Han}A-Za-z·•]{2,20})*$/u;

export const proposalReply = documentType('proposalReply', {
  fields: {
    ...disclosureMetadata(true),
    kind: enumOf(PROPOSAL_KINDS, { required: true, group: 'content', layout: 'radio' }),
    session: string({ required: true, group: 'content', description: '例如「市十六届人大五次会议」或「市政协十三届五次会议」' }),
    number: string({ required: true, group: 'content', description: '建议或提案的编号，例如「第0123号」' }),
    proposer: string({
      required: true,
      group: 'content',
      description: '只填姓名；多人联名用顿号分隔。不填单位、职务、电话、住址等其他个人信息',
      pattern: NAMES,
      message: '提出人只能填写姓名（多人用顿号「、」分隔），不得填写单位、职务、电话、住址等其他个人信息',
    }),
    leadUnit: string({ required: true, group: 'content', description: '主办单位，一般为本局' }),
    coUnits: list(item('coUnit', { name: string({ required: true, title: '单位名称' }) }, { title: 'name' }), { group: 'content' }),
    replyCategory: enumOf(PROPOSAL_CATEGORIES, {
      required: true,
      group: 'content',
      layout: 'radio',
      description: '按人大、政协的办理结果分类：A 类已解决或基本解决，B 类正在解决或列入计划，C 类因条件限制暂时无法解决',
    }),
    repliedAt: date({ required: true, group: 'content', description: '答复函落款日期' }),
  },
  preview: { title: 'title', subtitle: 'number' },
  orderings: [{ title: '答复日期（新→旧）', name: 'repliedAtDesc', by: [{ field: 'repliedAt', direction: 'desc' }] }],
});
