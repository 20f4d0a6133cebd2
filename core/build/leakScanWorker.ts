/** Scans part of the output for leaks beside the build's main thread (leakScan.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { scanFiles } from './leakScan.ts';

const { paths, phrases } = workerData as { paths: string[]; phrases: string[] };
parentPort!.postMessage(scanFiles(paths, phrases));
