/**
 * The Content Lake as a workflow store. A plan becomes ONE Actions API request, which the
 * Content Lake applies all or nothing:
 * - publishing a member: an edit of its draft that writes 发布日期/索引号, guarded by the signed
 *   revision (`ifRevisionID`), then a publish guarded by `ifDraftRevisionId`. Every document a
 *   transaction writes gets the transaction id as its revision, so the request names its own
 *   transaction id and the publish checks that the draft it publishes is the one just stamped;
 * - withdrawing: unpublish actions for both documents;
 * - records (审签单, audit entries): created and published in the same request.
 *
 * Reading also supplies the fact four eyes needs for edits made in Studio, which never writes
 * `lastEditedBy`: the author of each such draft's latest transaction, from the History API.
 *
 * Two reads: `read()` takes the whole dataset (for listings), `readUnit()` only one unit — its
 * documents, 审签单 and audit entries, plus the highest audit seq and the highest 索引号 of the
 * year, asked of GROQ — which is what Studio's badge and buttons refresh with and what a
 * transaction decides on.
 */
import type { Action, SanityClient } from '@sanity/client';
import pLimit from 'p-limit';
import type { StoredDocument } from '../model/datasetRules.ts';
import { draftId, isDraftId, isPublicType, PUBLIC_TYPES, publishedId, RECORD_TYPES, SUPPORT_TYPES } from '../model/documentTypes.ts';
import { RevisionConflict, type Operation, type Plan } from './plan.ts';
import { Snapshot } from './snapshot.ts';
import type { TransactionScope, WorkflowStore } from './store.ts';
import { indexNumberPrefix, releaseYear } from './transitions.ts';

const SNAPSHOT_QUERY = `*[_type in $types]`;
const TYPES = [...Object.keys(PUBLIC_TYPES), ...Object.keys(SUPPORT_TYPES), ...Object.keys(RECORD_TYPES)];

/** Both versions of the documents asked for. */
const VERSIONS_QUERY = `*[_id in $ids]`;

/**
 * The rest of a unit and the two dataset-wide facts its transitions need. 索引号 are
 * `<org>/<year>-<5 digits>`, so within one year's prefix the string order is the number order;
 * a few are taken from each source so that a malformed value sorted first cannot hide the highest.
 */
const INDEX_NUMBERS_TAKEN = 5;
const UNIT_QUERY = `{
  "documents": *[_id in $ids || (_type in $recordTypes && unit in $units)],
  "highestAuditSeq": *[_type == "workflowAudit"] | order(seq desc)[0].seq,
  "documentIndexNumbers": *[string::startsWith(indexNumber, $indexPrefix)] | order(indexNumber desc)[0...${INDEX_NUMBERS_TAKEN}].indexNumber,
  "auditIndexNumbers": *[_type == "workflowAudit" && action == "release" && count(indexNumbers[string::startsWith(indexNumber, $indexPrefix)]) > 0] | order(seq desc)[0...${INDEX_NUMBERS_TAKEN}].indexNumbers[].indexNumber
}`;

interface UnitQueryResult {
  documents: StoredDocument[];
  highestAuditSeq: number | null;
  documentIndexNumbers: (string | null)[] | null;
  auditIndexNumbers: (string | null)[] | null;
}

const refOf = (value: unknown) => (value as { _ref?: unknown } | undefined)?._ref;

function actionsFor(plan: Plan): Action[] {
  return plan.operations.flatMap((operation: Operation): Action[] => {
    switch (operation.op) {
      case 'create':
        return [
          {
            actionType: 'sanity.action.document.create',
            publishedId: operation.doc._id,
            attributes: { ...operation.doc, _id: draftId(operation.doc._id) },
            ifExists: 'fail',
          },
          {
            actionType: 'sanity.action.document.publish',
            draftId: draftId(operation.doc._id),
            publishedId: operation.doc._id,
            ifDraftRevisionId: plan.transactionId,
          },
        ];
      case 'edit':
        return [
          {
            actionType: 'sanity.action.document.edit',
            draftId: draftId(operation.id),
            publishedId: publishedId(operation.id),
            patch: { set: operation.set },
          },
        ];
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
      default:
        return operation satisfies never;
    }
  });
}

