/**
 * The workflow as users drive it: each call resolves the unit of the given document (either
 * half of a pair), applies the rules and writes through the store in one transaction.
 */
import { availableActions, type ActionAvailability } from './availability.ts';
import type { Plan } from './plan.ts';
import type { Snapshot } from './snapshot.ts';
import { unitStatus, type UnitStatus } from './state.ts';
import type { WorkflowStore } from './store.ts';
import { TRANSITIONS, type Transition } from './transitionTable.ts';
import * as rules from './transitions.ts';
import type { TransitionContext } from './transitions.ts';
import { resolveUnit, type Unit } from './units.ts';
import { isPublicType, publishedId } from '../model/documentTypes.ts';

export type { Transition } from './transitionTable.ts';

export interface WorkflowOptions {
  now?: () => Date;
  transactionId?: () => string;
}

export class Workflow {
  private readonly store: WorkflowStore;
  private readonly now: () => Date;
  private readonly transactionId: () => string;

  constructor(store: WorkflowStore, options: WorkflowOptions = {}) {
    this.store = store;
    this.now = options.now ?? (() => new Date());
    // Web Crypto, so the same module runs in Node and in the Studio's browser bundle.
    this.transactionId = options.transactionId ?? (() => globalThis.crypto.randomUUID().replaceAll('-', '').slice(0, 22));
  }

  run(
    transition: Transition,
    id: string,
    by: string,
    extra: { comment?: string; reason?: string; lateReason?: string; confidentialityChecked?: boolean } = {},
  ): Promise<Plan> {
    const ctx: TransitionContext = { by, at: this.now().toISOString(), transactionId: this.transactionId(), ...extra };
    return this.store.transact((snapshot) => TRANSITIONS[transition].decide(snapshot, id, ctx), { id, at: ctx.at });
  }

  /** Records the yearly 复核 of the unit of `id`: its conclusion and today's date (transitions.ts reviewDisclosure). */
  review(id: string, by: string, extra: { outcome: string; comment?: string }): Promise<Plan> {
    const ctx: TransitionContext = { by, at: this.now().toISOString(), transactionId: this.transactionId(), ...extra };
    return this.store.transact((snapshot) => rules.reviewDisclosure(snapshot, id, ctx), { id, at: ctx.at });
  }

  /** An editor's change to a document (creates its draft when needed). */
  edit(id: string, by: string, set: Record<string, unknown>): Promise<Plan> {
    const at = this.now().toISOString();
    return this.store.transact(
      () => {
        rules.requireActor(by);
        return {
          at,
          transactionId: this.transactionId(),
          operations: [{ op: 'edit', id: publishedId(id), set: { ...set, lastEditedBy: by } }],
        };
      },
      { id, at },
    );
  }

  async status(id: string): Promise<UnitStatus> {
    const snapshot = await this.store.read();
    return unitStatus(snapshot, resolveUnit(snapshot, id));
  }

  /** Which transitions `user` may run on the unit of `id` now, and why not (see availability.ts). */
  async availability(id: string, user: string | undefined): Promise<ActionAvailability> {
    return availableActions(await this.store.read(), id, user, this.now());
  }

  /** Every unit of the dataset, each once. */
  async statuses(): Promise<UnitStatus[]> {
    return unitStatuses(await this.store.read());
  }
}

/** Every unit of a snapshot, each once, in the order of its documents. */
export function unitStatuses(snapshot: Snapshot): UnitStatus[] {
  const seen = new Set<string>();
  const out: UnitStatus[] = [];
  for (const id of snapshot.contentIds()) {
    const doc = snapshot.current(id);
    if (!doc || !isPublicType(doc._type)) continue;
    let unit: Unit;
    try {
      unit = resolveUnit(snapshot, id);
    } catch {
      continue;
    }
    if (seen.has(unit.key)) continue;
    seen.add(unit.key);
    out.push(unitStatus(snapshot, unit));
  }
  return out;
}
