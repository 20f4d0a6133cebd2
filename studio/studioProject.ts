/**
 * Which Content Lake the Studio talks to. With SANITY_STUDIO_PROJECT_ID (and
 * SANITY_STUDIO_DATASET) set, a real Sanity project. Without one, the local Content Lake that
 * `npm run studio` starts over the dataset file (core/localLake/): the placeholder project id
 * names it, and the Studio signs in there with a local user's token. The placeholder also lets
 * the Studio build and its schema be validated with no account and no network.
 */

/**
 * Reads one variable. The Studio's bundler replaces each `process.env.SANITY_STUDIO_…`
 * expression by its value, one by one (there is no `process` in the browser), so every
 * variable is named in full; one that is not set throws in the browser and reads as unset.
 */
function variable(read: () => string | undefined): string | undefined {
  try {
    return read() || undefined;
  } catch {
    return undefined;
  }
}

/** Where the local Content Lake listens by default (`npm run studio` passes the one it started). */
const DEFAULT_LOCAL_LAKE_URL = 'http://localhost:3999';
/** Where the reviewers' draft preview is served by default (`npm run preview`). */
const DEFAULT_PREVIEW_URL = 'http://localhost:4322';

const projectId = variable(() => process.env.SANITY_STUDIO_PROJECT_ID);

export const studioProject = {
  projectId: projectId ?? 'localdev',
  dataset: variable(() => process.env.SANITY_STUDIO_DATASET) ?? 'production',
  /** The local Content Lake's address, or undefined when a real project is used. */
  localLakeUrl: projectId ? undefined : (variable(() => process.env.SANITY_STUDIO_LOCAL_LAKE_URL) ?? DEFAULT_LOCAL_LAKE_URL),
  /** The draft preview's address, for 「预览」. */
  previewUrl: variable(() => process.env.SANITY_STUDIO_PREVIEW_URL) ?? DEFAULT_PREVIEW_URL,
};
