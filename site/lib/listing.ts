/**
 * Paged lists with one-dimension filters, as static pages: `/<section>/`, `/<section>/page/2/`,
 * `/<section>/year/2024/`, `/<section>/year/2024/page/2/`. Filtering works without JavaScript
 * because every filtered list is a page of its own.
 */
/** What a list shows of each document. */
export interface ListedDocument {
  _id: string;
  _type: string;
  title: string;
  slug: { current: string };
  publishedAt?: string | null;
  publisher?: { name: string } | null;
  validity?: string;
  /** An interpretation's policy: its validity is marked beside the interpretation too. */
  policy?: { validity?: string | null } | null;
  docNumber?: string | null;
}

interface FacetValue {
  /** URL segment: ASCII, stable. */
  value: string;
  label: string;
}

export interface Facet<T> {
  key: string;
  label: string;
  valueOf: (item: T) => FacetValue | null;
}

export interface FacetOption extends FacetValue {
  count: number;
  href: string;
}

export interface ListingProps<T> {
  items: T[];
  total: number;
  page: number;
  pages: number;
  /** Base of this list's URLs, e.g. `/policies/year/2024/`. */
  base: string;
  active: { key: string; value: string; label: string } | null;
  facets: { key: string; label: string; options: FacetOption[] }[];
  root: string;
}

const PAGE_SIZE = 20;

export function pageHref(base: string, page: number): string {
  return page <= 1 ? base : `${base}page/${page}/`;
}

function pagesOf<T>(
  items: T[],
  make: (pageItems: T[], page: number, pages: number) => { params: { list: string | undefined }; props: ListingProps<T> },
) {
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  return Array.from({ length: pages }, (_, index) => make(items.slice(index * PAGE_SIZE, (index + 1) * PAGE_SIZE), index + 1, pages));
}

/** getStaticPaths entries for `<root>[...list].astro`. Items must already be in display order. */
export function listingPaths<T>(root: string, items: T[], facets: Facet<T>[]) {
  // One pass per facet sorts the items into its options, in display order; filtering the
  // whole list once per option would cost items × options (tens of millions at 100,000 documents).
  const groups = facets.map((facet) => {
    const byValue = new Map<string, { option: FacetOption; items: T[] }>();
    for (const item of items) {
      const v = facet.valueOf(item);
      if (!v) continue;
      let group = byValue.get(v.value);
      if (!group) {
        group = { option: { ...v, count: 0, href: `${root}${facet.key}/${v.value}/` }, items: [] };
        byValue.set(v.value, group);
      }
      group.option.count++;
      group.items.push(item);
    }
    return [...byValue.values()];
  });
  const options = facets.map((facet, index) => ({ key: facet.key, label: facet.label, options: groups[index]!.map((g) => g.option) }));
  const listing = (base: string, list: T[], active: ListingProps<T>['active']) =>
    pagesOf(list, (pageItems, page, pages) => ({
      params: { list: `${base.slice(root.length)}${page > 1 ? `page/${page}/` : ''}`.replace(/\/$/, '') || undefined },
      props: { items: pageItems, total: list.length, page, pages, base, active, facets: options, root },
    }));
  return [
    ...listing(root, items, null),
    ...facets.flatMap((facet, index) =>
      groups[index]!.flatMap(({ option, items: chosen }) =>
        listing(option.href, chosen, { key: facet.key, value: option.value, label: option.label }),
      ),
    ),
  ];
}
