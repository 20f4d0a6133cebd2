/** Writes: `/data/mutate` (mutations) and `/data/actions` (the Actions API), one transaction each. */
import { applyActions } from './actions.ts';
import type { LakeContext, LakeRequest, LakeResponse } from './context.ts';
import { dataError, httpError } from './errors.ts';
import { applyMutations } from './mutations.ts';

function requireUser(request: LakeRequest) {
  if (!request.user) throw httpError(401, '未登录：请求没有有效的令牌（Authorization: Bearer …）');
  return request.user;
}

function requestedTransactionId(request: LakeRequest, body: { transactionId?: unknown }): string | undefined {
  const id = request.search.get('transactionId') ?? body.transactionId;
  if (id === undefined || id === null || id === '') return undefined;
  if (typeof id !== 'string' || !/^[A-Za-z0-9._-]{1,128}$/.test(id))
    throw dataError(400, 'httpBadRequest', `Invalid transactionId "${String(id)}"`);
  return id;
}

export async function handleMutate(request: LakeRequest, { lake }: LakeContext): Promise<LakeResponse> {
  const user = requireUser(request);
  const body = ((await request.json()) ?? {}) as { mutations?: unknown; transactionId?: unknown };
  if (request.search.get('dryRun') === 'true') throw dataError(400, 'httpBadRequest', 'dryRun is not supported by the local Content Lake');
  const { transaction, value: results } = await lake.write(user.id, requestedTransactionId(request, body), (tx, all) =>
    applyMutations(tx, body.mutations, all),
  );
  const after = new Map(transaction.changes.map((change) => [change.id, change.after]));
  const returnDocuments = request.search.get('returnDocuments') === 'true';
  return {
    body: {
      transactionId: transaction.id,
      results: results.map((result) => ({
        ...result,
        ...(returnDocuments ? { document: after.get(result.id) ?? lake.get(result.id) ?? null } : {}),
      })),
      ...(request.search.get('returnIds') === 'true' ? { documentIds: [...new Set(results.map((result) => result.id))] } : {}),
    },
  };
}

export async function handleActions(request: LakeRequest, { lake }: LakeContext): Promise<LakeResponse> {
  const user = requireUser(request);
  const body = ((await request.json()) ?? {}) as { actions?: unknown; transactionId?: unknown; dryRun?: unknown };
  if (body.dryRun === true) throw dataError(400, 'httpBadRequest', 'dryRun is not supported by the local Content Lake');
  const { transaction } = await lake.write(user.id, requestedTransactionId(request, body), (tx) => applyActions(tx, body.actions));
  return { body: { transactionId: transaction.id } };
}
