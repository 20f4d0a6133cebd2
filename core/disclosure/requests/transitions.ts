/**
 * What the office does with a 政府信息公开申请, one function per step: receive, askCorrection, corrected,
 * startConsultation, endConsultation, extend, answer. Each is refused — with the request, the field and
 * the rule in Chinese — when the request is not in a state that allows it, or when the record it would
 * make breaks a rule of checks.ts or misses a required field; otherwise it returns the new record (the
 * old one is left as it was).
 */
import { formatProblem } from '../../model/problems.ts';
import { validateDocument } from '../../model/validateDocument.ts';
import type {
  ApplicantKind,
  NotProcessedReason,
  OtherHandlingReason,
  RequestChannel,
  RequestForm,
  RequestOutcome,
  UnavailableReason,
  WithholdingGround,
} from '../../model/vocabulary.ts';
import type { RequestRecord } from './record.ts';
import { REQUEST_STATES, type RequestState, requestState } from './state.ts';

export class RequestRuleError extends Error {
  readonly id: string;
  constructor(id: string, message: string) {
    super(message);
    this.name = 'RequestRuleError';
    this.id = id;
  }
}

/** The record after a step, refused when it is not a valid request. */
function checked(next: RequestRecord, step: string): RequestRecord {
  const problems = validateDocument({ ...next, _type: 'disclosureRequest' });
  if (problems.length > 0) {
    throw new RequestRuleError(next._id, `${step}被拒绝：${problems.map(formatProblem).join('；')}`);
  }
  return next;
}

function requireState(request: RequestRecord, step: string, allowed: readonly RequestState[]): void {
  const state = requestState(request);
  if (!allowed.includes(state)) {
    const wanted = allowed.map((s) => REQUEST_STATES[s]).join('或');
    throw new RequestRuleError(
      request._id,
      `${step}被拒绝：申请 ${request._id} 当前为「${REQUEST_STATES[state]}」，只有「${wanted}」的申请可以${step}`,
    );
  }
}

export interface ReceivedRequest {
  _id: string;
  subject: string;
  description: string;
  applicantName: string;
  applicantKind: ApplicantKind;
  contact: string;
  channel: RequestChannel;
  submittedOn: string;
  /** Signed for or confirmed with the applicant (第三十一条); required unless handed in in person. */
  confirmedOn?: string;
  form: RequestForm;
}

/** 登记: a request enters the register. */
export function receive(input: ReceivedRequest): RequestRecord {
  return checked({ ...input }, '登记申请');
}

/** 告知补正 (第三十条): once, within 7 working days of receipt. */
export function askCorrection(request: RequestRecord, { on, note }: { on: string; note: string }): RequestRecord {
  const step = '告知补正';
  if (request.correctionAskedOn)
    throw new RequestRuleError(
      request._id,
      `${step}被拒绝：申请 ${request._id} 已于 ${request.correctionAskedOn} 告知补正，补正只能一次性告知`,
    );
  requireState(request, step, ['open']);
  if (request.consultationStartedOn || request.extendedOn) {
    throw new RequestRuleError(request._id, `${step}被拒绝：申请 ${request._id} 已开始办理（征求意见或延期），不能再要求补正`);
  }
  return checked({ ...request, correctionAskedOn: on, correctionNote: note }, step);
}

/** 收到补正申请: the 20 working days start again from `on`. */
export function corrected(request: RequestRecord, { on }: { on: string }): RequestRecord {
  const step = '登记补正申请';
  requireState(request, step, ['awaitingCorrection']);
  return checked({ ...request, correctedOn: on }, step);
}

/** 书面征求第三方意见 (第三十二条): the days it takes, at most 15 working days, are not counted. */
export function startConsultation(request: RequestRecord, { on, thirdParty }: { on: string; thirdParty: string }): RequestRecord {
  const step = '征求第三方意见';
  if (request.consultationStartedOn) {
    throw new RequestRuleError(request._id, `${step}被拒绝：申请 ${request._id} 已于 ${request.consultationStartedOn} 征求过第三方意见`);
  }
  requireState(request, step, ['open']);
  return checked({ ...request, consultationStartedOn: on, thirdParty }, step);
}

/** 征求意见结束: the third party answered, or its 15 working days ran out. */
export function endConsultation(request: RequestRecord, { on }: { on: string }): RequestRecord {
  const step = '结束征求意见';
  requireState(request, step, ['consulting']);
  return checked({ ...request, consultationEndedOn: on }, step);
}

/** 延长答复期限 (第三十三条): once, by 20 working days, approved by the office's head, within the original due date. */
export function extend(request: RequestRecord, { on, approver, reason }: { on: string; approver: string; reason?: string }): RequestRecord {
  const step = '延长答复期限';
  if (request.extendedOn) {
    throw new RequestRuleError(
      request._id,
      `${step}被拒绝：申请 ${request._id} 已于 ${request.extendedOn} 延期（批准人 ${request.extensionApprover ?? '未填'}），只能延长一次`,
    );
  }
  requireState(request, step, ['open', 'consulting']);
  return checked({ ...request, extendedOn: on, extensionApprover: approver, ...(reason ? { extensionReason: reason } : {}) }, step);
}

interface Answer {
  on: string;
  outcome: RequestOutcome;
  withholdingGround?: WithholdingGround;
  unavailableReason?: UnavailableReason;
  notProcessedReason?: NotProcessedReason;
  otherHandlingReason?: OtherHandlingReason;
  answerText?: string;
  /** Required when `on` is after the due date. */
  lateReason?: string;
}

/** 答复 (第三十六、三十七条): with its outcome; late only with a reason. */
export function answer(request: RequestRecord, { on, ...rest }: Answer): RequestRecord {
  const step = '答复';
  requireState(request, step, ['open', 'awaitingCorrection']);
  const given = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  return checked({ ...request, answeredOn: on, ...given }, step);
}