/** True for the Content Lake's answer to a revision guard that did not match. */
function isRevisionMismatch(error: unknown): boolean {
  const e = error as { statusCode?: number; message?: string; response?: { body?: { error?: { type?: string; description?: string } } } };
  const type = e.response?.body?.error?.type ?? '';
  return e.statusCode === 409 || /revision/i.test(type) || /revision/i.test(e.message ?? '');
}

export interface LakeStoreOptions {
  /**
   * Names for user ids the caller already knows — Studio passes the current user, so that an
   * author found in the history reads exactly as the name that user acts under.
   */
  userNames?: Record<string, string>;
}

/** History requests in flight at once when many drafts lack an author. */
const HISTORY_CONCURRENCY = 6;

/** The first transaction of a History API answer (NDJSON, or already parsed), as id and author. */
function firstTransaction(body: unknown): { id?: string; author?: string } {
  const text = typeof body === 'string' ? body : body instanceof Uint8Array ? new TextDecoder().decode(body) : undefined;
  const entries: unknown[] =
    text !== undefined
      ? text
          .split('\n')
          .filter((line) => line.trim())
          .map((line) => JSON.parse(line) as unknown)
      : Array.isArray(body)
        ? body
        : [body];
  const { id, author } = (entries[0] ?? {}) as { id?: unknown; author?: unknown };
  return { ...(typeof id === 'string' ? { id } : {}), ...(typeof author === 'string' && author ? { author } : {}) };
}

export class LakeStore implements WorkflowStore {
  readonly description: string;
  private readonly client: SanityClient;
  private readonly dataset: string;
  /** Author (user id) of `draftId@rev`: a revision's author never changes, so it is asked once. */
  private readonly authors = new Map<string, string>();
  /** Display names by user id. */
  private readonly names: Map<string, string>;

  constructor(client: SanityClient, options: LakeStoreOptions = {}) {
    this.client = client;
    const { projectId, dataset } = client.config();
    this.dataset = dataset ?? '';
    this.description = `sanity:${projectId}/${dataset}`;
    this.names = new Map(Object.entries(options.userNames ?? {}));
  }

  async read(): Promise<Snapshot> {
    const documents = await this.client.fetch<StoredDocument[]>(SNAPSHOT_QUERY, { types: TYPES }, { perspective: 'raw' });
    await this.fillLastEditors(documents);
    return new Snapshot(documents);
  }

  /**
   * What Studio needs to show one unit: both versions of document `id` and of its partner,
   * the unit's 审签单 and audit entries, and — for the transitions to number and sequence as
   * on a full read — the highest audit seq and the highest 索引号 of the current year. Two
   * queries (the partner is known only once the document is read) and a History API call
   * only for the unit's drafts whose author is not yet known; never the whole dataset.
   */
  async readUnit(id: string, now: Date = new Date()): Promise<Snapshot> {
    const own = publishedId(id);
    const versions = await this.client.fetch<StoredDocument[]>(VERSIONS_QUERY, { ids: [own, draftId(own)] }, { perspective: 'raw' });
    const partners = [
      ...new Set(
        versions
          .flatMap((doc) => [refOf(doc.policy), refOf(doc.interpretation)])
          .filter((ref): ref is string => typeof ref === 'string')
          .map(publishedId),
      ),
    ].filter((partner) => partner !== own);
    const rest = await this.client.fetch<UnitQueryResult>(
      UNIT_QUERY,
      {
        ids: partners.flatMap((partner) => [partner, draftId(partner)]),
        // The unit's key is the policy's id: this document's, or the partner's.
        units: [own, ...partners],
        recordTypes: Object.keys(RECORD_TYPES),
        indexPrefix: indexNumberPrefix(releaseYear(now.toISOString())),
      },
      { perspective: 'raw' },
    );
    const documents = [...versions, ...rest.documents.filter((doc) => doc._id !== own && doc._id !== draftId(own))];
    await this.fillLastEditors(documents);
    const indexNumbers = [...(rest.documentIndexNumbers ?? []), ...(rest.auditIndexNumbers ?? [])].filter(
      (value): value is string => typeof value === 'string',
    );
    return new Snapshot(documents, { highestAuditSeq: rest.highestAuditSeq ?? 0, indexNumbers });
  }

