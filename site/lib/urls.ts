/** Where each public document lives on the site. One place, so links and routes agree. */
import type { PublicType } from '../../core/model/documentTypes.ts';

export const SECTION_PATHS: Record<PublicType, string> = {
  policy: '/policies/',
  interpretation: '/interpretations/',
  complaintAnalysis: '/12315/',
  inspectionPlan: '/inspections/plans/',
  inspectionResult: '/inspections/results/',
  trademarkNews: '/trademarks/',
};

export function documentUrl(doc: { _type: string; slug: { current: string } }): string {
  const base = SECTION_PATHS[doc._type as PublicType];
  if (!base) throw new Error(`no public page for documents of type ${doc._type}`);
  return `${base}${doc.slug.current}/`;
}
