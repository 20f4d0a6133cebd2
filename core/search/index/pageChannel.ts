/**
 * How a document page hands its indexed article to the search indexer as it is rendered
 * (site/components/IndexedArticle.astro → site/integrations/searchIndexIntegration.ts), so the
 * indexer reads exactly the HTML the page shows without re-reading the written file.
 *
 * Astro renders the pages of a static build in the process that runs the integrations, but from
 * a bundle of its own: a module-level variable would be two copies, so the listeners live on
 * `globalThis` under a registered symbol. With no listener (the dev and preview servers, a
 * build without the integration) handing a page over does nothing. One build at a time per
 * process: a listener hears every page rendered while it listens.
 */

/** One document page: the URL it is served at, its route (Astro's pattern) and its `data-pagefind-body` element, whole. */
export interface RenderedPage {
  url: string;
  route: string;
  html: string;
}
type Listener = (page: RenderedPage) => void;

const LISTENERS = Symbol.for('zhengwu.searchIndex.pages');
type Channel = { [LISTENERS]?: Set<Listener> };

/** Called by the page as it renders. */
export function handRenderedPage(page: RenderedPage): void {
  const listeners = (globalThis as Channel)[LISTENERS];
  if (listeners) for (const listener of listeners) listener(page);
}

/** Hears every page rendered until the returned function is called. */
export function listenForRenderedPages(listener: Listener): () => void {
  const channel = globalThis as Channel;
  channel[LISTENERS] ??= new Set();
  channel[LISTENERS].add(listener);
  return () => {
    channel[LISTENERS]?.delete(listener);
  };
}
