/**
 * Ingest over worker threads (INGEST_WORKERS=n): documents are independent
 * (ingestDocument reads only its own seed and committed files), so on a
 * machine with cores to spare they are built side by side. The main thread
 * keeps the library's side (run.ts `startRun`): it takes the results in manifest
 * order, so the files, the staging and the first error reported are the
 * same as in one thread, and it alone writes. A failure stops the workers
 * and unstages everything: nothing is half-written.
 */
import { Worker } from 'node:worker_threads';
import { IngestError } from './errors.ts';
import {
  type DocumentFiles,
  type IngestOptions,
  type IngestPaths,
  type IngestResult,
  ingestDocument,
  startRun,
} from './run.ts';
import type { Manifest } from './manifest.ts';

/** Documents handed to a worker ahead of its results, so it never waits for the main thread. */
const AHEAD = 4;

export interface Job {
  manifest: Manifest;
  file: string;
}
/** What a worker sends back for job `i`: its files, or the error as data (errors do not cross threads whole). */
export type WorkerReply =
  | { i: number; ok: true; doc: DocumentFiles }
  | {
      i: number;
      ok: false;
      error: { ingest: boolean; message: string; file?: string; line?: number; hint?: string; stack?: string };
    };

/**
 * How many workers: INGEST_WORKERS, else none. Off by default because on the
 * shared 2-core machine they did not pay: at 1,000 and 5,000 documents under
 * load, two workers took more CPU (each loads OpenCC's tables and warms its
 * own JIT) and no less wall time than one thread (docs/benchmarks.md,
 * "Ingest at scale"). On an idle machine with more cores, set it.
 */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  if (env.INGEST_WORKERS === undefined || env.INGEST_WORKERS === '') return 0;
  const n = Number(env.INGEST_WORKERS);
  if (!Number.isInteger(n) || n < 0)
    throw new IngestError(`INGEST_WORKERS=${env.INGEST_WORKERS} is not a whole number`, {
      hint: 'Set INGEST_WORKERS=0 (or leave it out) to build in one thread, or the number of worker threads (e.g. 2).',
    });
  return n;
}

/** The whole library, over `workers` threads (workerCount by default); the same result as runIngest. */
export async function runIngestParallel(
  paths: IngestPaths,
  opts: IngestOptions & { workers?: number } = {},
): Promise<IngestResult> {
  const workers = opts.workers ?? workerCount();
  const run = startRun(paths, opts);
  try {
    if (workers < 1) for (const { manifest, file } of run.manifests) run.accept(ingestDocument(manifest, file, paths));
    else
      await inOrder(
        run.manifests.map(({ manifest, file }) => ({ manifest, file })),
        paths,
        workers,
        (doc) => run.accept(doc),
      );
  } catch (e) {
    run.abort();
    throw e;
  }
  return run.finish();
}

/** Runs the jobs on the workers and hands each result to `accept` in job order; rejects with the first error in that order. */
function inOrder(jobs: Job[], paths: IngestPaths, count: number, accept: (doc: DocumentFiles) => void): Promise<void> {
  if (!jobs.length) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const pool = Array.from(
      { length: Math.min(count, jobs.length) },
      () => new Worker(new URL('./worker.ts', import.meta.url), { workerData: { paths } }),
    );
    const done = new Map<number, WorkerReply>();
    let sent = 0;
    let next = 0;
    let over = false;
    const stop = (e?: unknown) => {
      if (over) return;
      over = true;
      for (const w of pool) void w.terminate();
      if (e === undefined) resolve();
      else reject(e);
    };
    const send = (w: Worker) => {
      if (sent < jobs.length) {
        w.postMessage({ i: sent, job: jobs[sent] });
        sent++;
      }
    };
    for (const w of pool) {
      w.on('message', (r: WorkerReply) => {
        if (over) return;
        done.set(r.i, r);
        send(w);
        try {
          // Take every result that is next in order.
          for (let r2 = done.get(next); r2; r2 = done.get(next)) {
            done.delete(next);
            next++;
            if (!r2.ok) return stop(revive(r2.error));
            accept(r2.doc);
          }
        } catch (e) {
          return stop(e);
        }
        if (next === jobs.length) stop();
      });
      w.on('error', (e) => stop(e));
      w.on('exit', (code) => {
        if (!over) stop(new Error(`an ingest worker stopped (exit code ${code}) before the run was done`));
      });
    }
    for (let k = 0; k < AHEAD; k++) for (const w of pool) send(w);
  });
}

/** The worker's error as the main thread would have thrown it: an IngestError keeps its file, line and hint. */
function revive(e: Extract<WorkerReply, { ok: false }>['error']): Error {
  if (!e.ingest) {
    const err = new Error(e.message);
    err.stack = e.stack;
    return err;
  }
  return IngestError.revive(e);
}
