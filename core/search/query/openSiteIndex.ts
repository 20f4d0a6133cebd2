/** Opens a built site's search index from disk, for the command line, tests and benchmarks. */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installFileFetch } from './fileFetch.ts';
import { INDEX_DIRECTORY } from '../format/indexFormat.ts';
import { SearchIndex } from './searchIndex.ts';

export function openSiteIndex(siteDirectory: string, options: { exhaustive?: boolean } = {}): Promise<SearchIndex> {
  installFileFetch();
  return SearchIndex.open(`${pathToFileURL(resolve(siteDirectory, INDEX_DIRECTORY)).href}/`, options);
}
