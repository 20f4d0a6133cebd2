/**
 * A released pair that must never be public: an internal working document (过程性信息),
 * withheld under 条例 第十六条. It is complete and correctly paired like any other pair, so
 * only the disclosure rule keeps it off the public site.
 */
import type { PolicySpec } from './policyPairs.ts';
import { TOPIC } from './topics.ts';

export const WITHHELD_REASON_PROCESS =
  '属于行政机关在履行行政管理职能过程中形成的过程性信息和行政执法案卷信息，依据《中华人民共和国政府信息公开条例》第十六条第二款不予公开。';

export const INTERNAL_CASE_ASSIGNMENT_2025: PolicySpec = {
  key: '2025-internal-case-assignment',
  title: '株洲市市场监督管理局重点案件线索内部督办分工方案（过程稿）',
  docNumber: '株市监办字〔2025〕41号',
  drafter: 'zfzd',
  topic: TOPIC.business,
  validity: 'valid',
  formedAt: '2025-04-07',
  delay: 4,
  disclosure: { mode: 'withheld', reason: WITHHELD_REASON_PROCESS },
  summary: '对2025年上级交办和本局受理的重点案件线索明确承办科室、督办责任人和办理时限，供局内部工作使用。',
  body: [
    '局机关各科室、综合行政执法支队：',
    '为加快重点案件线索办理，压实办案责任，经局长办公会研究，现将2025年重点案件线索内部督办分工明确如下。',
    '## 一、分工原则',
    '按照“谁主管、谁承办，谁承办、谁负责”的原则，线索由业务主管科室牵头核查，综合行政执法支队负责立案调查，政策法规科负责法制审核。',
    '## 二、督办事项',
    '（一）上级交办的芦淞区服装市场涉嫌侵犯注册商标专用权线索3条，由知识产权促进科牵头，综合行政执法支队承办，2025年6月30日前办结。',
    '（二）12315平台转办的荷塘区预付式消费集中投诉涉及线索2条，由消费者权益保护科牵头，2025年5月31日前提出处理意见。',
    '（三）醴陵市移送的涉嫌生产不合格日用陶瓷产品线索1条，由产品质量安全监督管理科牵头，2025年6月15日前办结。',
    '## 三、工作要求',
    '各承办单位每半月向办公室报送办理进度。本方案为过程稿，仅供局内部工作使用，不得对外提供。',
  ],
  interpretation: {
    form: 'text',
    titleStyle: 'about',
    summary: '说明重点案件线索内部督办分工方案的分工原则和督办要求，供局内部工作使用。',
    body: [
      '## 一、制定目的',
      '集中力量办理上级交办和群众反映强烈的重点案件线索，明确牵头科室和时限，防止线索久拖不办。',
      '## 二、分工原则',
      '业务主管科室牵头核查，综合行政执法支队立案调查，政策法规科法制审核。',
      '## 三、督办方式',
      '办公室按半月汇总进度，对逾期未办结的线索提请局长办公会专题研究。',
      '## 四、使用范围',
      '本方案及其说明均为过程性信息，仅供局内部使用。',
    ],
  },
};
