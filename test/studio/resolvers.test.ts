/**
 * Which actions and badges the Studio configuration gives each type (spec §2 rule 1): for the
 * public types the stock publish/unpublish/schedule are gone and the workflow's five actions
 * lead; delete is guarded; 审签单/审计记录 get no actions; 科室 keeps Studio's own.
 */
import type { DocumentActionComponent, DocumentActionsContext, DocumentBadgeComponent, DocumentBadgesContext } from 'sanity';
import { describe, expect, it } from 'vitest';
import { resolveDocumentActions, resolveDocumentBadges } from '../../studio/actions/index.ts';

function stock(name: string): DocumentActionComponent {
  const action: DocumentActionComponent = () => ({ label: name });
  action.action = name as DocumentActionComponent['action'];
  action.displayName = name;
  return action;
}
const STOCK = ['publish', 'unpublish', 'discardChanges', 'duplicate', 'delete', 'restore', 'schedule'].map(stock);
const names = (actions: DocumentActionComponent[]) => actions.map((a) => a.displayName);
const actionsFor = (schemaType: string) =>
  resolveDocumentActions(STOCK, { schemaType } as DocumentActionsContext) as DocumentActionComponent[];

describe('document actions by type', () => {
  it('replaces publishing for policies with the workflow, and offers to create the interpretation', () => {
    expect(names(actionsFor('policy'))).toEqual([
      'WorkflowAction(submit)',
      'WorkflowAction(signoff)',
      'WorkflowAction(release)',
      'WorkflowAction(return)',
      'WorkflowAction(withdraw)',
      'DisclosureReview',
      'CreateInterpretation',
      'PreviewLinkAction',
      'discardChanges',
      'duplicate',
      'GuardedDelete',
      'restore',
    ]);
  });

  it.each(['interpretation', 'complaintAnalysis', 'inspectionPlan', 'inspectionResult', 'trademarkNews'])(
    'does the same for %s, without the create action',
    (type) => {
      const actions = names(actionsFor(type));
      expect(actions.slice(0, 5)).toEqual([
        'WorkflowAction(submit)',
        'WorkflowAction(signoff)',
        'WorkflowAction(release)',
        'WorkflowAction(return)',
        'WorkflowAction(withdraw)',
      ]);
      expect(actions).not.toContain('CreateInterpretation');
      expect(actions).toContain('PreviewLinkAction');
      expect(actions.filter((a) => ['publish', 'unpublish', 'schedule'].includes(a!))).toEqual([]);
    },
  );

  it('leaves the workflow records without actions and departments with Studio’s own', () => {
    expect(actionsFor('signOff')).toEqual([]);
    expect(actionsFor('workflowAudit')).toEqual([]);
    expect(actionsFor('department')).toBe(STOCK);
  });
});

describe('document badges by type', () => {
  const badge: DocumentBadgeComponent = () => ({ label: '草稿' });
  const badgesFor = (schemaType: string) =>
    resolveDocumentBadges([badge], { schemaType } as DocumentBadgesContext) as DocumentBadgeComponent[];

  it('adds the unit state to the workflow types only', () => {
    expect(badgesFor('policy').map((b) => b.displayName)).toEqual([undefined, 'UnitBadge']);
    expect(badgesFor('department')).toEqual([badge]);
  });
});

describe('「预览」 link', () => {
  it('points at the document’s page on the draft preview site', async () => {
    const { previewUrl } = await import('../../core/sections.ts');
    expect(previewUrl('http://localhost:4322', { _type: 'policy', slug: { current: '2026-changzhutan-consumer' } })).toBe(
      'http://localhost:4322/policies/2026-changzhutan-consumer/',
    );
    expect(previewUrl('https://preview.example.gov.cn/review', { _type: 'inspectionResult', slug: { current: 'r-1' } })).toBe(
      'https://preview.example.gov.cn/review/inspections/results/r-1/',
    );
    expect(previewUrl('http://localhost:4322', { _type: 'policy', slug: null })).toBeNull();
  });
});
