/**
 * Which actions and badges each document type gets (spec §2 rule 1: Studio's stock
 * Publish/Unpublish are replaced for every type that is released through the workflow).
 * - public types: 送审 · 审签 · 同步发布 · 退回 · 同步撤回 instead of publish/unpublish and
 *   scheduling; delete only while unpublished; 「预览」 on the draft preview site; policies also
 *   get 「为此政策创建解读」;
 * - information that is not proactive (依申请公开, 不予公开) also gets 「公开属性复核」, its yearly review;
 * - 审签单 and 审计记录: no actions at all — only the workflow writes them;
 * - everything else (科室): Studio's own actions.
 */
import type { DocumentActionComponent, DocumentActionsResolver, DocumentBadgesResolver } from 'sanity';
import { isPublicType, isRecordType } from '../../core/model/documentTypes.ts';
import { createCreateInterpretationAction } from './createInterpretation.ts';
import { guardDelete } from './guardDelete.ts';
import { PreviewLinkAction } from './previewLink.ts';
import { AnswerLetterAction } from './answerLetter.ts';
import { annualReportCountDeps, createInterpretationDeps, reviewDeps, workflowDeps } from './studioDeps.ts';
import { createAnnualReportCountAction } from './annualReportCounts.ts';
import { createReviewAction } from './reviewAction.tsx';
import { useGoLive } from './goLive.ts';
import { createUnitBadge } from './unitBadge.ts';
import { createWorkflowActions } from './workflowActions.tsx';

/** Stock actions that publish or unpublish one document on its own. */
const BYPASSING_ACTIONS = new Set<string>(['publish', 'unpublish', 'schedule', 'unpublishVersion']);

/** Stock actions a singleton does without. */
const SINGLETON_REMOVED = new Set<string>(['delete', 'duplicate', 'unpublish']);

const workflow = createWorkflowActions(workflowDeps);
const WORKFLOW_ACTIONS: DocumentActionComponent[] = [
  workflow.submit,
  workflow.signoff,
  workflow.release,
  workflow.return,
  workflow.withdraw,
];
const CreateInterpretation = createCreateInterpretationAction(createInterpretationDeps);
/** 公开属性复核 (条例 第十八条): shown only on information that is not proactive. */
const Review = createReviewAction(reviewDeps);
/** 年度报告: counts 表二's policy rows and 表三 from the content into the report (read-only fields). */
const AnnualReportCounts = createAnnualReportCountAction(annualReportCountDeps);
const UnitBadge = createUnitBadge({ ...workflowDeps, useGoLive });

/** The workflow's actions for a public type, in front of the stock actions it keeps. */
function workflowActionsFor(type: string, stock: DocumentActionComponent[]): DocumentActionComponent[] {
  const kept = stock
    .filter((action) => !BYPASSING_ACTIONS.has(action.action ?? ''))
    .map((action) => (action.action === 'delete' ? guardDelete(action) : action));
  return [
    ...WORKFLOW_ACTIONS,
    Review,
    ...(type === 'policy' ? [CreateInterpretation] : []),
    ...(type === 'annualReport' ? [AnnualReportCounts] : []),
    PreviewLinkAction,
    ...kept,
  ];
}

export const resolveDocumentActions: DocumentActionsResolver = (prev, context) => {
  if (isRecordType(context.schemaType)) return [];
  if (isPublicType(context.schemaType)) return workflowActionsFor(context.schemaType, prev);
  // The one 网站设置 document is edited and published, never deleted or copied.
  if (context.schemaType === 'siteSettings') return prev.filter((action) => !SINGLETON_REMOVED.has(action.action ?? ''));
  // A request of the register (never public): the Studio's own actions, and its answer letter to print.
  if (context.schemaType === 'disclosureRequest') return [...prev, AnswerLetterAction];
  return prev;
};

export const resolveDocumentBadges: DocumentBadgesResolver = (prev, context) =>
  isPublicType(context.schemaType) ? [...prev, UnitBadge] : prev;
