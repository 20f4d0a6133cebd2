/** The workflow store of the configured content source: the local dataset file or the Content Lake. */
import { chooseSource } from '../content/fromEnvironment.ts';
import { createLakeClient } from '../content/lakeSource.ts';
import { DatasetStore } from './datasetStore.ts';
import { LakeStore } from './lakeStore.ts';
import type { WorkflowStore } from './store.ts';

export function storeFromEnvironment(env: Record<string, string | undefined> = process.env): WorkflowStore {
  const choice = chooseSource(env);
  // Reading drafts and workflow records from the Content Lake needs the read token.
  return choice.kind === 'local' ? new DatasetStore(choice.path) : new LakeStore(createLakeClient(choice, 'drafts'));
}
