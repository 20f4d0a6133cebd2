/**
 * Picks the content source from the environment:
 * - `CONTENT_DATASET=<path>`: that local dataset (`.ndjson` or a `sanity dataset export` `.tar.gz`);
 * - otherwise `SANITY_PROJECT_ID` + `SANITY_DATASET` (+ `SANITY_API_READ_TOKEN`): the Content Lake;
 * - otherwise the bundled sample dataset.
 */
import { DEFAULT_DATASET } from './dataset.ts';
import type { Perspective } from './perspective.ts';
import type { ContentSource } from './source.ts';

export type SourceChoice = { kind: 'local'; path: string } | { kind: 'lake'; projectId: string; dataset: string; token?: string };

export function chooseSource(env: Record<string, string | undefined>): SourceChoice {
  if (env.CONTENT_DATASET) return { kind: 'local', path: env.CONTENT_DATASET };
  if (env.SANITY_PROJECT_ID) {
    if (!env.SANITY_DATASET) throw new Error('已设置 SANITY_PROJECT_ID，但缺少 SANITY_DATASET（例如 production）');
    return {
      kind: 'lake',
      projectId: env.SANITY_PROJECT_ID,
      dataset: env.SANITY_DATASET,
      ...(env.SANITY_API_READ_TOKEN ? { token: env.SANITY_API_READ_TOKEN } : {}),
    };
  }
  return { kind: 'local', path: DEFAULT_DATASET };
}

export async function contentSourceFromEnvironment(
  perspective: Perspective,
  env: Record<string, string | undefined> = process.env,
): Promise<ContentSource> {
  const choice = chooseSource(env);
  // Loaded on demand: the build asks chooseSource first and may refuse before either is needed.
  if (choice.kind === 'local') return (await import('./localSource.ts')).createLocalSource(choice.path, perspective);
  return (await import('./lakeSource.ts')).createLakeSource(choice, perspective);
}
