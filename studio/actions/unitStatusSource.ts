/**
 * Unit states for an open document, read through the LakeStore and shared: the five actions
 * and the badge of one document ask at once, and get one read between them — of that unit
 * only (LakeStore.readUnit), however large the dataset. A read is keyed by
 * the document's revisions and a generation that moves when anything the unit depends on
 * changes — the partner document or the unit's 审签单/audit records (watched with a listener),
 * or a transition this Studio just ran.
 */
import type { SanityClient } from '@sanity/client';
import { draftId, publishedId } from '../../core/model/documentTypes.ts';
import { LakeStore } from '../../core/workflow/lakeStore.ts';
import type { Snapshot } from '../../core/workflow/snapshot.ts';
import { unitStatus, type UnitStatus } from '../../core/workflow/state.ts';
import { resolveUnit } from '../../core/workflow/units.ts';

/** Edits arrive in bursts while someone types: wait for a pause before reading again. */
const SETTLE_MS = 800;

const WATCH_QUERY = `*[_id in $ids || (_type in ["signOff", "workflowAudit"] && unit == $unit)]`;

/** A unit's state and the snapshot it was derived from (the buttons run the transitions on it). */
export interface UnitView {
  status: UnitStatus;
  snapshot: Snapshot;
}

export class UnitStatusSource {
  private readonly client: SanityClient;
  /** Shared with the transitions this Studio runs, so the last authors it looked up are reused. */
  readonly store: LakeStore;
  private generation = 0;
  private readonly reads = new Map<string, Promise<UnitView>>();
  private readonly subscribers = new Set<() => void>();
  private readonly watches = new Map<string, { count: number; stop: () => void }>();

  constructor(client: SanityClient, userNames: Record<string, string>) {
    this.client = client;
    this.store = new LakeStore(client, { userNames });
  }

  /** The unit of document `id` at `revisions`, read once however many ask. */
  status(id: string, revisions: string): Promise<UnitView> {
    const key = `${publishedId(id)}|${revisions}|${this.generation}`;
    let read = this.reads.get(key);
    if (!read) {
      read = this.store.readUnit(id).then((snapshot) => ({ snapshot, status: unitStatus(snapshot, resolveUnit(snapshot, id)) }));
      // Failed reads are not kept: the next render asks again.
      read.catch(() => this.reads.delete(key));
      this.reads.set(key, read);
    }
    return read;
  }

  /** Everything read so far is outdated: subscribers read again. */
  readonly invalidate = (): void => {
    this.generation += 1;
    this.reads.clear();
    for (const subscriber of this.subscribers) subscriber();
  };

  subscribe(subscriber: () => void): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** Listens for changes of a unit's documents and records while anyone shows it. */
  watch(unitKey: string, members: string[]): () => void {
    const existing = this.watches.get(unitKey);
    if (existing) existing.count += 1;
    else {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const ids = members.flatMap((id) => [publishedId(id), draftId(id)]);
      const subscription = this.client
        .listen(WATCH_QUERY, { ids, unit: unitKey }, { events: ['mutation'], includeResult: false, visibility: 'query' })
        .subscribe({
          next: () => {
            clearTimeout(timer);
            timer = setTimeout(this.invalidate, SETTLE_MS);
          },
          // A lost listener only makes the state less fresh; the rules still check every write.
          error: () => undefined,
        });
      this.watches.set(unitKey, {
        count: 1,
        stop: () => {
          clearTimeout(timer);
          subscription.unsubscribe();
        },
      });
    }
    return () => {
      const watch = this.watches.get(unitKey);
      if (!watch) return;
      watch.count -= 1;
      if (watch.count === 0) {
        watch.stop();
        this.watches.delete(unitKey);
      }
    };
  }
}

const sources = new WeakMap<SanityClient, Map<string, UnitStatusSource>>();

/** One source per client and current user (whose id → name mapping the reads use). */
export function unitStatusSource(client: SanityClient, userId: string, userName: string): UnitStatusSource {
  let byUser = sources.get(client);
  if (!byUser) {
    byUser = new Map();
    sources.set(client, byUser);
  }
  const key = `${userId}\u0000${userName}`;
  let source = byUser.get(key);
  if (!source) {
    source = new UnitStatusSource(client, userId ? { [userId]: userName } : {});
    byUser.set(key, source);
  }
  return source;
}
