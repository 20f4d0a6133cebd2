/**
 * 政府信息公开申请答复告知书: the answer letter of an answered request, made from its record — what was asked
 * and when it was received, the steps on the way (补正, 征求第三方意见, 延期), the decision with its article of
 * the 条例, and the remedies of 第五十一条. As plain text (`npm run requests -- --letter <id>`) and as a
 * printable HTML page (the Studio's 「打印告知书」).
 */
import { BUREAU } from '../../bureau/identity.ts';
import {
  NOT_PROCESSED_REASONS,
  REQUEST_FORMS,
  WITHHOLDING_GROUNDS,
  type RequestChannel,
  type WithholdingGround,
} from '../../model/vocabulary.ts';
import { escapeHtml } from '../../text/escapeHtml.ts';
import { receivedOn } from './deadline.ts';
import type { RequestRecord } from './record.ts';

const REGULATION = '《中华人民共和国政府信息公开条例》';

/** How the letter says the request was made (第三十一条's channels). */
const CHANNEL_WORDS: Record<RequestChannel, string> = {
  inPerson: '当面提交',
  registeredMail: '邮寄',
  ordinaryMail: '平常信函',
  online: '互联网（网上申请平台）',
  email: '电子邮件',
  fax: '传真',
};

/** The article each legal ground rests on. */
const GROUND_ARTICLE: Record<WithholdingGround, string> = {
  stateSecret: '第十四条',
  prohibitedByLaw: '第十四条',
  threeSecurities: '第十四条',
  thirdPartyRights: '第十五条',
  internalAffairs: '第十六条',
  processInformation: '第十六条',
  enforcementFiles: '第十六条',
  administrativeQuery: '第三十六条第（七）项',
};

/** 2026-03-13 → 2026年3月13日 */
function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

function decision(request: RequestRecord): string {
  const ground = request.withholdingGround;
  const groundText = ground ? `${WITHHOLDING_GROUNDS[ground]}（${REGULATION}${GROUND_ARTICLE[ground]}）` : '';
  switch (request.outcome) {
    case 'disclosed':
      return `经审查，您申请获取的政府信息属于公开范围，根据${REGULATION}第三十六条的规定，本机关决定予以公开。`;
    case 'partlyDisclosed':
      return `经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据${REGULATION}第三十七条的规定，本机关向您提供可以公开的部分；其余部分属于${groundText}，不予公开。`;
    case 'withheld':
      return `经审查，您申请获取的政府信息属于${groundText}。本机关决定不予公开。`;
    case 'unavailable': {
      const reason = request.unavailableReason;
      if (reason === 'notHeld')
        return `经检索，本机关不掌握您申请获取的政府信息。根据${REGULATION}第三十六条第（四）项的规定，告知您该政府信息不存在。`;
      if (reason === 'needsCreation')
        return `经审查，本机关没有您申请获取的现成信息，需要另行制作。根据${REGULATION}第三十八条的规定，本机关不予提供。`;
      return `经告知补正，您补正后的申请内容仍不明确，本机关无法确定您所需的政府信息，根据${REGULATION}第三十条的规定无法提供。`;
    }
    case 'notProcessed':
      return `经审查，您的申请属于「${NOT_PROCESSED_REASONS[request.notProcessedReason!]}」，根据${REGULATION}的有关规定，本机关不予处理。`;
    case 'otherHandling':
      if (request.otherHandlingReason === 'noCorrection') {
        return `本机关于${chineseDate(request.correctionAskedOn!)}告知您补正申请，您无正当理由逾期未补正。根据${REGULATION}第三十条的规定，视为您放弃申请，本机关不再处理该申请。`;
      }
      if (request.otherHandlingReason === 'feeUnpaid') {
        return `您逾期未按本机关的收费通知要求缴纳费用。根据${REGULATION}第四十二条和国办函〔2020〕109号的规定，本机关不再处理该申请。`;
      }
      // 其他: what was done is the answer's own text (答复内容).
      return '经审查，本机关对您的申请作如下处理：';
    default:
      throw new Error(`申请 ${request._id} 尚未答复（没有办理结果和答复日期），不能生成答复告知书`);
  }
}

/** The paragraphs of the letter, from the salutation to the remedies. */
function paragraphs(request: RequestRecord): string[] {
  if (!request.answeredOn || !request.outcome) {
    throw new Error(`申请 ${request._id} 尚未答复（没有办理结果和答复日期），不能生成答复告知书`);
  }
  const received = receivedOn(request) ?? request.submittedOn ?? '';
  const channel = request.channel ? CHANNEL_WORDS[request.channel] : '书面';
  const form = request.form ? `，希望以「${REQUEST_FORMS[request.form]}」形式获取` : '';
  const steps: string[] = [];
  if (request.correctedOn && request.correctionAskedOn) {
    steps.push(
      `本机关于${chineseDate(request.correctionAskedOn)}告知您补正申请，于${chineseDate(request.correctedOn)}收到补正后的申请，答复期限自该日起计算。`,
    );
  }
  if (request.consultationStartedOn) {
    steps.push(
      `因申请公开的信息可能涉及第三方合法权益，本机关于${chineseDate(request.consultationStartedOn)}书面征求了第三方的意见，征求意见所需时间不计算在答复期限内。`,
    );
  }
  if (request.extendedOn) {
    steps.push(`经本机关政府信息公开工作机构负责人同意，答复期限延长 20 个工作日，已于${chineseDate(request.extendedOn)}告知您。`);
  }
  return [
    `${request.applicantName ?? '申请人'}：`,
    `本机关于${chineseDate(received)}收到您以${channel}方式提交的政府信息公开申请，申请获取「${request.subject ?? ''}」${form}。${steps.join('')}`,
    decision(request),
    ...(request.answerText?.trim() ? [request.answerText.trim()] : []),
    `如对本答复不服，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报；也可以自收到本告知书之日起 60 日内依法申请行政复议，或者自收到本告知书之日起 6 个月内依法向人民法院提起行政诉讼（${REGULATION}第五十一条）。`,
  ];
}

const TITLE = '政府信息公开申请答复告知书';

export function letterText(request: RequestRecord): string {
  const [salutation, ...body] = paragraphs(request);
  return [
    TITLE,
    `编号：${request._id}`,
    '',
    salutation,
    ...body.map((p) => `    ${p}`),
    '',
    `${BUREAU.name}`,
    chineseDate(request.answeredOn!),
    '',
  ].join('\n');
}

export function letterHtml(request: RequestRecord): string {
  const [salutation, ...body] = paragraphs(request).map(escapeHtml);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${TITLE}（${escapeHtml(request._id)}）</title>
<style>
  body { font-family: "FangSong", "STFangsong", serif; font-size: 16pt; line-height: 1.8; max-width: 40em; margin: 2em auto; }
  h1 { font-family: "SimHei", "STHeiti", sans-serif; font-size: 20pt; text-align: center; font-weight: normal; }
  .number { text-align: right; }
  .body p { text-indent: 2em; margin: 0; }
  .signature { text-align: right; margin-top: 3em; }
  @media print { body { margin: 0 auto; } }
</style>
</head>
<body>
<h1>${TITLE}</h1>
<p class="number">编号：${escapeHtml(request._id)}</p>
<p>${salutation}</p>
<div class="body">
${body.map((p) => `<p>${p}</p>`).join('\n')}
</div>
<p class="signature">${escapeHtml(BUREAU.name)}<br>${chineseDate(request.answeredOn!)}</p>
</body>
</html>
`;
}
