/**
 * Follows a Content Lake dataset (Sanity's, or the local one of core/localLake/) for the
 * publisher, through `client.listen`: the publisher opens the connection itself, so it needs no
 * public address, no TLS certificate and no shared webhook secret, and a publisher that was down
 * loses nothing — on (re)connecting it reads the content again and compares fingerprints. (A
 * GROQ-powered webhook would need an endpoint reachable from Sanity's servers and its signature
 * checked, and a delivery missed while the publisher was down would stay missed.)
 */
import type { SanityClient } from '@sanity/client';
import { PUBLIC_TYPES, RECORD_TYPES } from '../model/documentTypes.ts';
import { PublicContentReader, type PublicContent } from './publicContent.ts';

/** What the public build reads, cut to what tells a change: every public document's id and revision, and the audit log's events. */
const PUBLIC_CONTENT_QUERY = `{
  "docs": *[!(_type in $recordTypes) && (!(_type in $publicTypes) || disclosure.mode == "proactive")]{_id, _type, _rev, _updatedAt, disclosure},
  "audit": *[_type == "workflowAudit"]{_id, _type, unit, seq, action, at}
}`;

export async function readLakePublicContent(client: SanityClient): Promise<PublicContent> {
  const result = await client.fetch<{ docs: Record<string, unknown>[]; audit: Record<string, unknown>[] }>(
    PUBLIC_CONTENT_QUERY,
    { publicTypes: Object.keys(PUBLIC_TYPES), recordTypes: Object.keys(RECORD_TYPES) },
    { perspective: 'published' },
  );
  const reader = new PublicContentReader();
  for (const doc of [...result.docs, ...result.audit]) reader.addDocument(doc);
  return reader.result();
}

/** Calls `onChange` on every committed change of a published document, and on every (re)connection. */
export function followLake(client: SanityClient, onChange: () => void, log: (message: string) => void): () => void {
  let subscription: { unsubscribe(): void } | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const connect = () => {
    subscription = client
      // Published documents only: a draft edit is not even sent; nor is the publisher's own 上线记录 (lakeDeployments.ts).
      .listen(
        `*[!(_id in path("drafts.**")) && !(_id in path("versions.**")) && _type != "siteDeployment"]`,
        {},
        { events: ['welcome', 'mutation', 'reconnect'], includeResult: false, visibility: 'query' },
      )
      .subscribe({
        next: (event) => {
          if (event.type !== 'reconnect') onChange();
        },
        error: (error: Error) => {
          log(`Content Lake 监听中断：${error.message}，5 秒后重连`);
          if (!stopped) retry = setTimeout(connect, 5000);
        },
      });
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(retry);
    subscription?.unsubscribe();
  };
}
