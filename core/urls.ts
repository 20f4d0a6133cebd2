/**
 * Where each public document lives on the site. One place, so the site's routes and links, the
 * preview and the Studio's 「预览」 link agree.
 */
import type { PublicType } from './model/documentTypes.ts';

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

/** Where reviewers see a document as it will be released: its page on the draft preview site. */
export function previewUrl(base: string, doc: { _type: string; slug?: { current?: string } | null }): string | null {
  if (!doc.slug?.current) return null;
  // Relative to the base, so a preview served under a path (https://host/preview/) works too.
  return new URL(documentUrl({ _type: doc._type, slug: { current: doc.slug.current } }).slice(1), base.endsWith('/') ? base : `${base}/`).href;
}
