/**
 * `npm run studio`: the Studio for editors. With SANITY_STUDIO_PROJECT_ID set it is `sanity
 * dev` against that Sanity project. Without one, it first starts the local Content Lake over
 * the dataset file and points the Studio at it, then prints a sign-in link per local user.
 * Ctrl-C stops both.
 *
 * HOST (default 127.0.0.1), STUDIO_PORT (3333) and LOCAL_LAKE_PORT (3999) say where they listen.
 */
import { spawn } from 'node:child_process';
import { DEFAULT_LAKE_PORT, describeStartFailure, signInLines, startLakeFromEnvironment } from './local-lake.ts';

const host = process.env.HOST ?? '127.0.0.1';
const studioPort = Number(process.env.STUDIO_PORT ?? 3333);
const lakePort = Number(process.env.LOCAL_LAKE_PORT ?? DEFAULT_LAKE_PORT);
const useLocalLake = !process.env.SANITY_STUDIO_PROJECT_ID;

let lake: Awaited<ReturnType<typeof startLakeFromEnvironment>> | undefined;
if (useLocalLake) {
  try {
    lake = await startLakeFromEnvironment(lakePort);
  } catch (error) {
    console.error(describeStartFailure(error, lakePort));
    process.exit(1);
  }
}

// The browser reaches the lake by a localhost name: project-scoped requests go to
// <projectId>.localhost, which Chromium resolves to the loopback address.
const lakeUrl = `http://localhost:${lakePort}`;
const studio = spawn('npx', ['sanity', 'dev', '--host', host, '--port', String(studioPort)], {
  cwd: new URL('../studio/', import.meta.url),
  stdio: 'inherit',
  detached: true,
  env: { ...process.env, ...(useLocalLake ? { SANITY_STUDIO_LOCAL_LAKE_URL: lakeUrl } : {}) },
});

if (lake) {
  const studioUrl = `http://${host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host}:${studioPort}`;
  console.log(`本地内容库：${lake.url}（数据集 ${lake.lake.datasetPath}）`);
  console.log(`Studio：${studioUrl}，用以下链接以本地用户登录：`);
  for (const line of signInLines(studioUrl)) console.log(line);
}

let stopping = false;
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    // sanity dev runs in its own process group, so its children (vite) stop with it.
    if (studio.exitCode === null && studio.pid) {
      try {
        process.kill(-studio.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    await lake?.close();
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(130));
process.on('SIGTERM', () => void stop(143));
studio.on('exit', (code, signal) => void stop(code ?? (signal ? 1 : 0)));
studio.on('error', (error) => {
  console.error(`无法启动 Studio：${error.message}`);
  void stop(1);
});
