/**
 * All public content of one build, read once through the shared queries and checked by the
 * build guards before any page renders. Pages import `siteContent()`; the promise is shared,
 * so each query runs once per build however many pages use it.
 */
import { contentSourceFromEnvironment } from '../../core/content/fromEnvironment.ts';
import {
  catalogQuery,
  complaintAnalysesQuery,
  departmentsQuery,
  inspectionPlansQuery,
  inspectionResultsQuery,
  interpretationsQuery,
  policiesQuery,
  trademarkNewsQuery,
  type QueryResultOf,
} from '../../core/content/queries.ts';
import { assertPublishable } from '../../core/build/guards.ts';

export type Policy = QueryResultOf<typeof policiesQuery>[number];
export type Interpretation = QueryResultOf<typeof interpretationsQuery>[number];
export type ComplaintAnalysis = QueryResultOf<typeof complaintAnalysesQuery>[number];
export type InspectionPlan = QueryResultOf<typeof inspectionPlansQuery>[number];
export type InspectionResult = QueryResultOf<typeof inspectionResultsQuery>[number];
export type TrademarkNews = QueryResultOf<typeof trademarkNewsQuery>[number];
export type CatalogEntry = QueryResultOf<typeof catalogQuery>[number];
export type Department = QueryResultOf<typeof departmentsQuery>[number];

export interface SiteContent {
  source: string;
  departments: Department[];
  policies: Policy[];
  interpretations: Interpretation[];
  analyses: ComplaintAnalysis[];
  plans: InspectionPlan[];
  results: InspectionResult[];
  news: TrademarkNews[];
  catalog: CatalogEntry[];
}

async function load(): Promise<SiteContent> {
  const source = await contentSourceFromEnvironment('published');
  const [departments, policies, interpretations, analyses, plans, results, news, catalog] = await Promise.all([
    source.fetch(departmentsQuery),
    source.fetch(policiesQuery),
    source.fetch(interpretationsQuery),
    source.fetch(complaintAnalysesQuery),
    source.fetch(inspectionPlansQuery),
    source.fetch(inspectionResultsQuery),
    source.fetch(trademarkNewsQuery),
    source.fetch(catalogQuery),
  ]);
  assertPublishable(
    {
      policies,
      interpretations,
      byType: { policy: policies, interpretation: interpretations, complaintAnalysis: analyses, inspectionPlan: plans, inspectionResult: results, trademarkNews: news },
    },
    source.description,
  );
  console.log(
    `[content] ${source.description}: ${policies.length} policies, ${interpretations.length} interpretations, ` +
      `${analyses.length} 12315 analyses, ${plans.length} plans, ${results.length} result notices, ${news.length} news`,
  );
  return { source: source.description, departments, policies, interpretations, analyses, plans, results, news, catalog };
}

let loading: Promise<SiteContent> | undefined;

export function siteContent(): Promise<SiteContent> {
  loading ??= load();
  return loading;
}
