/**
 * The content of the 政府信息公开 section (site/pages/xxgk/), read once per build from the build's
 * content source: the guide's revisions and the rules (disclosure documents, released through the
 * sign-off) and the registers 机构职能, 领导信息 and 主动公开基本目录. The public build refuses the
 * guide and rules on the same rules as every public document (unique 索引号 and address, links
 * only to what is public); the preview keeps going past an unfinished draft.
 */
import { assertPublishable, publicDocumentsOfQueries } from '../../core/build/guards.ts';
import { disclosureGuidesQuery, disclosureRulesQuery } from '../../core/content/queries.ts';
import type { Query, QueryResult } from '../../core/content/query.ts';
import { disclosureCommitmentsQuery, internalUnitsQuery, leadersQuery, orgFunctionsQuery } from '../../core/content/xxgkQueries.ts';
import { COMMITMENT_CATEGORIES } from '../../core/model/vocabulary.ts';
import { buildSource } from './buildSource.ts';
import { PREVIEW } from './mode.ts';
import { portableTextHtml, withBodyHtml, type WithBodyHtml } from './portableText.ts';

type GuideEntry = QueryResult<typeof disclosureGuidesQuery>[number];
type OrgFunction = QueryResult<typeof orgFunctionsQuery>[number];
type Commitment = QueryResult<typeof disclosureCommitmentsQuery>[number];
type CommitmentCategory = keyof typeof COMMITMENT_CATEGORIES;
/** T without the fields K (Omit would lose the named fields of a loose object to its index signature). */
type Without<T, K extends string> = { [P in keyof T as P extends K ? never : P]: T[P] };

export type Guide = Without<WithBodyHtml<GuideEntry>, 'requestBody'> & { requestHtml: string };
export type Rule = WithBodyHtml<QueryResult<typeof disclosureRulesQuery>[number]>;

interface XxgkContent {
  /** Every released revision of the guide, the current (latest 生成日期) first. */
  guides: Guide[];
  rules: Rule[];
  orgFunction: (Without<OrgFunction, 'duties'> & { dutiesHtml: string }) | null;
  internalUnits: QueryResult<typeof internalUnitsQuery>;
  leaders: QueryResult<typeof leadersQuery>;
  /** The 主动公开基本目录 by category, in the vocabulary's order; empty categories left out. */
  commitments: { category: CommitmentCategory; label: string; items: Commitment[] }[];
}

/**
 * A body shown under an h2 of its own: its headings one level lower, so the page's outline stays
 * whole. The HTML is the renderer's, whose text is escaped.
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
  if (!PREVIEW)
    assertPublishable(
      publicDocumentsOfQueries({ policies: [], interpretations: [], results: [], others: [...guides, ...rules] }),
      source.description,
    );
  const [orgFunction] = orgFunctions;
  const categories = Object.keys(COMMITMENT_CATEGORIES) as CommitmentCategory[];
  return {
    guides: withBodyHtml(guides).map(({ requestBody, ...rest }) => ({ ...rest, requestHtml: portableTextHtml(requestBody) })),
    rules: withBodyHtml(rules),
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
