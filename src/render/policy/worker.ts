/**
 * Worker thread entry: sets up the renderer once (render-files.ts), then
 * renders each batch of documents it is sent, writing the results to the
 * rendering cache, and answers with the batch's ids, or with the error's
 * message (which already names the file, line and fix). Batches keep what a
 * worker holds small whatever the size of the library.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createFileRenderer, type RenderSetup, type RenderTask } from './render-files.ts';

const render = createFileRenderer(workerData as RenderSetup);
parentPort!.on('message', (batch: RenderTask[]) => {
  try {
    for (const t of batch) render(t);
    parentPort!.postMessage({ ok: batch.length });
  } catch (e) {
    parentPort!.postMessage({ error: (e as Error).message });
  }
});
