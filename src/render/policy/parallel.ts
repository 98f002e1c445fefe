/**
 * Rendering documents on several cores: each worker thread (worker.ts) gets
 * a share of the files and renders them exactly as renderFiles() does in the
 * loader's own thread (render-files.ts); a test checks the two agree.
 */
import { Worker } from 'node:worker_threads';
import type { RenderJob, RenderedFile } from './render-files.ts';

/** Below this many documents per thread, starting workers costs more than it saves. */
export const MIN_PER_THREAD = 40;
/**
 * A worker holds only the renderer and its small results; without a cap V8
 * lets each worker's heap grow with garbage, which counts against the build's
 * memory (1,000 documents: +0.5 GiB).
 */
const WORKER_HEAP_MB = 512;

export async function renderInWorkers(files: RenderJob['files'], job: Omit<RenderJob, 'files'>, threads: number): Promise<RenderedFile[]> {
  // Round-robin, so each thread gets a similar mix of long and short documents.
  const shares = Array.from({ length: threads }, (_, i) => files.filter((_, j) => j % threads === i));
  const results = await Promise.all(shares.map((share) => new Promise<RenderedFile[]>((ok, fail) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: { ...job, files: share }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.once('message', (m: { ok?: RenderedFile[]; error?: string }) => (m.ok ? ok(m.ok) : fail(new Error(m.error))));
    worker.once('error', fail);
    worker.once('exit', (code) => code !== 0 && fail(new Error(`policy render worker stopped with code ${code}`)));
  })));
  return results.flat();
}
