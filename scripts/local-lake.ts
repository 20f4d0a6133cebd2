/**
 * The local Content Lake on its own: Sanity's data API over the dataset file, for the Studio
 * and @sanity/client (`npm run studio` starts it together with the Studio).
 *
 *   npm run local-lake [-- --port 3999]
 *
 * CONTENT_DATASET picks the dataset (default content/dataset.ndjson); HOST the address it
 * listens on (default 127.0.0.1: drafts are not for the network); LOCAL_LAKE_PORT the port.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { DEFAULT_DATASET } from '../core/content/dataset.ts';
import { ContentError } from '../core/model/problems.ts';
import { startLocalLake, type LocalLakeServer } from '../core/localLake/server.ts';
import { LOCAL_USERS } from '../core/localLake/users.ts';

export const DEFAULT_LAKE_PORT = 3999;

export async function startLakeFromEnvironment(port = Number(process.env.LOCAL_LAKE_PORT ?? DEFAULT_LAKE_PORT)): Promise<LocalLakeServer> {
  const datasetPath = process.env.CONTENT_DATASET ?? DEFAULT_DATASET;
  return startLocalLake({
    datasetPath,
    projectId: process.env.SANITY_STUDIO_PROJECT_ID ?? 'localdev',
    dataset: process.env.SANITY_STUDIO_DATASET ?? 'production',
    host: process.env.HOST ?? '127.0.0.1',
    port,
    log: (line) => console.error(line),
  });
}

/** One line per local user: who they are and the link that signs them in to the Studio. */
export function signInLines(studioUrl: string): string[] {
  return LOCAL_USERS.map((user) => `  ${user.name}（${user.duty}）：${studioUrl}/#token=${user.token}`);
}

export function describeStartFailure(error: unknown, port: number): string {
  if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
    return `端口 ${port} 已被占用：另一个本地内容库或程序正在使用它（可用 LOCAL_LAKE_PORT 换一个端口）`;
  if (error instanceof ContentError) return `数据集无法使用：\n${error.message}`;
  return (error as Error).message;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { port: { type: 'string' } } });
  const port = Number(values.port ?? process.env.LOCAL_LAKE_PORT ?? DEFAULT_LAKE_PORT);
  try {
    const lake = await startLakeFromEnvironment(port);
    console.log(`本地内容库：${lake.url}（数据集 ${lake.lake.datasetPath}，项目 ${lake.projectId}/${lake.dataset}）`);
    console.log('本地用户（请求头 Authorization: Bearer <令牌>）：');
    for (const user of LOCAL_USERS) console.log(`  ${user.name}（${user.duty}，${user.id}）：${user.token}`);
    const stop = () => void lake.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(describeStartFailure(error, port));
    process.exit(1);
  }
}
