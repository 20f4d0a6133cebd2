/**
 * A module run in a child process beside the build, which answers once — its result or
 * `{ error }` — and exits: the search indexer (core/search/index/startIndexer.ts) and the leak
 * scan's phrases (forbiddenPhrasesProcess.ts).
 *
 * Processes, not worker threads, because what a process used is given back when it exits
 * (forbiddenPhrasesProcess.ts has the measurement). Messages are structured clones (`advanced`
 * serialisation): V8's serialiser copies a page's HTML where JSON would escape it, about 40 % less
 * work on each side.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What the child sends back, once. */
export type TaskReply<Result> = Result | { error: string };

export interface ForkedTask<Message, Result> {
  /** The child's reply; rejected with its error, or if it exits without replying. */
  readonly result: Promise<Result>;
  /** Sends to the child while it runs: one that has just exited cannot be sent to, and its exit (or error reply) says why, not the pipe. */
  send(message: Message): void;
  stop(): void;
}

/**
 * Forks `module` with an IPC channel; `what` names the task in errors (「搜索索引」 →
 * 「搜索索引失败：…」, 「搜索索引进程意外退出（exit 1）」). A result nobody waits for
 * does not go unhandled.
 */
export function forkTask<Message, Result extends object>(
  module: URL,
  args: string[],
  { what, execArgv = [] }: { what: string; execArgv?: string[] },
): ForkedTask<Message, Result> {
  const child = fork(fileURLToPath(module), args, {
    execArgv: [...process.execArgv, ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  let failure: string | undefined;
  const result = new Promise<Result>((resolve, reject) => {
    child.on('message', (reply: TaskReply<Result>) => {
      if (!('error' in reply)) return resolve(reply);
      failure = reply.error;
      reject(new Error(`${what}失败：${failure}`));
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`${what}进程意外退出（${signal ?? `exit ${code}`}）${failure ? `：${failure}` : ''}`)),
    );
  });
  result.catch(() => {});
  return {
    result,
    send(message) {
      if (child.connected) child.send(message as object, () => {});
    },
    stop: () => child.kill(),
  };
}
