/** Scans part of the output for leaks beside the build's main thread, taking files from the queue both share (leakScan.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { ScanQueue, scanFiles } from './leakScan.ts';

const { paths, phrases, termFolders, queue } = workerData as {
  paths: string[];
  phrases: string[];
  termFolders: string[];
  queue: SharedArrayBuffer;
};
parentPort!.postMessage(await scanFiles(paths, phrases, termFolders, new ScanQueue(queue)));
