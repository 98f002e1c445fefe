/** A worker thread of parallel.ts: builds the documents it is sent, one at a time, and replies with their files or the error. */
import { parentPort, workerData } from 'node:worker_threads';
import { IngestError } from './errors.ts';
import { type IngestPaths, ingestDocument } from './run.ts';
import type { Job, WorkerReply } from './parallel.ts';

const { paths } = workerData as { paths: IngestPaths };

parentPort!.on('message', ({ i, job }: { i: number; job: Job }) => {
  let reply: WorkerReply;
  try {
    reply = { i, ok: true, doc: ingestDocument(job.manifest, job.file, paths) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply =
      e instanceof IngestError
        ? {
            i,
            ok: false,
            error: { ingest: true, message: err.message, file: e.file, line: e.line, hint: e.hint, stack: err.stack },
          }
        : { i, ok: false, error: { ingest: false, message: err.message, stack: err.stack } };
  }
  parentPort!.postMessage(reply);
});
