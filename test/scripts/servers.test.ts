/**
 * `npm start` (public site, :4321) and `npm run preview` (reviewers' preview, :4322) serve side
 * by side — Studio's 「预览」 opens the preview while the public site runs — and both listen on
 * this machine only unless HOST says otherwise: the preview shows drafts. Each runs the serving
 * half of the real script from package.json, over the sites the test setup built, on free ports.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.ts';
import { TEST_PREVIEW, TEST_SITE } from '../helpers/site.ts';

const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
/** What a script runs after building: `… && <serve>`. */
const serving = (script: string) => scripts[script]!.split('&&').at(-1)!.trim();

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts the serving half of an npm script over `outDir`; resolves with what it printed once it answers. */
function serve(
  script: string,
  outDir: string,
  port: number,
  env: Record<string, string> = {},
): { child: ChildProcess; output: () => string } {
  const child = spawn('sh', ['-c', `${serving(script)} --port ${port} --outDir ${outDir}`], {
    cwd: ROOT,
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}`, HOST: '', ...env },
    detached: true,
  });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

function get(host: string, port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path, timeout: 2_000 }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end();
  });
}

async function answering(port: number, path: string, server: ReturnType<typeof serve>): Promise<{ status: number; body: string }> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (server.child.exitCode !== null) throw new Error(`the server exited (${server.child.exitCode}):\n${server.output()}`);
    try {
      return await get('127.0.0.1', port, path);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`nothing answered on :${port}:\n${server.output()}`);
}

/** An address of this machine other than loopback, where a server bound to every address answers. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;

describe('public site and preview servers', () => {
  it('serve side by side: the public site and the preview, each on its own port', async () => {
    const [publicPort, previewPort] = [await freePort(), await freePort()];
    const site = serve('start', TEST_SITE, publicPort);
    const preview = serve('preview', TEST_PREVIEW, previewPort, { SITE_MODE: 'preview' });
    const home = await answering(publicPort, '/', site);
    const review = await answering(previewPort, '/review/', preview);
    expect(home.status).toBe(200);
    expect(home.body).not.toContain('草稿预览');
    expect(review.status).toBe(200);
    expect(review.body).toContain('待审签');
    // Still both there: neither refused to start because of the other.
    expect(site.child.exitCode).toBeNull();
    expect(preview.child.exitCode).toBeNull();
    expect(preview.output()).not.toContain('already running');
  });

  it.skipIf(!lanAddress)('listen on 127.0.0.1 only, unless HOST names an address', async () => {
    const previewPort = await freePort();
    const preview = serve('preview', TEST_PREVIEW, previewPort, { SITE_MODE: 'preview' });
    expect((await answering(previewPort, '/review/', preview)).status).toBe(200);
    await expect(get(lanAddress!, previewPort, '/review/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    const exposedPort = await freePort();
    const exposed = serve('start', TEST_SITE, exposedPort, { HOST: '0.0.0.0' });
    await answering(exposedPort, '/', exposed);
    expect((await get(lanAddress!, exposedPort, '/')).status).toBe(200);
  });
});
