/**
 * Where the workflow reads and writes. `transact` reads a snapshot, lets the rules decide a
 * plan on it, and writes the plan all at once — or nothing, when anything changed meanwhile.
 */
import type { Plan } from './plan.ts';
import type { Snapshot } from './snapshot.ts';

/**
 * What a transaction is about: the unit of document `id`, decided at `at`. A store may then
 * read only that unit and the dataset-wide facts its rules need (see LakeStore.readUnit);
 * the local stores read their file whole anyway.
 */
export interface TransactionScope {
  id: string;
  at: string;
}

export interface WorkflowStore {
  readonly description: string;
  read(): Promise<Snapshot>;
  transact(decide: (snapshot: Snapshot) => Plan, scope?: TransactionScope): Promise<Plan>;
}
