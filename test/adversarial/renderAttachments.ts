/**
 * Renders the site's real Attachments component outside a site build, through Astro's
 * container API: validation refuses a dataset whose asset has a `javascript:` URL, so the
 * build can never be handed one, but the Content Lake serves asset documents unvalidated
 * and the component must hold on its own.
 */
import { createServer, type ViteDevServer } from 'vite';
import { getViteConfig } from 'astro/config';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { AttachmentEntry } from '../../core/content/queries.ts';
import { ROOT } from '../helpers/run.ts';

export interface ComponentRenderer {
  attachments: (attachments: AttachmentEntry[]) => Promise<string>;
  close: () => Promise<void>;
}

export async function componentRenderer(): Promise<ComponentRenderer> {
  const config = await getViteConfig(
    { root: ROOT, server: { middlewareMode: true, hmr: false, ws: false }, logLevel: 'silent' },
    { root: ROOT, logLevel: 'silent' },
  )({ command: 'serve', mode: 'test' });
  const vite: ViteDevServer = await createServer({ ...config, configFile: false });
  const container = await AstroContainer.create();
  const { default: Attachments } = (await vite.ssrLoadModule('/site/components/Attachments.astro')) as {
    default: Parameters<typeof container.renderToString>[0];
  };
  return {
    attachments: (attachments) => container.renderToString(Attachments, { props: { attachments } }),
    close: () => vite.close(),
  };
}
