/** The site built by test/globalSetup.ts, and a static server for it. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { type Served, serveSite as serveStaticSite } from '../../scripts/support/staticServer.ts';
import { ROOT } from './run.ts';

export const TEST_SITE = join(ROOT, '.tmp', 'test-dist');
export const TEST_PREVIEW = join(ROOT, '.tmp', 'test-preview');
/** Set while the test sites are built: it must appear in no output file. */
export const TEST_READ_TOKEN = 'skTestReadToken0123456789abcdef';

export async function siteFile(path: string): Promise<string> {
  return readFile(join(TEST_SITE, path), 'utf8');
}

export async function siteFiles(root = TEST_SITE, directory = root): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) out.push(...(await siteFiles(root, path)));
    else out.push(relative(root, path));
  }
  return out;
}

/** Serves a built site (by default the sample site) like a plain static host: scripts/support/staticServer.ts. */
export function serveSite(directory = TEST_SITE): Promise<Served> {
  return serveStaticSite(directory);
}
