import { threadId } from 'node:worker_threads';
import { expect, test } from 'vitest';
import { poolThreads, runPool, THREADS_ENV } from './worker-pool.ts';
import { square, squareLater, type Setup } from './__fixtures__/pool-task.ts';

const worker = new URL('./__fixtures__/pool-worker.ts', import.meta.url);
const tasks = Array.from({ length: 50 }, (_, i) => i);
const run = (threads: number, setup: Setup = {}, processes = false) =>
  runPool(tasks, { worker, handler: square, setup, threads, batch: 3, name: (n) => `task ${n}`, processes });

test('results come back in the order of the tasks, from the workers, as in one thread', async () => {
  const two = await run(2);
  const one = await run(1);
  const children = await run(2, {}, true);
  expect(two.map((r) => r.square)).toEqual(tasks.map((n) => n * n));
  // Threads of this process; this thread; two child processes.
  expect(new Set(two.map((r) => `${r.pid} ${r.threadId}`)).size).toBe(2);
  expect(two.every((r) => r.pid === process.pid && r.threadId !== threadId)).toBe(true);
  expect(one.every((r) => r.pid === process.pid && r.threadId === threadId)).toBe(true);
  expect(new Set(children.map((r) => r.pid)).size).toBe(2);
  expect(children.every((r) => r.pid !== process.pid)).toBe(true);
  expect(one.map((r) => r.square)).toEqual(two.map((r) => r.square));
  expect(children.map((r) => r.square)).toEqual(two.map((r) => r.square));
});

test('the first error stops the run and names its task, in a worker, a child process and in this thread', async () => {
  await expect(run(2, { fail: 31 })).rejects.toThrow(/^task 31: cannot square 31$/);
  await expect(run(2, { fail: 31 }, true)).rejects.toThrow(/^task 31: cannot square 31$/);
  await expect(run(1, { fail: 31 })).rejects.toThrow(/^task 31: cannot square 31$/);
});

test('an async handler: awaited in a thread, a child process and this thread, its rejection named', async () => {
  const asyncWorker = new URL('./__fixtures__/pool-async-worker.ts', import.meta.url);
  const later = (threads: number, setup: Setup = {}, processes = false) =>
    runPool(tasks, {
      worker: asyncWorker,
      handler: squareLater,
      setup,
      threads,
      batch: 4,
      name: (n) => `task ${n}`,
      processes,
    });
  for (const [threads, processes] of [
    [2, false],
    [2, true],
    [1, false],
  ] as const) {
    expect((await later(threads, {}, processes)).map((r) => r.square)).toEqual(tasks.map((n) => n * n));
    await expect(later(threads, { fail: 7 }, processes)).rejects.toThrow(/^task 7: cannot square 7$/);
  }
});

test('threads: this thread below the minimum, else every core or the environment’s number', () => {
  expect(poolThreads(79, 80, {})).toBe(1);
  expect(poolThreads(80, 80, { [THREADS_ENV]: '3' })).toBe(3);
  expect(poolThreads(2, 1, { [THREADS_ENV]: '3' })).toBe(2);
  expect(poolThreads(1000, 80, { [THREADS_ENV]: '1' })).toBe(1);
  expect(() => poolThreads(1000, 80, { [THREADS_ENV]: 'two' })).toThrow(`${THREADS_ENV}=two is not a whole number`);
});
