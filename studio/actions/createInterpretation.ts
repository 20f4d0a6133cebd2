/**
 * 「为此政策创建解读」: 同步组织 starts here. One Actions API request creates the
 * interpretation draft already pointing at the policy and points the policy's draft at it, so
 * the pair is never half-linked — then the new interpretation opens for writing.
 *
 * The references are weak until publication (`_strengthenOnPublish`): neither document is
 * public yet, and the release of the pair makes both references ordinary ones.
 */
import type { Action, IdentifiedSanityDocumentStub } from '@sanity/client';
import { useState } from 'react';
import type { DocumentActionComponent, DocumentActionProps } from 'sanity';
import { draftId, publishedId } from '../../core/model/documentTypes.ts';
import { CREATE_INTERPRETATION } from '../i18n.ts';
import { describeError, type CreateInterpretationDeps, type PolicyDraftSource } from './deps.ts';

const weakReference = (id: string, type: string) => ({ _type: 'reference', _ref: id, _weak: true, _strengthenOnPublish: { type } });
const refOf = (value: unknown) => (value as { _ref?: unknown } | undefined)?._ref;

/** The one request's actions: create the interpretation draft, link the policy's draft to it. */
export function createInterpretationActions(policy: PolicyDraftSource, interpretationId: string): Action[] {
  const policyId = publishedId(policy._id);
  const title = typeof policy.title === 'string' && policy.title.trim() ? policy.title.trim() : CREATE_INTERPRETATION.untitledPolicy;
  const drafter = refOf(policy.drafter);
  const attributes: IdentifiedSanityDocumentStub = {
    _id: draftId(interpretationId),
    _type: 'interpretation',
    title: CREATE_INTERPRETATION.title(title),
    policy: weakReference(policyId, 'policy'),
    form: 'text',
    // 谁起草、谁解读: the interpretation is published by the department that drafted the policy.
    ...(typeof drafter === 'string' ? { publisher: { _type: 'reference', _ref: drafter } } : {}),
    ...(policy.disclosure !== undefined ? { disclosure: structuredClone(policy.disclosure) } : {}),
    ...(policy.topic !== undefined ? { topic: policy.topic } : {}),
  };
  return [
    { actionType: 'sanity.action.document.create', publishedId: interpretationId, attributes, ifExists: 'fail' },
    {
      actionType: 'sanity.action.document.edit',
      draftId: draftId(policyId),
      publishedId: policyId,
      patch: { set: { interpretation: weakReference(interpretationId, 'interpretation') } },
    },
  ];
}

/** Why the action is unavailable for this policy, or undefined when it may run. */
function createInterpretationProblem(policy: PolicyDraftSource | null | undefined): string | undefined {
  if (!policy) return CREATE_INTERPRETATION.notSaved;
  if (refOf(policy.interpretation)) return CREATE_INTERPRETATION.alreadyLinked;
  return undefined;
}

export function createCreateInterpretationAction(deps: CreateInterpretationDeps): DocumentActionComponent {
  const CreateInterpretation: DocumentActionComponent = (props: DocumentActionProps) => {
    const create = deps.useCreateInterpretation();
    const open = deps.useOpenDocument();
    const notify = deps.useNotify();
    const [busy, setBusy] = useState(false);
    const policy = (props.draft ?? props.published) as PolicyDraftSource | null;
    const problem = createInterpretationProblem(policy);
    return {
      label: CREATE_INTERPRETATION.label,
      disabled: busy || problem !== undefined,
      title: problem,
      onHandle: async () => {
        setBusy(true);
        try {
          const id = await create({ ...policy!, _id: props.id });
          notify({ status: 'success', title: CREATE_INTERPRETATION.done });
          open(id, 'interpretation');
        } catch (error) {
          notify({ status: 'error', title: CREATE_INTERPRETATION.failed, description: describeError(error) });
        } finally {
          setBusy(false);
          props.onComplete();
        }
      },
    };
  };
  CreateInterpretation.displayName = 'CreateInterpretation';
  return CreateInterpretation;
}
