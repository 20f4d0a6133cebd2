/**
 * All content of one build, read once through the shared queries and checked by the build
 * guards before any page renders. Pages import `siteContent()`; the promise is shared, so
 * each query runs once per build however many pages use it.
 *
 * The public build reads the published perspective and refuses bad data. The preview reads
 * drafts over published and keeps going: an unfinished draft is left out and listed, with
 * what blocks its release, on the preview's 待审签 page.
 */
import {
  catalogQuery,
  complaintAnalysesQuery,
  departmentsQuery,
  inspectionPlansQuery,
  inspectionResultsQuery,
  interpretationsQuery,
  policiesQuery,
  proposalRepliesQuery,
  siteSettingsQuery,
  trademarkNewsQuery,
  type QueryResultOf,
} from '../../core/content/queries.ts';
import { assertPublishable, publicDocumentsOfQueries, publishableProblems } from '../../core/build/guards.ts';
import type { Problem } from '../../core/model/problems.ts';
import type { Query, QueryResult } from '../../core/content/query.ts';
import type { ContentSource } from '../../core/content/source.ts';
import { buildSource, releaseBuildSource } from './buildSource.ts';
import { PREVIEW } from './mode.ts';
import { siteSettingsOf, type SiteSettings } from '../../core/bureau/settings.ts';
import { withBodyHtml, type WithBodyHtml } from './portableText.ts';
import { xxgkContent } from './xxgk.ts';
import { annualReports } from './annualReports.ts';

// Documents that have a body carry it as HTML (see portableText.ts).
export type Policy = WithBodyHtml<QueryResultOf<typeof policiesQuery>[number]>;
export type Interpretation = WithBodyHtml<QueryResultOf<typeof interpretationsQuery>[number]>;
export type ComplaintAnalysis = WithBodyHtml<QueryResultOf<typeof complaintAnalysesQuery>[number]>;
export type InspectionPlan = WithBodyHtml<QueryResultOf<typeof inspectionPlansQuery>[number]>;
export type InspectionResult = WithBodyHtml<QueryResultOf<typeof inspectionResultsQuery>[number]>;
export type TrademarkNews = WithBodyHtml<QueryResultOf<typeof trademarkNewsQuery>[number]>;
export type CatalogEntry = QueryResultOf<typeof catalogQuery>[number];
type Department = QueryResultOf<typeof departmentsQuery>[number];
export type ProposalReply = WithBodyHtml<QueryResultOf<typeof proposalRepliesQuery>[number]>;

export interface SiteContent {
  source: string;
  departments: Department[];
  policies: Policy[];
  interpretations: Interpretation[];
  analyses: ComplaintAnalysis[];
  plans: InspectionPlan[];
  results: InspectionResult[];
  news: TrademarkNews[];
  proposals: ProposalReply[];
  /** The site identity (网站设置), or the fallback without a settings document. */
  settings: SiteSettings;
  catalog: CatalogEntry[];
  /** Preview only: documents left out as incomplete, and what would block a release. */
  problems: Problem[];
}

async function load(): Promise<SiteContent> {
  const source = await buildSource();
  const problems: Problem[] = [];
  const read = async <Q extends Query>(query: Q, s: ContentSource): Promise<QueryResult<Q>> => {
    if (!PREVIEW) return s.fetch(query);
    const { data, problems: found } = await s.fetchLenient(query);
    problems.push(...found);
    return data;
  };
  const [departments, policies, interpretations, analyses, plans, results, news, catalog, proposals, storedSettings] = await Promise.all([
    read(departmentsQuery, source),
    // Each list's bodies become HTML as soon as it is read, so its block objects can go.
    read(policiesQuery, source).then(withBodyHtml),
    read(interpretationsQuery, source).then(withBodyHtml),
    read(complaintAnalysesQuery, source).then(withBodyHtml),
    read(inspectionPlansQuery, source).then(withBodyHtml),
    read(inspectionResultsQuery, source).then(withBodyHtml),
    read(trademarkNewsQuery, source).then(withBodyHtml),
    read(catalogQuery, source),
    read(proposalRepliesQuery, source).then(withBodyHtml),
    read(siteSettingsQuery, source),
  ]);
  // The same rules `npm run validate` applies to a stored dataset, on what the queries returned.
  const guardInput = publicDocumentsOfQueries({
    policies,
    interpretations,
    results,
    others: [...analyses, ...plans, ...news, ...proposals],
  });
  if (PREVIEW) {
    problems.push(...publishableProblems(guardInput));
  } else {
    assertPublishable(guardInput, source.description, { requireContent: true });
  }
  // A pair shown in the preview must have both halves: drop a half whose partner was left out.
  const shownInterpretations = new Set(interpretations.map((i) => i._id));
  const shownPolicies = new Set(policies.map((p) => p._id));
  const pairedPolicies = policies.filter((p) => p.interpretation && shownInterpretations.has(p.interpretation._id));
  const pairedInterpretations = interpretations.filter((i) => i.policy && shownPolicies.has(i.policy._id));
  console.log(
    `[content] ${source.description}: ${policies.length} policies, ${interpretations.length} interpretations, ` +
      `${analyses.length} 12315 analyses, ${plans.length} plans, ${results.length} result notices, ${news.length} news, ${proposals.length} proposal replies` +
      (PREVIEW ? `, ${problems.length} problems listed for reviewers` : ''),
  );
  const shown = new Set([...pairedPolicies, ...pairedInterpretations].map((d) => d._id));
  const listed = catalog.filter((entry) => (entry._type !== 'policy' && entry._type !== 'interpretation') || shown.has(entry._id));
  // The other loaders read now too, whichever page renders first; then the source has given the
  // build all it shows, and its documents can go (buildSource.ts).
  await Promise.all([xxgkContent(), annualReports()]);
  releaseBuildSource();
  return {
    source: source.description,
    departments,
    policies: pairedPolicies,
    interpretations: pairedInterpretations,
    analyses,
    plans,
    results,
    news,
    proposals,
    settings: siteSettingsOf(storedSettings),
    catalog: listed,
    problems,
  };
}

let loading: Promise<SiteContent> | undefined;

export function siteContent(): Promise<SiteContent> {
  loading ??= load();
  return loading;
}
