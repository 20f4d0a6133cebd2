import { complaintAnalysis } from './complaintAnalysis.ts';
import { department } from './department.ts';
import { inspectionPlan } from './inspectionPlan.ts';
import { inspectionResult } from './inspectionResult.ts';
import { interpretation } from './interpretation.ts';
import { policy } from './policy.ts';
import { trademarkNews } from './trademarkNews.ts';
import { signOff, workflowAudit } from './workflowRecords.ts';

export const schemaTypes = [policy, interpretation, complaintAnalysis, inspectionPlan, inspectionResult, trademarkNews, department, signOff, workflowAudit];
