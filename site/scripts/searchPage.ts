/**
 * The search page in the browser: reads the query, facets and sort from the URL, asks the
 * shared query module, and renders results with the matched words highlighted. The URL
 * always reflects the state, so a search can be bookmarked, shared and navigated back to.
 */
import { searchSite, type SearchResponse, type SortOrder } from '../../core/search/searchSite.ts';
import type { PagefindApi } from '../../core/search/pagefindApi.ts';

const FACETS = ['section', 'year', 'publisher', 'topic', 'validity'] as const;

interface Strings {
  facetLabels: Record<string, string>;
  resultsFor: string;
  noResults: string;
  loading: string;
  matched: string;
}

const root = document.querySelector<HTMLElement>('#search-app')!;
const strings = JSON.parse(root.dataset.strings!) as Strings;
const form = root.querySelector<HTMLFormElement>('form')!;
const status = root.querySelector<HTMLElement>('#search-status')!;
const list = root.querySelector<HTMLOListElement>('#search-results')!;
const facetsBox = root.querySelector<HTMLElement>('#search-facets')!;

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** Pagefind's excerpts are escaped text plus <mark>; keep nothing else. */
function safeExcerpt(html: string): string {
  return html.replace(/<(?!\/?mark>)[^>]*>/g, '');
}

function readState() {
  const params = new URLSearchParams(location.search);
  const filters: Record<string, string[]> = {};
  for (const facet of FACETS) {
    const values = params.getAll(facet);
    if (values.length > 0) filters[facet] = values;
  }
  return { query: params.get('q') ?? '', sort: (params.get('sort') ?? 'relevance') as SortOrder, filters };
}

function renderFacets(response: SearchResponse, selected: Record<string, string[]>): void {
  facetsBox.replaceChildren();
  for (const facet of FACETS) {
    const values = Object.entries(response.facets[facet] ?? {}).filter(([, count]) => count > 0 || selected[facet]?.length);
    if (values.length === 0) continue;
    const fieldset = document.createElement('fieldset');
    fieldset.innerHTML = `<legend>${escapeHtml(strings.facetLabels[facet] ?? facet)}</legend>`;
    for (const [value, count] of values.sort(([a], [b]) => b.localeCompare(a, 'zh-CN'))) {
      const id = `facet-${facet}-${value}`.replace(/\s+/g, '-');
      const label = document.createElement('label');
      label.htmlFor = id;
      label.innerHTML = `<input type="checkbox" id="${escapeHtml(id)}" name="${facet}" value="${escapeHtml(value)}"${selected[facet]?.includes(value) ? ' checked' : ''}> ${escapeHtml(value)}（${count}）`;
      fieldset.append(label);
    }
    facetsBox.append(fieldset);
  }
}

function renderResults(response: SearchResponse): void {
  status.textContent = response.total === 0 ? strings.noResults.replace('{q}', response.query) : strings.resultsFor.replace('{q}', response.query).replace('{n}', String(response.total));
  list.innerHTML = response.hits
    .map(
      (hit) => `<li>
  <a href="${escapeHtml(hit.url)}">${escapeHtml(hit.title)}</a>
  <span class="meta">${escapeHtml([hit.section, hit.docNumber, hit.date].filter(Boolean).join(' · '))}</span>
  <p class="excerpt"><span class="visually-hidden">${escapeHtml(strings.matched)}：</span>${safeExcerpt(hit.excerpt)}</p>
</li>`,
    )
    .join('');
}

let pagefind: Promise<PagefindApi> | undefined;
function loadPagefind(): Promise<PagefindApi> {
  // Loaded from the built site at run time: it is written after the bundle, by the indexer.
  const url = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ url) as Promise<PagefindApi>;
  return pagefind;
}

async function run(): Promise<void> {
  const state = readState();
  (form.elements.namedItem('q') as HTMLInputElement).value = state.query;
  (form.elements.namedItem('sort') as HTMLSelectElement).value = state.sort;
  if (!state.query) return;
  status.textContent = strings.loading;
  const response = await searchSite(await loadPagefind(), { ...state, limit: 50 });
  renderFacets(response, state.filters);
  renderResults(response);
}

function submit(): void {
  const data = new FormData(form);
  const params = new URLSearchParams();
  for (const [name, value] of data) if (typeof value === 'string' && value) params.append(name, value);
  history.pushState(null, '', `?${params}`);
  void run();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  submit();
});
form.addEventListener('change', (event) => {
  if ((event.target as HTMLElement).matches('input[type=checkbox], select')) submit();
});
addEventListener('popstate', () => void run());
root.hidden = false;
root.ownerDocument.querySelector('.search-noscript')?.remove();
void run();
