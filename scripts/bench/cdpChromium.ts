/**
 * Chromium driven over the DevTools protocol alone (a pipe, the Target, Page and Runtime
 * domains), for timing what a visitor's browser does. Playwright enables request tracking on
 * every page it drives: each fetch then also costs the browser process and the driver about
 * 2 ms of CPU (measured here), which a visitor's browser does not spend and which, on a
 * 2-core machine, comes out of the page's own time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM, CHROMIUM_FLAGS } from '../support/chromium.ts';

interface Pending {
  resolve: (result: Record<string, unknown>) => void;
  reject: (error: Error) => void;
}

export interface CdpPage {
  /** Evaluates `expression` (a promise is awaited) and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Any other DevTools protocol command, sent to this page. */
  send(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export class CdpChromium {
  private readonly process: ChildProcess;
  private readonly profile: string;
  private readonly input: Writable;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(message: { method: string; params: Record<string, unknown>; sessionId?: string }) => void>();

  private constructor(process: ChildProcess, profile: string) {
    this.process = process;
    this.profile = profile;
    this.input = process.stdio[3] as Writable;
    let buffered = '';
    (process.stdio[4] as Readable).on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      // Messages are JSON, each ended by a NUL byte.
      for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
        this.receive(JSON.parse(buffered.slice(0, end)));
        buffered = buffered.slice(end + 1);
      }
    });
  }

  static launch(): CdpChromium {
    const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
    const child = spawn(CHROMIUM, [...CHROMIUM_FLAGS, '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    });
    return new CdpChromium(child, profile);
  }

  private receive(message: {
    id?: number;
    result?: Record<string, unknown>;
    error?: { message: string };
    method?: string;
    params?: Record<string, unknown>;
    sessionId?: string;
  }): void {
    if (message.id !== undefined) {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiting?.reject(new Error(message.error.message));
      else waiting?.resolve(message.result ?? {});
    } else if (message.method) {
      for (const listener of this.listeners)
        listener({ method: message.method, params: message.params ?? {}, ...(message.sessionId ? { sessionId: message.sessionId } : {}) });
    }
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  private once(method: string, sessionId: string): Promise<void> {
    return new Promise((resolve) => {
      const listener = (message: { method: string; sessionId?: string }) => {
        if (message.method === method && message.sessionId === sessionId) {
          this.listeners.delete(listener);
          resolve();
        }
      };
      this.listeners.add(listener);
    });
  }

  /** A page showing `url`, once loaded; `fresh` gives it a browser context of its own (an empty cache). */
  async open(url: string, fresh = false): Promise<CdpPage> {
    const context = fresh ? ((await this.send('Target.createBrowserContext')).browserContextId as string) : undefined;
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank', ...(context ? { browserContextId: context } : {}) });
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    await this.send('Page.enable', {}, sessionId);
    const loaded = this.once('Page.loadEventFired', sessionId);
    await this.send('Page.navigate', { url }, sessionId);
    await loaded;
    return {
      evaluate: async <T>(expression: string) => {
        const reply = (await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId)) as {
          result: { value: T };
          exceptionDetails?: { text: string; exception?: { description?: string } };
        };
        if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
        return reply.result.value;
      },
      send: (method, params = {}) => this.send(method, params, sessionId),
      close: async () => {
        await this.send('Target.closeTarget', { targetId });
        if (context) await this.send('Target.disposeBrowserContext', { browserContextId: context });
      },
    };
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.send('Browser.close').catch(() => {});
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    rmSync(this.profile, { recursive: true, force: true });
  }
}
