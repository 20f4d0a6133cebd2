import { zhHansLocale } from '@sanity/locale-zh-hans';
import { defineConfig } from 'sanity';
import { structureTool } from 'sanity/structure';
import { BUREAU } from '../core/bureau.ts';
import { schemaTypes } from './schemaTypes/index.ts';
import { structure } from './structure.ts';
import { studioProject } from './studioProject.ts';

export default defineConfig({
  name: 'default',
  title: `${BUREAU.name} · 政务公开`,
  projectId: studioProject.projectId,
  dataset: studioProject.dataset,
  plugins: [structureTool({ title: '内容', structure }), zhHansLocale()],
  schema: { types: schemaTypes },
});
