import { reusable } from '../../../../lib/renderCache.ts';
import type { APIRoute } from 'astro';
import { siteContent, type InspectionResult } from '../../../../lib/content.ts';
import { recordsJson } from '../../../../lib/records.ts';

export async function getStaticPaths() {
  const { results } = await siteContent();
  return reusable(
    'inspections/results/[slug]/records.json',
    results.map((result) => ({ params: { slug: result.slug.current }, props: { result } })),
  );
}

export const GET: APIRoute = ({ props }) =>
  new Response(recordsJson((props as { result: InspectionResult }).result), { headers: { 'content-type': 'application/json' } });
