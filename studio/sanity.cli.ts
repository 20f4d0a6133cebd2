import { defineCliConfig } from 'sanity/cli';
import { studioProject } from './studioProject.ts';

export default defineCliConfig({
  api: { projectId: studioProject.projectId, dataset: studioProject.dataset },
  // Builds must work offline: never fetch a newer Studio at build or run time.
  deployment: { autoUpdates: false },
});
