/**
 * The reviewers' pages (待审签, 修改对照) exist in the preview build only; the public build
 * never even has their routes. The preview output is checked for the read token.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

async function* files(directory: string): AsyncGenerator<string> {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

export function previewRoutes(enabled: boolean): AstroIntegration {
  return {
    name: 'zhengwu:preview-routes',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        if (!enabled) return;
        injectRoute({ pattern: '/review', entrypoint: new URL('../preview/review.astro', import.meta.url) });
        injectRoute({ pattern: '/changes/[id]', entrypoint: new URL('../preview/changes.astro', import.meta.url) });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const token = process.env.SANITY_API_READ_TOKEN;
        if (!enabled || !token) return;
        for await (const path of files(fileURLToPath(dir))) {
          if ((await readFile(path)).includes(token)) throw new Error(`预览输出中出现了读取令牌：${path}`);
        }
        logger.info('read token absent from the preview output');
      },
    },
  };
}
