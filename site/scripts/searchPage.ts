/**
 * The search page in the browser: reads the query, facets and sort from the URL, asks the
 * shared query module, and renders results with the matched words highlighted. The URL
 * always reflects the state, so a search can be bookmarked, shared and navigated back to.
 */
import { safeUrl } from '../../core/model/safeUrl.ts';
import { escapeHtml } from '../../core/text/escapeHtml.ts';
import { INDEX_DIRECTORY, SEARCH_FACETS as FACETS } from '../../core/search/format/indexFormat.ts';
import { SearchIndex } from '../../core/search/query/searchIndex.ts';
import { searchSite, type SearchHit, type SearchResponse, type SortOrder } from '../../core/search/query/searchSite.ts';

/** Results shown at a time; 显示更多 adds the next ones. */
const PAGE = 10;
/** A search that takes longer than this says it is searching. */
const LOADING_AFTER_MS = 200;

interface Strings {
  facetLabels: Record<string, string>;
  resultsFor: string;
  noResults: string;
  loading: string;
  matched: string;
  more: string;
  failed: string;
  inexact: string;
  alsoSearched: string;
  noSuchDocNumber: string;
  nearestDocNumbers: string;
  replacedBy: string;
}

const root = document.querySelector<HTMLElement>('#search-app')!;
const strings = JSON.parse(root.dataset.strings!) as Strings;
const form = root.querySelector<HTMLFormElement>('form')!;
const status = root.querySelector<HTMLElement>('#search-status')!;
const list = root.querySelector<HTMLOListElement>('#search-results')!;
const facetsBox = root.querySelector<HTMLElement>('#search-facets')!;
const more = root.querySelector<HTMLButtonElement>('#search-more')!;

// The facets sit beside the results on a wide screen, open; on a phone they come after the
// results, closed behind their 筛选结果 disclosure, so the first result is on the first screen.
const facetsPanel = root.querySelector<HTMLDetailsElement>('#search-facets-panel')!;
const wideScreen = matchMedia('(min-width: 48rem)');
facetsPanel.open = wideScreen.matches;
wideScreen.addEventListener('change', () => {
  facetsPanel.open = wideScreen.matches;
});

/** Titles and excerpts are escaped text plus <mark> (core/search/query/excerpt.ts); keep nothing else. */
function safeMarked(html: string): string {
  return html.replace(/<(?!\/?mark>)[^>]*>/g, '');
}

function readState(params: URLSearchParams) {
  const filters: Record<string, string[]> = {};
  for (const facet of FACETS) {
    const values = params.getAll(facet);
    if (values.length > 0) filters[facet] = values;
  }
  return { query: params.get('q') ?? '', sort: (params.get('sort') ?? 'relevance') as SortOrder, filters };
}

/** Built once: localeCompare would set up a collator for every comparison. */
const collator = new Intl.Collator('zh-CN');

function renderFacets(response: SearchResponse, selected: Record<string, string[]>): void {
  // One string and one parse: a common query has over a hundred facet values.
  let html = '';
  for (const facet of FACETS) {
    const values = Object.entries(response.facets[facet] ?? {}).filter(([, count]) => count > 0 || selected[facet]?.length);
    if (values.length === 0) continue;
    html += `<fieldset><legend>${escapeHtml(strings.facetLabels[facet] ?? facet)}</legend>`;
    for (const [value, count] of values.sort(([a], [b]) => collator.compare(b, a))) {
      const id = escapeHtml(`facet-${facet}-${value}`.replace(/\s+/g, '-'));
      html += `<label for="${id}"><input type="checkbox" id="${id}" name="${facet}" value="${escapeHtml(value)}"${selected[facet]?.includes(value) ? ' checked' : ''}> ${escapeHtml(value)}（${count}）</label>`;
    }
    html += '</fieldset>';
  }
  facetsBox.innerHTML = html;
}

function hitHtml(hit: SearchHit): string {
  // A page's address from the index: linked only through the site's one URL allow-list.
  const href = safeUrl(hit.url);
  const title = safeMarked(hit.titleHtml);
  const validity = hit.validity
    ? ` <span class="tag tag-${hit.validity.includes('修改') ? 'amended' : 'repealed'}">${escapeHtml(hit.validity)}</span>`
    : '';
  const replacedHref = hit.replacedBy ? safeUrl(hit.replacedBy.url) : undefined;
  const replaced =
    hit.replacedBy && replacedHref !== undefined
      ? `<span class="replaced-by">${escapeHtml(strings.replacedBy)}：<a href="${escapeHtml(replacedHref)}">${escapeHtml(hit.replacedBy.title)}</a></span>`
      : '';
  return `<li>
  ${href === undefined ? `<span>${title}</span>` : `<a href="${escapeHtml(href)}">${title}</a>`}${validity}
  ${replaced}
  <span class="meta">${escapeHtml([hit.section, hit.docNumber, hit.date].filter(Boolean).join(' · '))}</span>
  <p class="excerpt"><span class="visually-hidden">${escapeHtml(strings.matched)}：</span>${safeMarked(hit.excerpt)}</p>
</li>`;
}

