/** Runs a Node script of the project (under this Node) as a child process, its output kept in a log file. */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `node <args>` in the repository root; stdout and stderr together go to `logPath` and come back. */
export function runNode(args: string[], env: NodeJS.ProcessEnv, logPath: string): Promise<{ code: number; output: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('close', (code) => {
      const output = Buffer.concat(chunks).toString('utf8');
      writeFileSync(logPath, output);
      resolveRun({ code: code ?? 1, output });
    });
  });
}
