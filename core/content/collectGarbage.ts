/**
 * A full garbage collection on request, for the few places where a build knows that a lot
 * has just died (a query result checked and shrunk by the site).
 *
 * Why: V8 grows its heap quickly while the dataset is loaded, and the memory of a heap that
 * has grown stays in the process's RSS for the rest of the build, even once V8 no longer
 * uses it (measured: 1.3 GB RSS over a 0.45 GB heap while rendering 30,000 documents).
 * Collecting between the queries keeps the heap, and so the build's peak RSS, near what is
 * actually live.
 *
 * `gc` is exposed by turning V8's flag on at run time and fetching it from a new context,
 * as test runners do; the build needs no command-line flag.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** V8's `gc`; its options ask for a full collection that also compacts and gives free pages back. */
type Gc = (options?: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;
let gc: Gc | undefined;
/** Heap in use after the last collection asked for here. */
let liveAfterLast = 0;

/**
 * Collects unless the heap has grown by less than `growth` (a fraction) since the last
 * collection asked for: a full collection costs about 0.5 s per GB live.
 *
 * `compact`: V8's last-resort collection, which also compacts the heap and returns the pages it
 * empties to the system — for the one moment a process drops most of what it held (a plain full
 * collection frees the objects but keeps most of the heap's pages resident: measured, 4 million
 * small objects, a quarter kept: resident 692 MB after a plain collection, 542 MB after this one).
 */
export function collectGarbage(growth = 0, { compact = false }: { compact?: boolean } = {}): void {
  if (getHeapStatistics().used_heap_size < liveAfterLast * (1 + growth)) return;
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as Gc;
  }
  if (compact) gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  else gc();
  liveAfterLast = getHeapStatistics().used_heap_size;
}
