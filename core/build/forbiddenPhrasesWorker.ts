/**
 * Works out the forbidden phrases (leakScan.ts) in a worker thread while the site renders, so the
 * leak scan can start reading the output the moment the build is done. Reading every stored
 * document again and matching its sentences against the public text takes seconds per 10,000
 * documents on the build's main thread; here it takes them on the second core, and the memory it
 * reads through goes with the thread.
 */
import { parentPort } from 'node:worker_threads';
import { allDocumentsForScan } from '../content/scanSource.ts';
import { forbiddenPhrases } from './leakScan.ts';

parentPort!.postMessage(forbiddenPhrases(await allDocumentsForScan()));
