/**
 * The Studio's API client against the local Content Lake. The Content Lake speaks HTTP/2,
 * where any number of listeners share one connection; the local server speaks HTTP/1.1, where
 * a browser opens at most six connections to one host — and the Studio keeps six listeners
 * open as soon as a document is open, after which every other request waits forever. So each
 * listener connection goes to a host name of its own under the project's `*.localhost` name
 * (the browser resolves them all to the loopback address; the server ignores the name).
 */
import { createClient, type ClientConfig, type SanityClient } from '@sanity/client';

let listenerCount = 0;

function ownHostForListeners(url: string): string {
  if (!url.includes('/data/listen/')) return url;
  const parsed = new URL(url);
  if (!parsed.hostname.endsWith('localhost')) return url;
  listenerCount = (listenerCount + 1) % 10_000;
  parsed.hostname = `listener-${listenerCount}.${parsed.hostname}`;
  return parsed.href;
}

const listenerSpreadingFetch: typeof fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const target = ownHostForListeners(url);
  return globalThis.fetch(target === url ? input : target, init);
};

export function createLocalLakeClient(config: ClientConfig): SanityClient {
  return createClient({ ...config, resolveFetch: () => listenerSpreadingFetch });
}
