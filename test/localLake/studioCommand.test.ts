/**
 * `npm run studio` as an editor runs it, with no project id: it starts the local Content Lake
 * and the Studio, prints a sign-in link per local user, listens on the loopback address only,
 * and Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_USERS } from '../../core/localLake/users.ts';
import { ROOT } from '../helpers/run.ts';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  return fetch(url).then(
    (response) => response.ok,
    () => false,
  );
}

async function until(condition: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

let directory: string;
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('npm run studio without a project id', () => {
  it('serves the Studio and the local lake on 127.0.0.1, prints the sign-in links, and stops both on Ctrl-C', async () => {
    directory = await mkdtemp(join(tmpdir(), 'studio-command-'));
    const dataset = join(directory, 'dataset.ndjson');
    await copyFile(join(ROOT, 'content/dataset.ndjson'), dataset);
    const [studioPort, lakePort] = [await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CONTENT_DATASET: dataset,
      STUDIO_PORT: String(studioPort),
      LOCAL_LAKE_PORT: String(lakePort),
      DO_NOT_TRACK: '1',
      SANITY_TELEMETRY_DISABLED: '1',
    };
    delete env.SANITY_STUDIO_PROJECT_ID;
    delete env.HOST;
    // Its own process group, as a terminal runs it: Ctrl-C goes to the whole group.
    const child = spawn('npm', ['run', 'studio'], { cwd: ROOT, env, detached: true });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      expect(await until(() => answers(`http://127.0.0.1:${lakePort}/v1/ping`), 30_000), output).toBe(true);
      expect(await until(() => answers(`http://127.0.0.1:${studioPort}/`), 90_000), output).toBe(true);
      for (const user of LOCAL_USERS)
        expect(output).toContain(`${user.name}（${user.duty}）：http://localhost:${studioPort}/#token=${user.token}`);
      // Signed in with a printed token, the lake knows who is asking.
      const me = await fetch(`http://127.0.0.1:${lakePort}/v1/users/me`, {
        headers: { authorization: `Bearer ${LOCAL_USERS[0]!.token}` },
      }).then((r) => r.json());
      expect(me).toMatchObject({ name: LOCAL_USERS[0]!.name });
    } finally {
      process.kill(-child.pid!, 'SIGINT');
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
    expect(
      await until(
        async () => !(await answers(`http://127.0.0.1:${lakePort}/v1/ping`)) && !(await answers(`http://127.0.0.1:${studioPort}/`)),
        10_000,
      ),
    ).toBe(true);
  }, 150_000);
});
