/**
 * Works out the forbidden phrases (leakScan.ts) in a process of its own while the site renders,
 * so the leak scan can start reading the output the moment the build is done.
 *
 * Why a process and not a worker thread: reading every stored document again takes about a
 * gigabyte at 100,000 documents, and memory a worker thread used stays in the build process's
 * resident size after the thread ends (measured: the build's peak rose by 0.9 GB); a process
 * gives it all back when it exits.
 */
import { allDocumentsForScan } from '../content/scanSource.ts';
import type { TaskReply } from './forkedTask.ts';
import { type ForbiddenPhrase, forbiddenPhrases } from './leakScan.ts';

if (!process.send) {
  console.error('usage: forked by forbiddenPhrasesInChild() with an IPC channel');
  process.exit(2);
}
// The build went away (it failed, or was stopped): nobody is waiting for the phrases.
process.on('disconnect', () => process.exit(0));
const send = (reply: TaskReply<{ phrases: ForbiddenPhrase[] }>, code: number) => process.send!(reply, () => process.exit(code));
try {
  const phrases = forbiddenPhrases(await allDocumentsForScan());
  send({ phrases }, 0);
} catch (error) {
  send({ error: error instanceof Error ? error.message : String(error) }, 1);
}
