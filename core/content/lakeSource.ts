/** A ContentSource on the Sanity Content Lake through @sanity/client. */
import { createClient, type ClientConfig, type SanityClient } from '@sanity/client';
import type { Perspective } from './perspective.ts';
import { checkResult, checkResultLenient } from './query.ts';
import type { ContentSource } from './source.ts';

/** The API version this project's queries are written against. */
export const SANITY_API_VERSION = '2025-02-19';

export interface LakeConfig {
  projectId: string;
  dataset: string;
  /** A read token; required for the `drafts` perspective, which anonymous clients cannot see. */
  token?: string;
  /**
   * Overrides the API host (a proxy, or the local recording server of the tests). Such a host
   * is addressed directly, with the project named in the X-Sanity-Project-ID header.
   */
  apiHost?: string;
}

export function createLakeClient(config: LakeConfig, perspective: Perspective): SanityClient {
  if (perspective === 'drafts' && !config.token) {
    throw new Error('草稿预览需要读取令牌：请设置 SANITY_API_READ_TOKEN');
  }
  const clientConfig: ClientConfig = {
    projectId: config.projectId,
    dataset: config.dataset,
    apiVersion: SANITY_API_VERSION,
    // The CDN may serve stale content; builds and previews must see the latest.
    useCdn: false,
    perspective,
    ...(config.token ? { token: config.token } : {}),
    ...(config.apiHost ? { apiHost: config.apiHost, useProjectHostname: false } : {}),
  };
  return createClient(clientConfig);
}

export function createLakeSource(config: LakeConfig, perspective: Perspective): ContentSource {
  const client = createLakeClient(config, perspective);
  const description = `sanity:${config.projectId}/${config.dataset}（${perspective}）`;
  return {
    description,
    perspective,
    async fetch(query, params = {}) {
      const value: unknown = await client.fetch(query.groq, params, { perspective });
      return checkResult(query, value, description);
    },
    async fetchLenient(query, params = {}) {
      return checkResultLenient(query, await client.fetch(query.groq, params, { perspective }));
    },
  };
}
