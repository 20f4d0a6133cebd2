/**
 * The rules a 政府信息公开申请's record must keep, each reported at the field that breaks it: the Studio
 * shows them on the field (the declaration's documentCheck), the dataset validation refuses a record that
 * breaks one, and every transition (transitions.ts) is refused when its result would.
 */
import { NoPublishedCalendarError } from '../../calendar/workingDays.ts';
import { CORRECTION_WORKING_DAYS, answerDueDate, clockStart, correctionDeadline, originalDueDate, receivedOn } from './deadline.ts';
import type { RequestRecord } from './record.ts';

interface RequestProblem {
  field: keyof RequestRecord;
  message: string;
}

const OUTCOME_REASON = {
  unavailable: 'unavailableReason',
  notProcessed: 'notProcessedReason',
  otherHandling: 'otherHandlingReason',
} as const;

function isText(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

/** Every rule the record breaks. */
function requestProblems(request: RequestRecord): RequestProblem[] {
  const problems: RequestProblem[] = [];
  const problem = (field: keyof RequestRecord, message: string) => problems.push({ field, message });
  const r = request;

  if (r.channel && r.channel !== 'inPerson' && !r.confirmedOn) {
    problem('confirmedOn', '非当面提交的申请须填写签收或确认日期：以此日为收到申请之日（第三十一条）');
  }
  if (r.confirmedOn && r.submittedOn && r.confirmedOn < r.submittedOn) problem('confirmedOn', '签收或确认日期不能早于提交或送达日期');
  const received = receivedOn(r);

  if (r.correctionAskedOn) {
    if (received && r.correctionAskedOn < received) problem('correctionAskedOn', `告知补正日期不能早于收到申请之日 ${received}`);
    else if (received && r.correctionAskedOn > correctionDeadline(received)) {
      problem(
        'correctionAskedOn',
        `补正须在收到申请之日起 ${CORRECTION_WORKING_DAYS} 个工作日内告知（收到 ${received}，最晚 ${correctionDeadline(received)}），` +
          `告知日期 ${r.correctionAskedOn} 已超过；应按原申请答复`,
      );
    }
    if (!isText(r.correctionNote)) problem('correctionNote', '告知补正时须写明需要补正的事项（一次性告知）');
  }
  if (r.correctedOn) {
    if (!r.correctionAskedOn) problem('correctedOn', '没有告知补正，不能填写收到补正申请日期');
    else if (r.correctedOn < r.correctionAskedOn) problem('correctedOn', `收到补正申请日期不能早于告知补正日期 ${r.correctionAskedOn}`);
  }
  const start = clockStart(r);
  const awaitingCorrection = Boolean(r.correctionAskedOn && !r.correctedOn);

  if (r.consultationStartedOn) {
    if (!isText(r.thirdParty)) problem('thirdParty', '征求第三方意见时须写明第三方');
    if (awaitingCorrection) problem('consultationStartedOn', '申请正在等待补正，补正后才能征求第三方意见');
    else if (start && r.consultationStartedOn < start) problem('consultationStartedOn', `征求意见日期不能早于答复期限起算之日 ${start}`);
    else if (start) {
      const due = answerDueDate({ ...r, consultationStartedOn: undefined, consultationEndedOn: undefined });
      if (due && r.consultationStartedOn > due)
        problem('consultationStartedOn', `征求第三方意见须在答复期限 ${due} 内进行，${r.consultationStartedOn} 已超过`);
    }
  }
  if (r.consultationEndedOn) {
    if (!r.consultationStartedOn) problem('consultationEndedOn', '没有征求第三方意见，不能填写征求意见结束日期');
    else if (r.consultationEndedOn < r.consultationStartedOn)
      problem('consultationEndedOn', `征求意见结束日期不能早于开始日期 ${r.consultationStartedOn}`);
  }
  if (r.thirdParty && !r.consultationStartedOn) problem('consultationStartedOn', '填写了第三方，须填写书面征求意见日期');

  if (r.extendedOn) {
    if (!isText(r.extensionApprover)) problem('extensionApprover', '延长答复期限须经政府信息公开工作机构负责人同意：填写批准人');
    if (awaitingCorrection) problem('extendedOn', '申请正在等待补正，答复期限尚未开始，不能延期');
    else if (start && r.extendedOn < start) problem('extendedOn', `延期日期不能早于答复期限起算之日 ${start}`);
    else if (start) {
      const original = originalDueDate(r, r.extendedOn);
      if (original && r.extendedOn > original) problem('extendedOn', `延期须在原答复期限 ${original} 内决定，${r.extendedOn} 已超过`);
    }
  } else if (isText(r.extensionApprover)) problem('extendedOn', '填写了延期批准人，须填写延长答复期限日期');

  if (r.answeredOn && !r.outcome) problem('outcome', '已答复的申请须选择办理结果');
  if (r.outcome && !r.answeredOn) problem('answeredOn', '选择了办理结果，须填写答复日期');
  if (r.answeredOn) {
    if (received && r.answeredOn < received) problem('answeredOn', `答复日期不能早于收到申请之日 ${received}`);
    else if (r.correctedOn && r.answeredOn < r.correctedOn) problem('answeredOn', `答复日期不能早于收到补正申请之日 ${r.correctedOn}`);
    else if (r.consultationEndedOn && r.answeredOn < r.consultationEndedOn) {
      problem('answeredOn', `答复日期不能早于征求意见结束日期 ${r.consultationEndedOn}`);
    }
    if (r.consultationStartedOn && !r.consultationEndedOn) problem('consultationEndedOn', '答复前须填写征求第三方意见结束日期');
    if (awaitingCorrection && !(r.outcome === 'otherHandling' && r.otherHandlingReason === 'noCorrection')) {
      problem('outcome', '申请正在等待补正：收到补正申请前，只能按「申请人无正当理由逾期不补正」作其他处理');
    }
    const due = answerDueDate(r);
    if (due && r.answeredOn > due && !isText(r.lateReason)) {
      problem('lateReason', `答复日期 ${r.answeredOn} 晚于答复期限 ${due}：须填写超期答复理由`);
    }
  }
  if ((r.outcome === 'withheld' || r.outcome === 'partlyDisclosed') && !r.withholdingGround) {
    problem('withholdingGround', `${r.outcome === 'withheld' ? '不予公开' : '部分公开'}须选择不予公开的理由（法律依据）`);
  }
  for (const [outcome, field] of Object.entries(OUTCOME_REASON)) {
    if (r.outcome === outcome && !r[field]) problem(field, '须选择该办理结果的具体情形（表三的行）');
  }
  if (r.otherHandlingReason === 'noCorrection' && r.outcome === 'otherHandling' && !awaitingCorrection) {
    problem('otherHandlingReason', '「逾期不补正」只适用于告知补正后没有收到补正申请的申请');
  }
  if (r.unavailableReason === 'stillUnclear' && r.outcome === 'unavailable' && !r.correctedOn) {
    problem('unavailableReason', '「补正后申请内容仍不明确」只适用于已收到补正申请的申请');
  }
  return problems;
}

/** The requests' rules as the calendar allows: a date it cannot count (no published calendar) is the problem. */
function problemsOrCalendar(request: RequestRecord): RequestProblem[] {
  try {
    return requestProblems(request);
  } catch (error) {
    if (error instanceof NoPublishedCalendarError || (error instanceof Error && error.message.includes('不是日期'))) {
      return [{ field: 'submittedOn', message: error.message }];
    }
    throw error;
  }
}

/** The first problem at `field` of a (possibly incomplete) record, for the declaration's documentCheck. */
export function requestProblemAt(doc: Record<string, unknown>, field: string): string | null {
  const found = problemsOrCalendar(doc as unknown as RequestRecord).find((p) => p.field === field);
  return found?.message ?? null;
}
