import { zhHansLocale } from '@sanity/locale-zh-hans';
import { defineConfig } from 'sanity';
import { structureTool } from 'sanity/structure';
import { BUREAU } from '../core/bureau.ts';
import { isRecordType } from '../core/model/documentTypes.ts';
import { resolveDocumentActions, resolveDocumentBadges } from './actions/index.ts';
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
  document: {
    // 送审/审签/同步发布/退回/同步撤回 replace Studio's own publishing (spec §2).
    actions: resolveDocumentActions,
    badges: resolveDocumentBadges,
    // 审签单 and 审计记录 are written by the workflow only.
    newDocumentOptions: (prev) => prev.filter((item) => !isRecordType(item.templateId)),
  },
  // Releases and scheduling publish documents one by one, outside the paired workflow.
  releases: { enabled: false },
  scheduledDrafts: { enabled: false },
  scheduledPublishing: { enabled: false },
});
