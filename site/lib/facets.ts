/** The list filters of the public sections (year, publisher, topic, validity). */
import { TOPICS, valuesOf, VALIDITY, type Validity } from '../../core/model/vocabulary.ts';
import { zh } from '../i18n/zh.ts';
import { beijingYear } from './format.ts';
import type { Facet } from './listing.ts';

interface Listed {
  publishedAt?: string | null;
  publisher?: { name: string; code: string } | null;
  topic?: string;
  validity?: string;
}

const TOPIC_VALUES = valuesOf(TOPICS);

export const yearFacet: Facet<Listed> = {
  key: 'year',
  label: zh.filters.year,
  valueOf: (item) => (item.publishedAt ? { value: beijingYear(item.publishedAt), label: `${beijingYear(item.publishedAt)}年` } : null),
};

export const publisherFacet: Facet<Listed> = {
  key: 'publisher',
  label: zh.filters.publisher,
  valueOf: (item) => (item.publisher ? { value: item.publisher.code.toLowerCase(), label: item.publisher.name } : null),
};

/** Topics have Chinese names with backslashes; their URL segment is their place in the fixed list. */
export const topicFacet: Facet<Listed> = {
  key: 'topic',
  label: zh.filters.topic,
  valueOf: (item) => (item.topic ? { value: String(TOPIC_VALUES.indexOf(item.topic) + 1), label: item.topic.split('\\').at(-1)! } : null),
};

export const validityFacet: Facet<Listed> = {
  key: 'validity',
  label: zh.filters.validity,
  valueOf: (item) => (item.validity ? { value: item.validity, label: VALIDITY[item.validity as Validity] } : null),
};
