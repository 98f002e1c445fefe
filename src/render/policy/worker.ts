/**
 * Worker thread entry: renders its share of the documents (render-files.ts)
 * and posts the results back, or the error's message (which already names
 * the file, line and fix).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderFiles, type RenderJob } from './render-files.ts';

try {
  parentPort!.postMessage({ ok: renderFiles(workerData as RenderJob) });
} catch (e) {
  parentPort!.postMessage({ error: (e as Error).message });
}
