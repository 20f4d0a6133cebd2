import type { APIRoute } from 'astro';

import { PREVIEW } from '../lib/mode.ts';

// The reviewers' preview must never be indexed by anyone.
export const GET: APIRoute = ({ site }) =>
  new Response(PREVIEW ? 'User-agent: *\nDisallow: /\n' : `User-agent: *\nAllow: /\n\nSitemap: ${new URL('sitemap-index.xml', site)}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
