/**
 * Which site is being built: the public site (published perspective, into dist/) or the
 * reviewers' preview (drafts over published, into dist-preview/, marked and noindex).
 * `npm run preview` sets SITE_MODE=preview; nothing else does.
 */
export const PREVIEW = process.env.SITE_MODE === 'preview';
