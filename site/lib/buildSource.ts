/**
 * The build's one content source: every loader of a build's content (content.ts, xxgk.ts) reads
 * through it, so the dataset is read once.
 *
 * Why it is let go: a local source holds every stored document as parsed — bodies as blocks —
 * and the site holds what the queries returned, bodies as HTML. Once the loaders have read what
 * the pages show, the source is only memory: at 100,000 documents about a gigabyte, held
 * through all of rendering and into the search index's and the leak scan's work at the end,
 * where the build's memory peaks. `releaseBuildSource` drops it (a later read opens it again).
 */
import { collectGarbage } from '../../core/content/collectGarbage.ts';
import { contentSourceFromEnvironment } from '../../core/content/fromEnvironment.ts';
import type { ContentSource } from '../../core/content/source.ts';
import { PREVIEW } from './mode.ts';

let sourcing: Promise<ContentSource> | undefined;

export function buildSource(): Promise<ContentSource> {
  sourcing ??= contentSourceFromEnvironment(PREVIEW ? 'drafts' : 'published');
  return sourcing;
}

/** Lets the source go, and collects it now: the pages render in the memory it held. */
export function releaseBuildSource(): void {
  if (!sourcing) return;
  sourcing = undefined;
  collectGarbage(0, { compact: true });
}
