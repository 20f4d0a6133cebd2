/** A store held in memory: the local dataset's logic without the file, for tests and tools. */
import type { StoredDocument } from '../model/datasetRules.ts';
import { applyPlan, type Plan } from './plan.ts';
import { Snapshot } from './snapshot.ts';
import type { WorkflowStore } from './store.ts';

export class MemoryStore implements WorkflowStore {
  readonly description = 'memory';
  documents: StoredDocument[];
  /** Set to make the next write fail, as a crash or a lost connection would. */
  failNextWrite = false;

  constructor(documents: StoredDocument[]) {
    this.documents = documents;
  }

  async read(): Promise<Snapshot> {
    return new Snapshot(this.documents);
  }

  async transact(decide: (snapshot: Snapshot) => Plan): Promise<Plan> {
    const plan = decide(new Snapshot(this.documents));
    const next = applyPlan(this.documents, plan);
    if (this.failNextWrite) {
      this.failNextWrite = false;
      throw new Error('写入失败（模拟故障）');
    }
    this.documents = next;
    return plan;
  }
}
