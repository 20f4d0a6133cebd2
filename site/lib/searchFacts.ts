/**
 * Search facts for a document page: its facets (section, year, publisher, topic, validity),
 * the date it sorts by and the metadata shown in results, in Pagefind's markup, which the
 * project's indexer reads (core/search/index/pageRecord.ts) and the benchmark's stock Pagefind too.
 * Only the element carrying `data-pagefind-body` is indexed, so lists and navigation never
 * show up as results.
 */
import { topicGroup, VALIDITY, type Validity } from '../../core/model/vocabulary.ts';
import { zh } from '../i18n/zh.ts';
import { beijingDay } from './format.ts';

export interface SearchFacts {
  section: string;
  publishedAt?: string | null;
  publisher?: string | null;
  topic?: string | null;
  validity?: string | null;
  docNumber?: string | null;
  /** An interpretation's policy's validity: marked on the interpretation's result, not a facet. */
  policyValidity?: string | null;
  /** The policy that amended or repealed this one: linked from its search result. */
  replacedBy?: { url: string; title: string } | null;
}

const notValid = (validity: string | null | undefined) => (validity && validity !== 'valid' ? VALIDITY[validity as Validity] : undefined);

/** One `[name, value]` per filter, meta field and sort key of a document page. */
export function searchFacts(facts: SearchFacts) {
  const day = facts.publishedAt ? beijingDay(facts.publishedAt) : undefined;
  const present = (pairs: [string, string | null | undefined][]) => pairs.filter((p): p is [string, string] => Boolean(p[1]));
  return {
    filters: present([
      ['section', facts.section],
      ['year', day?.slice(0, 4)],
      ['publisher', facts.publisher],
      ['topic', facts.topic ? topicGroup(facts.topic) : null],
      ['validity', facts.validity ? VALIDITY[facts.validity as Validity] : null],
    ]),
    meta: present([
      ['section', facts.section],
      ['date', day],
      ['docNumber', facts.docNumber],
      [
        'validityMark',
        notValid(facts.validity) ?? (notValid(facts.policyValidity) ? zh.validityOfPolicy(notValid(facts.policyValidity)!) : undefined),
      ],
      ['replacedByUrl', facts.replacedBy?.url],
      ['replacedByTitle', facts.replacedBy?.title],
    ]),
    sort: present([['date', day]]),
  };
}
