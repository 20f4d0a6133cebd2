/**
 * Pairs in the editors' hands (drafts):
 * - `2024-food-delivery` was released in 2024 and is being revised: its published pair stays
 *   as released and `drafts.` versions carry the changes (same 索引号 and 发布日期);
 * - `2026-changzhutan-consumer` has never been released: it exists only as drafts whose
 *   references to each other are weak, as Sanity writes references to unpublished documents.
 */
import type { Doc } from './documents.ts';
import { FOOD_DELIVERY_2024 } from './policies2024.ts';
import { policyPair, type PolicySpec } from './policyPairs.ts';
import { TOPIC } from './topics.ts';

function revisedBody(body: readonly string[]): string[] {
  const revised = body.map((paragraph) =>
    paragraph.startsWith('（五）')
      ? '（五）入网餐饮服务提供者应当对配送食品使用食品安全封签，实现“一单一签”；封签破损的，送餐人员不得继续配送，消费者有权拒收。'
      : paragraph,
  );
  const at = revised.findIndex((paragraph) => paragraph.startsWith('## 三、'));
  revised.splice(
    at,
    0,
    '（六）网络餐饮服务第三方平台在我市设立的服务站应当配备专职食品安全管理人员，每季度向属地市场监督管理部门报告入网餐饮服务提供者审查和抽查情况。',
  );
  // Keep the items numbered in order after the inserted one.
  let next = 0;
  return revised.map((paragraph) => {
    const match = /^（([一二三四五六七八九十]+)）/.exec(paragraph);
    if (!match) return paragraph;
    next++;
    return paragraph.replace(match[0], `（${'一二三四五六七八九十'[next - 1]}）`);
  });
}

export const FOOD_DELIVERY_REVISION: PolicySpec = {
  ...FOOD_DELIVERY_2024,
  title: '株洲市网络餐饮服务食品安全监督管理工作指引（2026年修订）',
  formedAt: '2026-11-20',
  summary:
    '在2024年指引基础上修订：将食品安全封签由鼓励使用改为应当使用，新增平台服务站配备专职食品安全管理人员和按季度报告的要求，其余网络餐饮服务第三方平台审查、实体店铺核查、“互联网+明厨亮灶”和“幽灵外卖”整治等规定不变。',
  body: revisedBody(FOOD_DELIVERY_2024.body),
  interpretation: {
    ...FOOD_DELIVERY_2024.interpretation,
    summary: '以图文形式解读2026年修订后的网络餐饮服务食品安全监督管理工作指引，重点说明食品安全封签和平台服务站的新要求。',
    body: [
      '## 一图读懂：这次修订改了什么',
      '【变化一】食品安全封签由“鼓励使用”改为“应当使用”，封签破损的不得继续配送，消费者有权拒收。',
      '【变化二】平台在株服务站要配备专职食品安全管理人员，每季度向属地市场监管部门报告审查和抽查情况。',
      ...FOOD_DELIVERY_2024.interpretation.body,
    ],
  },
};

export const CHANGZHUTAN_CONSUMER_2026: PolicySpec = {
  key: '2026-changzhutan-consumer',
  title: '株洲市市场监督管理局关于推进长株潭消费投诉异地受理和联动处置的实施意见',
  drafter: 'xfbh',
  topic: TOPIC.trade,
  validity: 'valid',
  formedAt: '2026-11-24',
  delay: 0,
  summary:
    '落实长株潭市场监管一体化合作要求，推行长沙、株洲、湘潭三市消费投诉“异地受理、属地处理、结果互认”，建立跨市投诉转办时限、联合调解、信息共享和典型案例联合发布机制。',
  body: [
    '各区、县（市）市场监督管理局：',
    '为落实长株潭都市圈市场监管一体化合作协议，方便消费者就近维权，现就推进长株潭消费投诉异地受理和联动处置提出如下实施意见。',
    '## 一、推行异地受理',
    '消费者在长沙、湘潭两市消费后，可以通过全国12315平台、12315热线或者到我市任一市场监督管理所提出投诉，受理单位不得以“不属于本地管辖”为由拒绝接收。',
    '## 二、明确转办时限',
    '我市受理的异地投诉，应当在3个工作日内通过12315平台转交经营者所在地市场监督管理部门处理；外市转来的投诉，各区、县（市）局应当按照《市场监督管理投诉举报处理暂行办法》规定的时限办理。',
    '## 三、开展联合调解',
    '对涉及三市经营者、消费者人数较多的预付式消费、旅游、汽车消费等纠纷，三市市场监督管理部门联合开展调解，必要时采取在线调解方式。',
    '## 四、共享信息和结果互认',
    '三市共享投诉热点、经营者诉转案和消费警示信息，按季度联合发布典型案例；对经营者作出的调解结果，三市互认。',
  ],
  interpretation: {
    form: 'qa',
    summary: '以问答形式解读长株潭消费投诉异地受理和联动处置的主要做法。',
    body: [
      '### 问：在长沙消费遇到问题，可以在株洲投诉吗？',
      '答：可以。消费者可以通过全国12315平台、12315热线或者就近到株洲市任一市场监督管理所提出投诉，受理单位会在3个工作日内转交经营者所在地市场监管部门处理。',
      '### 问：异地投诉会不会拖得更久？',
      '答：不会。转办时限为3个工作日，处理时限按照《市场监督管理投诉举报处理暂行办法》执行，与本地投诉相同。',
      '### 问：什么情况会联合调解？',
      '答：涉及三市、人数较多的预付式消费、旅游、汽车消费等纠纷，三市市场监管部门会联合调解，必要时在线调解。',
      '### 问：调解结果在三市都有效吗？',
      '答：有效。三市对调解结果互认，并按季度联合发布典型案例。',
    ],
  },
};

function stamp(doc: Doc, createdAt: string, updatedAt: string): Doc {
  return { ...doc, _createdAt: createdAt, _updatedAt: updatedAt };
}

export function policyDraftDocuments(): Doc[] {
  const [revisedPolicy, revisedInterpretation] = policyPair(FOOD_DELIVERY_REVISION, 'draftOfRelease');
  const [newPolicy, newInterpretation] = policyPair(CHANGZHUTAN_CONSUMER_2026, 'draftOnly');
  return [
    stamp(revisedPolicy, '2026-11-20T01:42:10Z', '2026-11-26T07:15:33Z'),
    stamp(revisedInterpretation, '2026-11-20T02:05:48Z', '2026-11-26T07:31:02Z'),
    stamp(newPolicy, '2026-11-24T03:12:27Z', '2026-11-27T08:46:19Z'),
    stamp(newInterpretation, '2026-11-24T06:40:55Z', '2026-11-27T09:02:41Z'),
  ];
}
