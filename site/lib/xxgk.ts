/**
 * The content of the 政府信息公开 section (site/pages/xxgk/), read once per build from the build's
 * content source. The preview keeps going past an unfinished draft (left out, like siteContent's).
 */
import type { Query, QueryResult } from '../../core/content/query.ts';
import {
  disclosureCommitmentsQuery,
  disclosureGuidesQuery,
  disclosureRulesQuery,
  internalUnitsQuery,
  leadersQuery,
  orgFunctionsQuery,
} from '../../core/content/xxgkQueries.ts';
import { COMMITMENT_CATEGORIES } from '../../core/model/vocabulary.ts';
import { buildSource } from './content.ts';
import { PREVIEW } from './mode.ts';
import { portableTextHtml } from './portableText.ts';

type Guide = QueryResult<typeof disclosureGuidesQuery>[number];
type Rule = QueryResult<typeof disclosureRulesQuery>[number];
type OrgFunction = QueryResult<typeof orgFunctionsQuery>[number];
type Commitment = QueryResult<typeof disclosureCommitmentsQuery>[number];
type CommitmentCategory = keyof typeof COMMITMENT_CATEGORIES;
/** T without the fields K (Omit would lose the named fields of a loose object to its index signature). */
type Without<T, K extends string> = { [P in keyof T as P extends K ? never : P]: T[P] };

interface XxgkContent {
  /** The current guide (the latest by 修订日期), its two parts as HTML. */
  guide: (Without<Guide, 'body' | 'requestBody'> & { bodyHtml: string; requestHtml: string }) | null;
  rules: (Without<Rule, 'body'> & { bodyHtml: string })[];
  orgFunction: (Without<OrgFunction, 'duties'> & { dutiesHtml: string }) | null;
  internalUnits: QueryResult<typeof internalUnitsQuery>;
  leaders: QueryResult<typeof leadersQuery>;
  /** The 主动公开基本目录 by category, in the vocabulary's order; empty categories left out. */
  commitments: { category: CommitmentCategory; label: string; items: Commitment[] }[];
}

/**
 * A body shown under an h2 of its own (a rule on the page of all rules): its headings one level
 * lower, so the page's outline stays whole. The HTML is the renderer's, whose text is escaped.
 */
export function headingsBelow(html: string): string {
  return html.replace(/<(\/?)h([2-5])>/g, (_, close: string, level: string) => `<${close}h${Number(level) + 1}>`);
}

async function load(): Promise<XxgkContent> {
  const source = await buildSource();
  const read = async <Q extends Query>(query: Q): Promise<QueryResult<Q>> =>
    PREVIEW ? (await source.fetchLenient(query)).data : source.fetch(query);
  const [guides, rules, orgFunctions, internalUnits, leaders, commitments] = await Promise.all([
    read(disclosureGuidesQuery),
    read(disclosureRulesQuery),
    read(orgFunctionsQuery),
    read(internalUnitsQuery),
    read(leadersQuery),
    read(disclosureCommitmentsQuery),
  ]);
  const [guide] = guides;
  const [orgFunction] = orgFunctions;
  const categories = Object.keys(COMMITMENT_CATEGORIES) as CommitmentCategory[];
  return {
    guide: guide
      ? (({ body, requestBody, ...rest }) => ({ ...rest, bodyHtml: portableTextHtml(body), requestHtml: portableTextHtml(requestBody) }))(
          guide,
        )
      : null,
    rules: rules.map(({ body, ...rest }) => ({ ...rest, bodyHtml: portableTextHtml(body) })),
    orgFunction: orgFunction ? (({ duties, ...rest }) => ({ ...rest, dutiesHtml: portableTextHtml(duties) }))(orgFunction) : null,
    internalUnits,
    leaders,
    commitments: categories
      .map((category) => ({ category, label: COMMITMENT_CATEGORIES[category], items: commitments.filter((c) => c.category === category) }))
      .filter((group) => group.items.length > 0),
  };
}

let loading: Promise<XxgkContent> | undefined;

export function xxgkContent(): Promise<XxgkContent> {
  loading ??= load();
  return loading;
}
