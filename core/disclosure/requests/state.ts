/**
 * Where a 政府信息公开申请 stands, read from the dates of its record (never typed by hand):
 * awaiting 补正, consulting a third party, being handled, or answered (办结).
 */
import type { RequestRecord } from './record.ts';

export const REQUEST_STATES = {
  awaitingCorrection: '待补正',
  consulting: '征求第三方意见',
  open: '办理中',
  answered: '已办结',
} as const;
export type RequestState = keyof typeof REQUEST_STATES;

export function requestState(request: RequestRecord): RequestState {
  if (request.answeredOn) return 'answered';
  if (request.correctionAskedOn && !request.correctedOn) return 'awaitingCorrection';
  if (request.consultationStartedOn && !request.consultationEndedOn) return 'consulting';
  return 'open';
}
