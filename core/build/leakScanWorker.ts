/** Scans part of the output for leaks beside the build's main thread (leakScan.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { scanFiles } from './leakScan.ts';

const { paths, phrases, termFolders } = workerData as { paths: string[]; phrases: string[]; termFolders: string[] };
parentPort!.postMessage(scanFiles(paths, phrases, termFolders));
