/**
 * Per-document build work on every core (Node only). The caller names a task
 * module's handler factory, `(setup) => (task) => result`, and the worker
 * module that serves it (a file of two lines: `serveTasks(createX)`). Each
 * worker thread builds the handler once from `setup` (plain data, copied to
 * it) and is then handed small batches of tasks, the next batch when it has
 * finished one, so neither side holds more than a batch whatever the size of
 * the library. Results come back in the order of the tasks. The first error
 * stops everything (no batch is handed out after it, the workers are ended)
 * and is thrown with the task named. With one thread the handler runs in the
 * caller's thread, no worker started: the same results, the same errors.
 *
 * Workers are started from the .ts files themselves (Node strips the types),
 * as the policy renderer's (src/render/policy/parallel.ts) are.
 *
 * `processes: true` runs each worker as a child process instead of a thread,
 * with the same messages. For a pool inside a long-lived process (the
 * renderer inside `astro build`): the native memory a worker thread leaves
 * behind (its allocator arenas) stays with the process after the thread
 * ends, a child's goes back to the system when it exits.
 */
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** The environment variable that sets how many threads the build steps use (default: every core). */
export const THREADS_ENV = 'BUILD_THREADS';

export interface PoolOptions<S, T, R> {
  /** The worker module: it calls serveTasks(handler) with the same handler factory. */
  worker: URL;
  /**
   * Builds a task handler from `setup`: in each worker, or in this thread when
   * `threads` is 1. A handler may be async (a task that waits on a process of
   * its own, as a search-index part does on Pagefind): a worker awaits each
   * task before the next.
   */
  handler: (setup: S) => (task: T) => R | Promise<R>;
  /** Handed to each worker once (structured-cloned: plain data). */
  setup: S;
  /** Threads to use; 1 (or less) runs in this thread. */
  threads: number;
  /** Names a task in an error (e.g. `document <slug>`), before the error's own message; without it the message is as thrown. */
  name?: (task: T) => string;
  /** Tasks per message: small enough to keep a worker's memory flat, large enough that messages cost nothing. */
  batch?: number;
  /**
   * Each worker's heap cap: a worker holds its handler and one batch; without
   * a cap V8 lets its heap grow with garbage, which counts against the build's memory.
   */
  heapMb?: number;
  /** Workers as child processes rather than threads (see above). */
  processes?: boolean;
}

/** What the pool needs of a worker, thread or child process. */
interface Channel<T, R> {
  send(batch: Batch<T>): void;
  onMessage(f: (m: Reply<R>) => void): void;
  onError(f: (e: Error) => void): void;
  onExit(f: (code: number | null) => void): void;
  onReady(f: () => void): void;
  /** Ends the worker; resolves when it has gone. */
  end(): Promise<unknown>;
}

function threadChannel<S, T, R>(opts: PoolOptions<S, T, R>): Channel<T, R> {
  const worker = new Worker(opts.worker, {
    workerData: opts.setup,
    ...(opts.heapMb ? { resourceLimits: { maxOldGenerationSizeMb: opts.heapMb } } : {}),
  });
  return {
    send: (batch) => worker.postMessage(batch),
    onMessage: (f) => worker.on('message', f),
    onError: (f) => worker.once('error', f),
    onExit: (f) => worker.once('exit', f),
    onReady: (f) => worker.once('online', f),
    end: () => worker.terminate(),
  };
}

