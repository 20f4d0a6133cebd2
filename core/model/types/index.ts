/** Every document type the Studio edits or shows, in the order of its lists. */
import { annualReport } from './annualReport.ts';
import { complaintAnalysis } from './complaintAnalysis.ts';
import { department } from './department.ts';
import { disclosureCommitment } from './disclosureCommitment.ts';
import { disclosureGuide } from './disclosureGuide.ts';
import { disclosureRule } from './disclosureRule.ts';
import { inspectionPlan } from './inspectionPlan.ts';
import { inspectionResult } from './inspectionResult.ts';
import { interpretation } from './interpretation.ts';
import { leader } from './leader.ts';
import { orgFunction } from './orgFunction.ts';
import { policy } from './policy.ts';
import { proposalReply } from './proposalReply.ts';
import { siteSettings } from './siteSettings.ts';
import { trademarkNews } from './trademarkNews.ts';
import { disclosureRequest } from './disclosureRequest.ts';
import { siteDeployment } from './siteDeployment.ts';
import { signOff, workflowAudit } from './workflowRecords.ts';

/** The content types (documentTypes.ts's CONTENT_TYPES), declared. */
export const CONTENT_DECLARATIONS = {
  policy,
  interpretation,
  complaintAnalysis,
  inspectionPlan,
  inspectionResult,
  trademarkNews,
  annualReport,
  proposalReply,
  department,
  disclosureGuide,
  disclosureRule,
  orgFunction,
  leader,
  disclosureCommitment,
  siteSettings,
};
/** The records (RECORD_TYPES), declared: the workflow's and the publisher's. */
const RECORD_DECLARATIONS = { signOff, workflowAudit, siteDeployment };
/** The office's registers (REGISTER_TYPES), declared: never public. */
export const REGISTER_DECLARATIONS = { disclosureRequest };
export const DECLARATIONS = [
  ...Object.values(CONTENT_DECLARATIONS),
  ...Object.values(RECORD_DECLARATIONS),
  ...Object.values(REGISTER_DECLARATIONS),
];
