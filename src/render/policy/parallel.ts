/**
 * Rendering documents on several cores (src/lib/worker-pool.ts): each worker
 * (worker.ts) sets up the renderer once and is then handed small
 * batches of documents, the next batch when it has finished one, and renders
 * them exactly as renderFiles() does in the loader's own thread
 * (render-files.ts); a test checks the two agree. Results go to the
 * rendering cache, not back through messages, so neither side holds more
 * than a batch, whatever the library's size.
 *
 * The workers are child processes, not threads: rendering runs inside `astro
 * build`, whose page phase follows, and a worker thread's native memory stays
 * with the process after the thread ends, a child's goes back to the system
 * when it exits (2,000 documents: the site step's peak 1,343 MiB with
 * threads, 1,278–1,306 with children; docs/benchmarks.md).
 */
import { createFileRenderer, type RenderSetup, type RenderTask } from './render-files.ts';
import { runPool } from '../../lib/worker-pool.ts';

/** Below this many documents per thread, starting workers costs more than it saves. */
export const MIN_PER_THREAD = 40;

export async function renderInWorkers(tasks: RenderTask[], setup: RenderSetup, threads: number): Promise<void> {
  await runPool(tasks, {
    worker: new URL('./worker.ts', import.meta.url),
    handler: createFileRenderer,
    setup,
    threads,
    // Documents per message: small enough to keep a worker's memory flat, large enough that messages cost nothing.
    batch: 20,
    // A worker holds only the renderer and one batch; without a cap V8 lets each
    // worker's heap grow with garbage, which counts against the build's memory (1,000 documents: +0.5 GiB).
    heapMb: 384,
    processes: true,
  });
}
