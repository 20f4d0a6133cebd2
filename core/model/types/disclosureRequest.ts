/**
 * 政府信息公开申请 (条例 第二十七–四十五条): the office's register of requests — who asked, how and when it
 * arrived, what was asked, and how it was handled (补正, 征求第三方意见, 延期, 答复). Never public: the
 * register is edited in the Studio and read by the desk, `npm run requests` and the annual report's 表三;
 * the build's leak scan forbids its text in every public file.
 *
 * The handling is kept as the dates of what happened, not as a status typed by hand: the state, the due
 * date and every rule (core/disclosure/requests/) are read from them, so a record cannot say "answered" without an
 * answer date, nor be answered late without a reason.
 */
import { date, documentType, enumOf, longText, string } from '../fields.ts';
import {
  APPLICANT_KINDS,
  NOT_PROCESSED_REASONS,
  OTHER_HANDLING_REASONS,
  REQUEST_CHANNELS,
  REQUEST_FORMS,
  REQUEST_OUTCOMES,
  UNAVAILABLE_REASONS,
  WITHHOLDING_GROUNDS,
} from '../vocabulary.ts';
import { requestProblemAt } from '../../disclosure/requests/checks.ts';

/** A rule of core/disclosure/requests/checks.ts, reported at this field. */
const rule = (field: string) => ({ documentCheck: (doc: Record<string, unknown>) => requestProblemAt(doc, field) });
const outcomeIs =
  (outcome: string) =>
  ({ document }: { document?: Record<string, unknown> }) =>
    document?.outcome !== outcome;

export const disclosureRequest = documentType('disclosureRequest', {
  fields: {
    subject: string({ required: true, title: '所需信息名称', description: '申请人所需政府信息的名称或简要描述（登记和列表中显示）' }),
    description: longText({ required: true, title: '所需信息的描述', description: '申请书中对所需信息的描述（第二十九条）', rows: 4 }),
    applicantName: string({ required: true, title: '申请人姓名或名称' }),
    applicantKind: enumOf(APPLICANT_KINDS, { required: true, title: '申请人类别', description: '按年度报告表三的栏目分类' }),
    contact: string({ required: true, title: '联系方式', description: '电话、通信地址或电子邮箱' }),
    channel: enumOf(REQUEST_CHANNELS, { required: true, title: '提交方式', description: '决定收到申请的日期（第三十一条）' }),
    submittedOn: date({
      required: true,
      title: '提交或送达日期',
      description: '当面提交之日；邮寄、网络、传真申请到达本机关之日',
      ...rule('submittedOn'),
    }),
    confirmedOn: date({
      title: '签收或确认日期',
      description: '邮寄（需签收）：本机关签收之日；平常信函、互联网渠道、电子邮件、传真：与申请人确认之日。以此日为收到申请之日',
      hidden: ({ document }) => document?.channel === 'inPerson',
      ...rule('confirmedOn'),
    }),
    form: enumOf(REQUEST_FORMS, { required: true, title: '获取信息的形式' }),
    correctionAskedOn: date({
      title: '告知补正日期',
      description: '收到申请之日起 7 个工作日内一次性告知（第三十条）',
      ...rule('correctionAskedOn'),
    }),
    correctionNote: longText({ title: '需要补正的事项', rows: 2, ...rule('correctionNote') }),
    correctedOn: date({ title: '收到补正申请日期', description: '答复期限自此日起重新计算', ...rule('correctedOn') }),
    thirdParty: string({ title: '征求意见的第三方', ...rule('thirdParty') }),
    consultationStartedOn: date({
      title: '书面征求第三方意见日期',
      description: '征求意见所需时间不计算在答复期限内（第三十二、三十三条）',
      ...rule('consultationStartedOn'),
    }),
    consultationEndedOn: date({
      title: '征求意见结束日期',
      description: '第三方答复之日，或 15 个工作日期满之日；不计入期限的最多 15 个工作日',
      ...rule('consultationEndedOn'),
    }),
    extendedOn: date({
      title: '延长答复期限日期',
      description: '只能延长一次，最长 20 个工作日，须在原答复期限内决定并告知申请人',
      ...rule('extendedOn'),
    }),
    extensionApprover: string({ title: '延期批准人', description: '政府信息公开工作机构负责人', ...rule('extensionApprover') }),
    extensionReason: longText({ title: '延期理由', rows: 2 }),
    answeredOn: date({ title: '答复日期', ...rule('answeredOn') }),
    outcome: enumOf(REQUEST_OUTCOMES, { title: '办理结果', description: '按年度报告表三的行分类', ...rule('outcome') }),
    withholdingGround: enumOf(WITHHOLDING_GROUNDS, {
      title: '不予公开的理由（法律依据）',
      hidden: ({ document }) => document?.outcome !== 'withheld' && document?.outcome !== 'partlyDisclosed',
      ...rule('withholdingGround'),
    }),
    unavailableReason: enumOf(UNAVAILABLE_REASONS, {
      title: '无法提供的情形',
      hidden: outcomeIs('unavailable'),
      ...rule('unavailableReason'),
    }),
    notProcessedReason: enumOf(NOT_PROCESSED_REASONS, {
      title: '不予处理的情形',
      hidden: outcomeIs('notProcessed'),
      ...rule('notProcessedReason'),
    }),
    otherHandlingReason: enumOf(OTHER_HANDLING_REASONS, {
      title: '其他处理的情形',
      hidden: outcomeIs('otherHandling'),
      ...rule('otherHandlingReason'),
    }),
    answerText: longText({
      title: '答复内容',
      description: '已公开的：获取途径；予以提供的：提供的信息；不属于本机关的：负责公开的机关及其联系方式（第三十六条）',
      rows: 4,
    }),
    lateReason: longText({ title: '超期答复理由', description: '答复日期晚于答复期限时必须填写', rows: 2, ...rule('lateReason') }),
  },
  preview: { title: 'subject', subtitle: 'submittedOn' },
  orderings: [{ title: '提交日期（新→旧）', name: 'submittedOnDesc', by: [{ field: 'submittedOn', direction: 'desc' }] }],
});
