/** A request as received in person, for the rules' tests: each test changes what it is about. */
import type { ReceivedRequest } from '../../core/disclosure/requests/transitions.ts';

export function inPerson(submittedOn: string, overrides: Partial<ReceivedRequest> = {}): ReceivedRequest {
  return {
    _id: 'request-test',
    subject: '某区食品经营许可证发放情况',
    description: '申请公开本局 2025 年核发的食品经营许可证数量及名单。',
    applicantName: '测试申请人',
    applicantKind: 'naturalPerson',
    contact: '0731-00000000',
    channel: 'inPerson',
    submittedOn,
    form: 'paper',
    ...overrides,
  };
}
