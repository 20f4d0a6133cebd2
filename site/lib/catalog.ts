/**
 * The 主动公开目录's static pages: the whole catalogue in each sort order, and the catalogue
 * filtered by 体裁, 主题分类 or 发布机构 (one set of pages per value), so that sorting and
 * filtering both work without JavaScript.
 */
import { beijingDay } from '../../core/beijingTime.ts';
import { workingDaysBetween } from '../../core/calendar/workingDays.ts';
import { PUBLIC_TYPES, type PublicType } from '../../core/model/documentTypes.ts';
import { FIELD_LABELS as L } from '../../core/model/labels.ts';
import { SECTIONS } from '../../core/sections.ts';
import { zh } from '../i18n/zh.ts';
import type { CatalogEntry } from './content.ts';
import { publisherFacet, topicFacet } from './facets.ts';
import { type Facet, type ListingProps, listingPaths } from './listing.ts';

const CATALOG_PAGE_SIZE = 50;
const collator = new Intl.Collator('zh-CN');

export const CATALOG_SORTS = {
  published: {
    label: L.publishedAt,
    direction: 'descending',
    compare: (a: CatalogEntry, b: CatalogEntry) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''),
  },
  index: {
    label: L.indexNumber,
    direction: 'ascending',
    compare: (a: CatalogEntry, b: CatalogEntry) => (a.indexNumber ?? '').localeCompare(b.indexNumber ?? ''),
  },
  title: {
    label: zh.catalog.name,
    direction: 'ascending',
    compare: (a: CatalogEntry, b: CatalogEntry) => collator.compare(a.title, b.title),
  },
  formed: {
    label: L.formedAt,
    direction: 'descending',
    compare: (a: CatalogEntry, b: CatalogEntry) => b.formedAt.localeCompare(a.formedAt),
  },
  publisher: {
    label: L.publisher,
    direction: 'ascending',
    compare: (a: CatalogEntry, b: CatalogEntry) => collator.compare(a.publisher?.name ?? '', b.publisher?.name ?? ''),
  },
} as const;
export type CatalogSort = keyof typeof CATALOG_SORTS;

const disclosureTimes = new Map<string, string>();
/**
 * 公开时效 of a catalogue entry: working days from its 生成日期 to the Beijing day of its 发布日期
 * (the day formed not counted), or '—' when either is missing or falls in a year the calendar
 * cannot count — shown as unknown, never guessed. Counted once per pair of dates: each entry is
 * on a dozen catalogue pages (its sort orders and filters).
 */
export function disclosureTime(entry: Pick<CatalogEntry, 'formedAt' | 'publishedAt'>): string {
  const key = `${entry.formedAt}|${entry.publishedAt}`;
  let time = disclosureTimes.get(key);
  if (time === undefined) {
    time = countDisclosureTime(entry);
    disclosureTimes.set(key, time);
  }
  return time;
}

function countDisclosureTime(entry: Pick<CatalogEntry, 'formedAt' | 'publishedAt'>): string {
  if (!entry.formedAt || !entry.publishedAt) return '—';
  try {
    return zh.catalog.workingDays(workingDaysBetween(entry.formedAt, beijingDay(entry.publishedAt)));
  } catch {
    return '—';
  }
}

const CATALOG = SECTIONS.catalog.path;
export const catalogBase = (key: CatalogSort) => (key === 'published' ? CATALOG : `${CATALOG}sort/${key}/`);

/** 体裁: the kind of document; its URL segment is the type's name in kebab case (`inspection-result`). */
const genreFacet: Facet<CatalogEntry> = {
  key: 'genre',
  label: zh.catalog.genre,
  valueOf: (entry) => ({
    value: entry._type.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`),
    label: PUBLIC_TYPES[entry._type as PublicType] ?? entry._type,
  }),
};
const CATALOG_FACETS = [genreFacet, topicFacet, publisherFacet] as Facet<CatalogEntry>[];

export interface CatalogPage {
  /** The sort order of a page of the whole catalogue; null on a filtered page (newest first). */
  key: CatalogSort | null;
  entries: CatalogEntry[];
  page: number;
  pages: number;
  total: number;
  /** Base of this page's URLs, for the pagination. */
  base: string;
  /** The filters, with the one this page shows marked (FilterNav.astro). */
  filters: ListingProps<CatalogEntry>;
}

export function catalogPaths(catalog: CatalogEntry[]) {
  const newestFirst = [...catalog].sort((a, b) => CATALOG_SORTS.published.compare(a, b) || a._id.localeCompare(b._id));
  const listing = listingPaths(CATALOG, newestFirst, CATALOG_FACETS);
  // Its first page is the unfiltered catalogue, which the sort orders below make: it lends them its filters.
  const unfiltered = listing[0]!.props;
  const filtered = listing
    .filter(({ props }) => props.active !== null)
    .map(({ params, props }) => {
      const page: CatalogPage = {
        key: null,
        entries: props.items,
        page: props.page,
        pages: props.pages,
        total: props.total,
        base: props.base,
        filters: props,
      };
      return { params, props: page };
    });
  const sorted = (Object.keys(CATALOG_SORTS) as CatalogSort[]).flatMap((key) => {
    const sorted = [...catalog].sort((a, b) => CATALOG_SORTS[key].compare(a, b) || a._id.localeCompare(b._id));
    const pages = Math.max(1, Math.ceil(sorted.length / CATALOG_PAGE_SIZE));
    return Array.from({ length: pages }, (_, i) => {
      const path = `${catalogBase(key).slice(CATALOG.length)}${i > 0 ? `page/${i + 1}/` : ''}`.replace(/\/$/, '');
      const props: CatalogPage = {
        key,
        entries: sorted.slice(i * CATALOG_PAGE_SIZE, (i + 1) * CATALOG_PAGE_SIZE),
        page: i + 1,
        pages,
        total: sorted.length,
        base: catalogBase(key),
        filters: unfiltered,
      };
      return { params: { list: path || undefined }, props };
    });
  });
  return [...sorted, ...filtered];
}
