/** The sort orders of the 主动公开目录 and its static pages (one set of pages per order). */
import { beijingDay } from '../../core/beijingTime.ts';
import { workingDaysBetween } from '../../core/calendar/workingDays.ts';
import { FIELD_LABELS as L } from '../../core/model/labels.ts';
import { SECTIONS } from '../../core/sections.ts';
import { zh } from '../i18n/zh.ts';
import type { CatalogEntry } from './content.ts';

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

/**
 * 公开时效 of a catalogue entry: working days from its 生成日期 to the Beijing day of its 发布日期
 * (the day formed not counted), or '—' when either is missing or falls in a year the calendar
 * cannot count — shown as unknown, never guessed.
 */
export function disclosureTime(entry: Pick<CatalogEntry, 'formedAt' | 'publishedAt'>): string {
  if (!entry.formedAt || !entry.publishedAt) return '—';
  try {
    return zh.catalog.workingDays(workingDaysBetween(entry.formedAt, beijingDay(entry.publishedAt)));
  } catch {
    return '—';
  }
}

const CATALOG = SECTIONS.catalog.path;
export const catalogBase = (key: CatalogSort) => (key === 'published' ? CATALOG : `${CATALOG}sort/${key}/`);

export interface CatalogPage {
  key: CatalogSort;
  entries: CatalogEntry[];
  page: number;
  pages: number;
  total: number;
}

export function catalogPaths(catalog: CatalogEntry[]) {
  return (Object.keys(CATALOG_SORTS) as CatalogSort[]).flatMap((key) => {
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
      };
      return { params: { list: path || undefined }, props };
    });
  });
}
