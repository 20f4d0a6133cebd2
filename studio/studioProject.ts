/**
 * Which Sanity project the Studio talks to. Set SANITY_STUDIO_PROJECT_ID and
 * SANITY_STUDIO_DATASET for a real project; the placeholder lets the Studio build and its
 * schema be validated with no account and no network.
 */
const env = (typeof process === 'undefined' ? {} : process.env) as Record<string, string | undefined>;

export const studioProject = {
  projectId: env.SANITY_STUDIO_PROJECT_ID ?? 'localdev',
  dataset: env.SANITY_STUDIO_DATASET ?? 'production',
};
