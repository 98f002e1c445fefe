/**
 * A folder another process is still writing, for the steps an incremental
 * build runs side by side (scripts/build.ts): beside the folder, a marker
 * holding the writer's process id; readers wait while that process lives.
 * The writer makes the folder appear whole (written aside, then renamed),
 * so "the file is there" means the folder is complete.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const pendingMarker = (dir: string): string => `${dir}.pending`;

/** Marks `dir` as being written by process `pid`. */
export const markPending = (dir: string, pid: number): void => writeFileSync(pendingMarker(dir), String(pid));

export const clearPending = (dir: string): void => rmSync(pendingMarker(dir), { force: true });

/**
 * Waits, blocking (the readers are synchronous), until `dir/file` exists or
 * no process named by the marker is alive (none marked, or it stopped: the
 * caller then finds the file missing and says so).
 */
export function waitForFolder(dir: string, file: string): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (!existsSync(join(dir, file))) {
    try {
      process.kill(Number(readFileSync(pendingMarker(dir), 'utf8')), 0); // throws once the process is gone
    } catch {
      return;
    }
    Atomics.wait(pause, 0, 0, 50);
  }
}
