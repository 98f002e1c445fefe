/** A task module for the worker pool's test (src/lib/worker-pool.test.ts): squares, slowly for odd numbers, and fails on `fail`. */
import { threadId } from 'node:worker_threads';

export interface Setup {
  fail?: number;
}
export const square =
  ({ fail }: Setup) =>
  (n: number): { n: number; square: number; pid: number; threadId: number } => {
    if (n === fail) throw new Error(`cannot square ${n}`);
    // Odd tasks take longer, so batches finish out of order.
    if (n % 2) for (const end = Date.now() + 2; Date.now() < end;);
    return { n, square: n * n, pid: process.pid, threadId };
  };

/** The same, answered after a timer (a handler that waits on something, as the search index's parts do on Pagefind). */
export const squareLater =
  (setup: Setup) =>
  async (n: number): Promise<ReturnType<ReturnType<typeof square>>> => {
    await new Promise((resolve) => setTimeout(resolve, n % 3));
    return square(setup)(n);
  };
