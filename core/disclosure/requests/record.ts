/**
 * A 政府信息公开申请 as the rules read it: the fields of core/model/types/disclosureRequest.ts. A draft in
 * the Studio may lack any of them, so every rule reads them as optional.
 */
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

export interface RequestRecord {
  _id: string;
  _type?: string;
  subject?: string;
  description?: string;
  applicantName?: string;
  applicantKind?: ApplicantKind;
  contact?: string;
  channel?: RequestChannel;
  submittedOn?: string;
  confirmedOn?: string;
  form?: RequestForm;
  correctionAskedOn?: string;
  correctionNote?: string;
  correctedOn?: string;
  thirdParty?: string;
  consultationStartedOn?: string;
  consultationEndedOn?: string;
  extendedOn?: string;
  extensionApprover?: string;
  extensionReason?: string;
  answeredOn?: string;
  outcome?: RequestOutcome;
  withholdingGround?: WithholdingGround;
  unavailableReason?: UnavailableReason;
  notProcessedReason?: NotProcessedReason;
  otherHandlingReason?: OtherHandlingReason;
  answerText?: string;
  lateReason?: string;
}

/** The text fields of a request: what the leak scan forbids in public files and the letter prints. */
export const REQUEST_TEXT_FIELDS = [
  'subject',
  'description',
  'applicantName',
  'contact',
  'correctionNote',
  'thirdParty',
  'extensionReason',
  'answerText',
  'lateReason',
] as const satisfies readonly (keyof RequestRecord)[];