  /**
   * Gives every draft without `lastEditedBy` (edited in Studio) the name of its latest
   * transaction's author, so "the signer is not the last author" holds for Studio edits too.
   * Where the history has nothing (past the plan's retention) or cannot be read, the field
   * stays empty and the rules fall back to the submitter, as for any unattributed edit.
   * A draft last written by a transition (a withdrawal leaves the content as a draft) is no
   * one's edit: its revision is that transition's id, which its audit entry carries as `_rev`.
   */
  private async fillLastEditors(documents: StoredDocument[]): Promise<void> {
    const transitions = new Set(documents.filter((doc) => doc._type === 'workflowAudit').map((doc) => doc._rev));
    const drafts = documents.filter(
      (doc) => isDraftId(doc._id) && isPublicType(doc._type) && typeof doc.lastEditedBy !== 'string' && !transitions.has(doc._rev),
    );
    if (drafts.length === 0) return;
    const authors = await pLimit(HISTORY_CONCURRENCY).map(drafts, (draft) => this.latestAuthor(draft));
    await this.resolveNames(authors.filter((id): id is string => id !== undefined));
    drafts.forEach((draft, index) => {
      const author = authors[index];
      if (author) draft.lastEditedBy = this.names.get(author) ?? author;
    });
  }

  private async latestAuthor(draft: StoredDocument): Promise<string | undefined> {
    const key = `${draft._id}@${draft._rev ?? ''}`;
    if (this.authors.has(key)) return this.authors.get(key);
    try {
      const body = await this.client.request<unknown>({
        url: `/data/history/${this.dataset}/transactions/${draft._id}?excludeContent=true&reverse=true&limit=1`,
        tag: 'workflow.last-author',
      });
      const { id, author } = firstTransaction(body);
      // Kept only when it is the transaction that wrote this revision: the history may lag
      // behind a write that just happened, and then asking again on the next read is right.
      if (author && id === draft._rev) this.authors.set(key, author);
      return author;
    } catch {
      return undefined;
    }
  }

  /** Looks up display names of user ids not yet known; an id that cannot be resolved stands for itself. */
  private async resolveNames(ids: string[]): Promise<void> {
    const unknown = [...new Set(ids)].filter((id) => !this.names.has(id));
    await pLimit(HISTORY_CONCURRENCY).map(unknown, async (id) => {
      try {
        const user = await this.client.request<{ displayName?: unknown }>({
          url: `/users/${encodeURIComponent(id)}`,
          tag: 'workflow.author-name',
        });
        this.names.set(id, typeof user?.displayName === 'string' && user.displayName ? user.displayName : id);
      } catch {
        // Not cached: the next read asks again; meanwhile the id stands for the name.
      }
    });
  }

  /**
   * Decides on a read of the transaction's unit when told which (Workflow always does): it
   * decides the same plan as on a full read — the unit's documents and records plus the
   * highest audit seq and 索引号 of the year — without reading the dataset. Two transactions
   * at once may still be given the same next 索引号, exactly as with a full read: the Actions
   * API guards the unit's revisions, not the rest of the dataset.
   */
  async transact(decide: (snapshot: Snapshot) => Plan, scope?: TransactionScope): Promise<Plan> {
    const plan = decide(scope ? await this.readUnit(scope.id, new Date(scope.at)) : await this.read());
    try {
      await this.client.action(actionsFor(plan), { transactionId: plan.transactionId });
    } catch (error) {
      if (isRevisionMismatch(error)) {
        const member = plan.operations.find((o) => o.op === 'publish' || o.op === 'unpublish');
        throw new RevisionConflict(
          member && 'id' in member ? member.id : plan.transactionId,
          member && 'rev' in member ? member.rev : '',
          '（已被他人修改）',
        );
      }
      throw error;
    }
    return plan;
  }
}