function renderResults(response: SearchResponse, append: boolean): void {
  const count =
    response.total === 0
      ? strings.noResults.replace('{q}', response.query)
      : strings.resultsFor.replace('{q}', response.query).replace('{n}', String(response.total));
  const inexact = response.inexactPhrases ? `${strings.inexact.replace('{p}', response.inexactPhrases.join('”“'))} ` : '';
  const also = response.alsoSearched ? ` ${strings.alsoSearched.replace('{w}', response.alsoSearched.join('、'))}` : '';
  status.textContent = response.noSuchDocNumber
    ? `${strings.noSuchDocNumber.replace('{d}', response.noSuchDocNumber)}${response.nearestDocNumbers?.length ? strings.nearestDocNumbers.replace('{d}', response.nearestDocNumbers.join('、')) : ''}`
    : `${inexact}${count}${also}`;
  const html = response.hits.map(hitHtml).join('');
  if (append) list.insertAdjacentHTML('beforeend', html);
  else list.innerHTML = html;
  more.hidden = list.children.length >= response.total;
}

let index: Promise<SearchIndex> | undefined;
function openIndex(): Promise<SearchIndex> {
  // Read from the built site at run time: the index is written after the bundle.
  index ??= SearchIndex.open(new URL(`/${INDEX_DIRECTORY}/`, location.href).href);
  index.catch(() => (index = undefined));
  return index;
}

/**
 * Each search takes a ticket; only the newest may draw. Searches overlap (a reader ticks a
 * facet while the previous query still waits for its files), and an older one that finishes
 * later must not draw its results, counts or facets over the newer one's.
 */
let newest = 0;

/**
 * Marks the results as being replaced (`aria-busy`): screen readers wait for the new ones,
 * and a script (the browser tests) can tell the results of the current search from the last.
 */
function setBusy(busy: boolean): void {
  list.setAttribute('aria-busy', String(busy));
}

/** Shows the search `params` describe (the page's own URL unless given). */
async function run(params = new URLSearchParams(location.search), append = false): Promise<void> {
  const ticket = ++newest;
  const state = readState(params);
  (form.elements.namedItem('q') as HTMLInputElement).value = state.query;
  (form.elements.namedItem('sort') as HTMLSelectElement).value = state.sort;
  if (!state.query) {
    list.replaceChildren();
    facetsBox.replaceChildren();
    status.textContent = '';
    more.hidden = true;
    setBusy(false);
    return;
  }
  setBusy(true);
  // Said only when a search takes a while: a quick one would flash it (and draw the page once more).
  const slow = append
    ? undefined
    : setTimeout(() => {
        if (ticket === newest) status.textContent = strings.loading;
      }, LOADING_AFTER_MS);
  try {
    const offset = append ? list.children.length : 0;
    const response = await searchSite(await openIndex(), { ...state, limit: PAGE, offset });
    if (ticket !== newest) return;
    renderFacets(response, state.filters);
    renderResults(response, append);
  } catch {
    if (ticket !== newest) return;
    status.textContent = strings.failed;
    more.hidden = true;
  } finally {
    clearTimeout(slow);
    if (ticket === newest) setBusy(false);
  }
}

function submit(): void {
  const data = new FormData(form);
  const params = new URLSearchParams();
  for (const [name, value] of data) if (typeof value === 'string' && value) params.append(name, value);
  void run(params);
  // After the search has sent its requests: the history entry costs the page about 2 ms.
  setTimeout(() => history.pushState(null, '', `?${params}`));
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  submit();
});
form.addEventListener('change', (event) => {
  if ((event.target as HTMLElement).matches('input[type=checkbox], select')) submit();
});
// While a search is under way the list on screen is the last one's: its next page is not wanted.
more.addEventListener('click', () => {
  if (list.getAttribute('aria-busy') !== 'true') void run(undefined, true);
});
addEventListener('popstate', () => void run());
root.hidden = false;
// The manifest (a few KB) is read while the visitor types, so the first search waits for less.
void openIndex().catch(() => {});
root.ownerDocument.querySelector('.search-noscript')?.remove();
void run();
