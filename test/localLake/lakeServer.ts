/** A local Content Lake over a temporary copy of a dataset, and clients signed in as its users. */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type SanityClient } from '@sanity/client';
import { SANITY_API_VERSION } from '../../core/content/lakeSource.ts';
import { toNdjson } from '../../core/content/ndjson.ts';
import { startLocalLake, type LocalLakeServer } from '../../core/localLake/server.ts';
import { LOCAL_USERS, type LocalUser } from '../../core/localLake/users.ts';

export const SAMPLE = 'content/dataset.ndjson';

export interface TestLake extends LocalLakeServer {
  directory: string;
  datasetPath: string;
  users: { editor: LocalUser; reviewer: LocalUser };
  client(user?: 'editor' | 'reviewer' | 'nobody', apiVersion?: string): SanityClient;
  stop(): Promise<void>;
}

export async function startTestLake(source: { copyOf?: string; documents?: object[] } = { copyOf: SAMPLE }): Promise<TestLake> {
  const directory = await mkdtemp(join(tmpdir(), 'local-lake-'));
  const datasetPath = join(directory, 'dataset.ndjson');
  if (source.documents) await writeFile(datasetPath, toNdjson(source.documents));
  else await copyFile(source.copyOf ?? SAMPLE, datasetPath);
  const lake = await startLocalLake({ datasetPath, watchIntervalMs: 0 });
  return {
    ...lake,
    directory,
    datasetPath,
    users: { editor: LOCAL_USERS.find((u) => u.duty === '编辑')!, reviewer: LOCAL_USERS.find((u) => u.duty === '审核')! },
    client(user = 'editor', apiVersion = SANITY_API_VERSION) {
      const token = user === 'nobody' ? undefined : LOCAL_USERS.find((u) => u.duty === (user === 'editor' ? '编辑' : '审核'))!.token;
      return createClient({
        projectId: lake.projectId,
        dataset: lake.dataset,
        apiHost: lake.url,
        useProjectHostname: false,
        apiVersion,
        useCdn: false,
        token,
      });
    },
    async stop() {
      await lake.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
