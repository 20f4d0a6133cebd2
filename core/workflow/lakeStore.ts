/**
 * The Content Lake as a workflow store. A plan becomes ONE Actions API request, which the
 * Content Lake applies all or nothing:
 * - publishing a member: an edit of its draft that writes 发布日期/索引号, guarded by the signed
 *   revision (`ifRevisionID`), then a publish guarded by `ifDraftRevisionId`. Every document a
 *   transaction writes gets the transaction id as its revision, so the request names its own
 *   transaction id and the publish checks that the draft it publishes is the one just stamped;
 * - withdrawing: unpublish actions for both documents;
 * - records (审签单, audit entries): created and published in the same request.
 */
import type { Action, SanityClient } from '@sanity/client';
import type { StoredDocument } from '../model/datasetRules.ts';
import { draftId, PUBLIC_TYPES, publishedId, RECORD_TYPES, SUPPORT_TYPES } from '../model/documentTypes.ts';
import { RevisionConflict, type Operation, type Plan } from './plan.ts';
import { Snapshot } from './snapshot.ts';
import type { WorkflowStore } from './store.ts';

const SNAPSHOT_QUERY = `*[_type in $types]`;
const TYPES = [...Object.keys(PUBLIC_TYPES), ...Object.keys(SUPPORT_TYPES), ...Object.keys(RECORD_TYPES)];

export function actionsFor(plan: Plan): Action[] {
  return plan.operations.flatMap((operation: Operation): Action[] => {
    switch (operation.op) {
      case 'create':
        return [
          { actionType: 'sanity.action.document.create', publishedId: operation.doc._id, attributes: { ...operation.doc, _id: draftId(operation.doc._id) }, ifExists: 'fail' },
          { actionType: 'sanity.action.document.publish', draftId: draftId(operation.doc._id), publishedId: operation.doc._id, ifDraftRevisionId: plan.transactionId },
        ];
      case 'edit':
        return [{ actionType: 'sanity.action.document.edit', draftId: draftId(operation.id), publishedId: publishedId(operation.id), patch: { set: operation.set } }];
      case 'publish':
        return [
          {
            actionType: 'sanity.action.document.edit',
            draftId: draftId(operation.id),
            publishedId: publishedId(operation.id),
            // A draft must still be the signed revision; without a draft, the published version is.
            patch: { set: operation.set, ...(operation.fromDraft ? { ifRevisionID: operation.rev } : {}) },
          },
          {
            actionType: 'sanity.action.document.publish',
            draftId: draftId(operation.id),
            publishedId: publishedId(operation.id),
            ifDraftRevisionId: plan.transactionId,
            ...(operation.fromDraft ? {} : { ifPublishedRevisionId: operation.rev }),
          },
        ];
      case 'unpublish':
        return [{ actionType: 'sanity.action.document.unpublish', draftId: draftId(operation.id), publishedId: publishedId(operation.id) }];
    }
  });
}

/** True for the Content Lake's answer to a revision guard that did not match. */
function isRevisionMismatch(error: unknown): boolean {
  const e = error as { statusCode?: number; message?: string; response?: { body?: { error?: { type?: string; description?: string } } } };
  const type = e.response?.body?.error?.type ?? '';
  return e.statusCode === 409 || /revision/i.test(type) || /revision/i.test(e.message ?? '');
}

export class LakeStore implements WorkflowStore {
  readonly description: string;
  private readonly client: SanityClient;

  constructor(client: SanityClient) {
    this.client = client;
    const { projectId, dataset } = client.config();
    this.description = `sanity:${projectId}/${dataset}`;
  }

  async read(): Promise<Snapshot> {
    const documents = await this.client.fetch<StoredDocument[]>(SNAPSHOT_QUERY, { types: TYPES }, { perspective: 'raw' });
    return new Snapshot(documents);
  }

  async transact(decide: (snapshot: Snapshot) => Plan): Promise<Plan> {
    const plan = decide(await this.read());
    try {
      await this.client.action(actionsFor(plan), { transactionId: plan.transactionId });
    } catch (error) {
      if (isRevisionMismatch(error)) {
        const member = plan.operations.find((o) => o.op === 'publish' || o.op === 'unpublish');
        throw new RevisionConflict(member && 'id' in member ? member.id : plan.transactionId, member && 'rev' in member ? member.rev : '', '（已被他人修改）');
      }
      throw error;
    }
    return plan;
  }
}
