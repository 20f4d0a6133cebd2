import { zhHansLocale } from '@sanity/locale-zh-hans';
import { createAuthStore, defineConfig } from 'sanity';
import { structureTool } from 'sanity/structure';
import { BUREAU } from '../core/bureau/identity.ts';
import { isRecordType } from '../core/model/documentTypes.ts';
import { resolveDocumentActions, resolveDocumentBadges } from './actions/index.ts';
import { createLocalLakeClient } from './localLakeClient.ts';
import { schemaTypes } from './schemaTypes/index.ts';
import { structure } from './structure.ts';
import { studioProject } from './studioProject.ts';

const { projectId, dataset, localLakeUrl } = studioProject;

/**
 * Against the local Content Lake: its address as the API host, and sign-in with a local
 * user's token (the sign-in page lists the users; a `#token=…` link signs in directly).
 */
const localLake = localLakeUrl
  ? {
      apiHost: localLakeUrl,
      auth: createAuthStore({ projectId, dataset, apiHost: localLakeUrl, loginMethod: 'token', clientFactory: createLocalLakeClient }),
    }
  : {};

export default defineConfig({
  name: 'default',
  title: `${BUREAU.name} · 政务公开`,
  projectId,
  dataset,
  ...localLake,
  plugins: [structureTool({ title: '内容', structure }), zhHansLocale()],
  schema: { types: schemaTypes },
  document: {
    // 送审/审签/同步发布/退回/同步撤回 replace Studio's own publishing (spec §2).
    actions: resolveDocumentActions,
    badges: resolveDocumentBadges,
    // 审签单 and 审计记录 are written by the workflow only; 网站设置 is one document, opened from the desk.
    newDocumentOptions: (prev) => prev.filter((item) => !isRecordType(item.templateId) && item.templateId !== 'siteSettings'),
    // Review happens in the workflow (退回 with a comment), not in comment threads.
    comments: { enabled: false },
  },
  // Releases and scheduling publish documents one by one, outside the paired workflow.
  releases: { enabled: false },
  scheduledDrafts: { enabled: false },
  scheduledPublishing: { enabled: false },
  // Add-ons this project does not use.
  tasks: { enabled: false },
  mediaLibrary: { enabled: false },
  announcements: { enabled: false },
  apps: { canvas: { enabled: false } },
});
