/**
 * Rendering documents on several cores: each worker thread (worker.ts) sets
 * up the renderer once and is then handed small batches of documents, the
 * next batch when it has finished one, and renders them exactly as
 * renderFiles() does in the loader's own thread (render-files.ts); a test
 * checks the two agree. Results go to the rendering cache, not back through
 * messages, so neither side holds more than a batch, whatever the library's size.
 */
import { Worker } from 'node:worker_threads';
import type { RenderSetup, RenderTask } from './render-files.ts';

/** Below this many documents per thread, starting workers costs more than it saves. */
export const MIN_PER_THREAD = 40;
/** Documents per message: small enough to keep a worker's memory flat, large enough that messages cost nothing. */
const BATCH = 20;
/**
 * A worker holds only the renderer and one batch; without a cap V8 lets each
 * worker's heap grow with garbage, which counts against the build's memory
 * (1,000 documents: +0.5 GiB).
 */
const WORKER_HEAP_MB = 384;

export async function renderInWorkers(tasks: RenderTask[], setup: RenderSetup, threads: number): Promise<void> {
  let next = 0;
  const take = () => tasks.slice(next, (next += BATCH));
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((ok, fail) => {
          const worker = new Worker(new URL('./worker.ts', import.meta.url), {
            workerData: setup,
            resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
          });
          let done = false;
          const finish = (e?: Error) => {
            if (done) return;
            done = true;
            // One failure stops the others too: no batches are handed out after it.
            if (e) next = tasks.length;
            void worker.terminate();
            if (e) fail(e);
            else ok();
          };
          const send = () => {
            const batch = take();
            if (batch.length) worker.postMessage(batch);
            else finish();
          };
          worker.on('message', (m: { ok?: number; error?: string }) => (m.error ? finish(new Error(m.error)) : send()));
          worker.once('error', finish);
          worker.once('exit', (code) =>
            finish(code !== 0 && !done ? new Error(`policy render worker stopped with code ${code}`) : undefined),
          );
          worker.once('online', send);
        }),
    ),
  );
}
