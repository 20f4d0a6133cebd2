/**
 * Node's fetch cannot read `file:` URLs; the command line and the tests read a built site's
 * search files through fetch all the same, as the browser does, so those requests are served
 * from disk (and a benchmark can count the bytes of every file a query reads).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

let installed = false;

export function installFileFetch(): void {
  if (installed) return;
  const networkFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file:')) return networkFetch(input, init);
    try {
      const body = await readFile(fileURLToPath(url.split('?')[0]!));
      const type = url.endsWith('.wasm') || url.includes('wasm.') ? 'application/wasm' : 'application/octet-stream';
      return new Response(body, { status: 200, headers: { 'content-type': type } });
    } catch {
      return new Response(null, { status: 404 });
    }
  };
  installed = true;
}
