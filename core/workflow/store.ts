/**
 * Where the workflow reads and writes. `transact` reads a snapshot, lets the rules decide a
 * plan on it, and writes the plan all at once — or nothing, when anything changed meanwhile.
 */
import type { Plan } from './plan.ts';
import type { Snapshot } from './snapshot.ts';

export interface WorkflowStore {
  readonly description: string;
  read(): Promise<Snapshot>;
  transact(decide: (snapshot: Snapshot) => Plan): Promise<Plan>;
}
