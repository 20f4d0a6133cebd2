/**
 * A task run in a child process beside the build (core/build/forkedTask.ts): the search indexer
 * and the leak scan's phrases. A build waiting on one must learn its result, or why there is none
 * — an error it reported, or an exit without a word — and never hang or crash on a child gone.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { forkTask } from '../../core/build/forkedTask.ts';

const folder = mkdtempSync(join(tmpdir(), 'forked-task-'));
/** A child module with this body (`process.send` is there: it is forked with IPC). */
function childModule(name: string, body: string): URL {
  const file = join(folder, `${name}.mjs`);
  writeFileSync(file, body);
  return pathToFileURL(file);
}

describe('a task in a child process', () => {
  it('answers with what the child sends, after the messages it was sent', async () => {
    const module = childModule(
      'sum',
      `let sum = 0;
       process.on('message', (m) => {
         if (m.finish) process.send({ sum, args: process.argv.slice(2) }, () => process.exit(0));
         else sum += m.add;
       });`,
    );
    const task = forkTask<{ add: number } | { finish: true }, { sum: number; args: string[] }>(module, ['--flag'], { what: '测试任务' });
    task.send({ add: 2 });
    task.send({ add: 40 });
    task.send({ finish: true });
    await expect(task.result).resolves.toEqual({ sum: 42, args: ['--flag'] });
  });

  it('fails with the error the child reports, named for the task', async () => {
    const module = childModule('fails', `process.send({ error: '数据集无法读取' }, () => process.exit(1));`);
    const task = forkTask<never, { done: true }>(module, [], { what: '测试任务' });
    await expect(task.result).rejects.toThrow('测试任务失败：数据集无法读取');
  });

  it('fails, saying how, when the child exits without answering', async () => {
    const module = childModule('exits', 'process.exit(3);');
    await expect(forkTask<never, { done: true }>(module, [], { what: '测试任务' }).result).rejects.toThrow(
      '测试任务进程意外退出（exit 3）',
    );
    const stopped = forkTask<never, { done: true }>(childModule('waits', 'setInterval(() => {}, 1000);'), [], { what: '测试任务' });
    stopped.stop();
    await expect(stopped.result).rejects.toThrow('测试任务进程意外退出（SIGTERM）');
  });

  it('drops what is sent to a child that has gone, and a result nobody awaits does not go unhandled', async () => {
    const task = forkTask<{ page: string }, { done: true }>(childModule('gone', 'process.exit(0);'), [], { what: '测试任务' });
    await expect(task.result).rejects.toThrow('意外退出');
    expect(() => task.send({ page: '/policies/a/' })).not.toThrow();
    // Never awaited: vitest fails the run on an unhandled rejection.
    forkTask<never, { done: true }>(childModule('ignored', 'process.exit(5);'), [], { what: '测试任务' });
    await new Promise((resolve) => setTimeout(resolve, 500));
  });
});
