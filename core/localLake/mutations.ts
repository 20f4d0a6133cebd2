/**
 * The Content Lake's mutations (create, createOrReplace, createIfNotExists, patch, delete)
 * applied to a transaction. Patch operations (set, setIfMissing, unset, inc, dec, insert,
 * diffMatchPatch, …) are applied by @sanity/mutator, the Studio's own implementation of them,
 * so the server computes exactly what the Studio predicted locally.
 */
import { randomUUID } from 'node:crypto';
import { Mutation } from '@sanity/mutator';
import { evaluate, parse } from 'groq-js';
import { dataError, mutationError } from './errors.ts';
import type { LakeDocument, Transaction } from './transaction.ts';

type MutationOperation = 'create' | 'update' | 'delete' | 'none';
export interface MutationResult {
  id: string;
  operation: MutationOperation;
}

type Patch = { id?: string; query?: string; params?: Record<string, unknown>; ifRevisionID?: string; [operation: string]: unknown };

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `drafts.` (an id ending in a dot) asks for a new id under that prefix, as in the Content Lake. */
function resolveId(id: unknown): string {
  if (typeof id !== 'string' || id === '') return randomUUID();
  return id.endsWith('.') ? `${id}${randomUUID()}` : id;
}

function checkDocument(doc: unknown, kind: string, index: number): asserts doc is Partial<LakeDocument> {
  if (!isObject(doc)) throw dataError(400, 'validationError', `${kind}: the document must be an object (mutation ${index})`);
  if (typeof doc._type !== 'string' || !doc._type)
    throw mutationError(400, 'validationError', `Document is missing _type`, String(doc._id ?? ''), index);
}

async function idsOfQuery(
  tx: Transaction,
  all: () => LakeDocument[],
  query: string,
  params: Record<string, unknown> = {},
): Promise<string[]> {
  let result: unknown;
  try {
    result = await (await evaluate(parse(query, { params }), { dataset: all(), params })).get();
  } catch (error) {
    throw dataError(400, 'queryParseError', (error as Error).message);
  }
  const docs = Array.isArray(result) ? result : [result];
  return docs
    .filter(isObject)
    .map((doc) => String(doc._id))
    .filter((id) => tx.get(id) !== undefined);
}

function applyPatch(tx: Transaction, id: string, patch: Patch, index: number): MutationResult {
  const current = tx.get(id);
  if (!current) throw mutationError(404, 'documentNotFoundError', `Document "${id}" not found`, id, index);
  if (patch.ifRevisionID !== undefined && patch.ifRevisionID !== current._rev) {
    throw mutationError(
      409,
      'documentRevisionIDDoesNotMatchError',
      `Document "${id}" has unexpected revision ID ("${current._rev ?? ''}"), expected "${patch.ifRevisionID}"`,
      id,
      index,
    );
  }
  const { ifRevisionID: _ignored, query: _query, params: _params, ...operations } = patch;
  let next: LakeDocument | null;
  try {
    next = new Mutation({ mutations: [{ patch: { ...operations, id } }] }).apply(structuredClone(current) as never) as LakeDocument | null;
  } catch (error) {
    throw mutationError(400, 'invalidPatchError', `Invalid patch for "${id}": ${(error as Error).message}`, id, index);
  }
  if (!next) throw mutationError(400, 'invalidPatchError', `The patch of "${id}" removed the document`, id, index);
  // A patch never changes what a document is.
  tx.put({ ...next, _id: id, _type: current._type });
  return { id, operation: 'update' };
}

/** Applies mutations in order; throws a LakeError (nothing applied) when one cannot be. */
export async function applyMutations(tx: Transaction, mutations: unknown, all: () => LakeDocument[]): Promise<MutationResult[]> {
  if (!Array.isArray(mutations)) throw dataError(400, 'validationError', 'The request body must have a "mutations" array');
  const results: MutationResult[] = [];
  for (const [index, mutation] of mutations.entries()) {
    if (!isObject(mutation)) throw dataError(400, 'validationError', `Mutation ${index} is not an object`);
    const [kind, ...more] = Object.keys(mutation);
    if (kind === undefined || more.length > 0) throw dataError(400, 'validationError', `Mutation ${index} must have exactly one operation`);
    const body = mutation[kind];
    switch (kind) {
      case 'create': {
        checkDocument(body, kind, index);
        const id = resolveId(body._id);
        if (tx.get(id)) throw mutationError(409, 'documentAlreadyExistsError', `Document by ID "${id}" already exists`, id, index);
        tx.put({ ...body, _id: id } as LakeDocument);
        results.push({ id, operation: 'create' });
        break;
      }
      case 'createOrReplace':
      case 'createIfNotExists': {
        checkDocument(body, kind, index);
        if (typeof body._id !== 'string' || !body._id) throw mutationError(400, 'validationError', `${kind} requires an _id`, '', index);
        const exists = tx.get(body._id) !== undefined;
        if (kind === 'createIfNotExists' && exists) {
          results.push({ id: body._id, operation: 'none' });
          break;
        }
        tx.put(body as LakeDocument);
        results.push({ id: body._id, operation: exists ? 'update' : 'create' });
        break;
      }
      case 'delete': {
        if (!isObject(body)) throw dataError(400, 'validationError', `Mutation ${index}: delete needs an id or a query`);
        const ids =
          typeof body.id === 'string'
            ? [body.id]
            : typeof body.query === 'string'
              ? await idsOfQuery(tx, all, body.query, body.params as Record<string, unknown>)
              : undefined;
        if (!ids) throw dataError(400, 'validationError', `Mutation ${index}: delete needs an id or a query`);
        for (const id of ids) {
          tx.delete(id);
          results.push({ id, operation: 'delete' });
        }
        break;
      }
      case 'patch': {
        if (!isObject(body)) throw dataError(400, 'validationError', `Mutation ${index}: patch must be an object`);
        const patch = body as Patch;
        const ids =
          typeof patch.id === 'string'
            ? [patch.id]
            : typeof patch.query === 'string'
              ? await idsOfQuery(tx, all, patch.query, patch.params)
              : undefined;
        if (!ids) throw dataError(400, 'validationError', `Mutation ${index}: patch needs an id or a query`);
        for (const id of ids) results.push(applyPatch(tx, id, patch, index));
        break;
      }
      default:
        throw dataError(400, 'validationError', `Unknown mutation type "${kind}" (mutation ${index})`);
    }
  }
  return results;
}

export { applyPatch };