function processChannel<S, T, R>(opts: PoolOptions<S, T, R>): Channel<T, R> {
  // Structured clone, as between threads; the setup is the first message.
  const child = fork(fileURLToPath(opts.worker), [], {
    serialization: 'advanced',
    execArgv: opts.heapMb ? [`--max-old-space-size=${opts.heapMb}`] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.send({ setup: opts.setup });
  return {
    send: (batch) => child.send(batch),
    onMessage: (f) => child.on('message', (m) => f(m as Reply<R>)),
    onError: (f) => child.once('error', f),
    onExit: (f) => child.once('exit', f),
    onReady: (f) => queueMicrotask(f),
    end: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      return gone;
    },
  };
}

/** What a worker answers for a batch: the results in the batch's order, or the first error and the task it came from. */
type Reply<R> = { results: R[] } | { error: string; at: number };
interface Batch<T> {
  tasks: T[];
}

/**
 * How many threads for `count` tasks: 1 (this thread) below `min` tasks,
 * where starting workers costs more than it saves; else THREADS_ENV (a whole
 * number ≥ 1), by default every core.
 */
export function poolThreads(count: number, min: number, env: NodeJS.ProcessEnv = process.env): number {
  const set = env[THREADS_ENV];
  let wanted = availableParallelism();
  if (set !== undefined && set !== '') {
    wanted = Number(set);
    if (!Number.isInteger(wanted) || wanted < 1)
      throw new Error(
        `${THREADS_ENV}=${set} is not a whole number of threads\n  hint: leave it out to use every core, or set 1 to build in one thread.`,
      );
  }
  return count < min ? 1 : Math.max(1, Math.min(wanted, count));
}

/** Runs every task through the handler over `threads` worker threads; the results in the tasks' order. */
export async function runPool<S, T, R>(tasks: T[], opts: PoolOptions<S, T, R>): Promise<R[]> {
  const failure = (task: T, message: string) => new Error(opts.name ? `${opts.name(task)}: ${message}` : message);
  const threads = Math.min(opts.threads, tasks.length);
  if (threads <= 1) {
    const handle = opts.handler(opts.setup);
    const results: R[] = [];
    for (const t of tasks) {
      try {
        results.push(await handle(t));
      } catch (e) {
        if (!opts.name) throw e;
        throw failure(t, (e as Error).message);
      }
    }
    return results;
  }
  const size = opts.batch ?? 20;
  const results = new Array<R>(tasks.length);
  let next = 0;
  let over = false;
  const pool: Channel<T, R>[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = threads;
      const stop = (e?: Error) => {
        if (over) return;
        if (e) {
          over = true;
          reject(e);
        } else if (--running === 0) {
          over = true;
          resolve();
        }
      };
      for (let k = 0; k < threads; k++) {
        const worker = opts.processes ? processChannel(opts) : threadChannel(opts);
        pool.push(worker);
        let from = 0;
        let idle = false;
        const send = () => {
          if (over) return;
          from = next;
          const batch = tasks.slice(from, (next += size));
          if (!batch.length) {
            idle = true;
            return stop();
          }
          worker.send({ tasks: batch });
        };
        worker.onMessage((m) => {
          if ('error' in m) return stop(failure(tasks[from + m.at], m.error));
          m.results.forEach((r, i) => (results[from + i] = r));
          send();
        });
        worker.onError((e) => stop(e));
        worker.onExit((code) => {
          if (!idle)
            stop(
              new Error(`a build worker (${opts.worker.pathname}) stopped with code ${code} before its work was done`),
            );
        });
        worker.onReady(send);
      }
    });
  } finally {
    // Done or failed: no worker outlives the run.
    await Promise.all(pool.map((w) => w.end()));
  }
  return results;
}

/** The worker side: builds the handler from the pool's setup, then answers each batch (runPool), in a thread or a child process. */
export function serveTasks<S, T, R>(handler: (setup: S) => (task: T) => R | Promise<R>): void {
  const answer = async (handle: (task: T) => R | Promise<R>, { tasks }: Batch<T>): Promise<Reply<R>> => {
    const results: R[] = [];
    for (let at = 0; at < tasks.length; at++) {
      try {
        results.push(await handle(tasks[at]));
      } catch (e) {
        // Errors do not cross threads whole: the message (which names the file and the fix) does.
        return { error: (e as Error).message, at };
      }
    }
    return { results };
  };
  const port = parentPort;
  if (port) {
    const handle = handler(workerData as S);
    port.on('message', (batch: Batch<T>) => void answer(handle, batch).then((r) => port.postMessage(r)));
    return;
  }
  if (!process.send)
    throw new Error(
      'serveTasks() runs in a worker started by runPool() (src/lib/worker-pool.ts), thread or child process',
    );
  let handle: ((task: T) => R | Promise<R>) | undefined;
  process.on('message', (m: { setup: S } | Batch<T>) => {
    if ('setup' in m) handle = handler(m.setup);
    else void answer(handle!, m).then((r) => process.send!(r));
  });
  // The pool's end (or its process's): a child never outlives the pool.
  process.on('disconnect', () => process.exit(0));
}
