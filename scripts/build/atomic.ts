/**
 * Builds a folder atomically: the steps write into a temporary sibling, and
 * only when all of them succeed is it swapped in for the old folder. A failed
 * build leaves the old site as it was; the site served is always the old one
 * or the new one, never half of each.
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { STAMP } from '../lib/build-inputs.ts';

/** Returns the time written into the stamp, which names this build (scripts/build.ts keeps it with its state). */
export async function buildAtomically(
  outDir: string,
  steps: (tmpDir: string) => void | Promise<void>,
  digest: string,
): Promise<string> {
  const out = resolve(outDir);
  // A sibling, so the final rename stays on one file system.
  const tmp = join(dirname(out), `.${basename(out)}.building`);
  const old = join(dirname(out), `.${basename(out)}.old`);
  rmSync(tmp, { recursive: true, force: true });
  let builtAt: string;
  try {
    await steps(tmp);
    // The stamp says "this folder is complete": written last, only on success.
    builtAt = new Date().toISOString();
    writeFileSync(join(tmp, STAMP), `${JSON.stringify({ digest, builtAt })}\n`);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  // What an earlier build's removal (below) left, if it was stopped.
  rmSync(old, { recursive: true, force: true });
  if (existsSync(out)) renameSync(out, old);
  renameSync(tmp, out);
  removeInBackground(old);
  return builtAt;
}

/**
 * Removes the previous site after the swap in a process of its own that
 * outlives this one: the new site is in place, and tens of thousands of
 * files take seconds to delete on a real disk (4.4 s at 1,000 documents).
 * The next build removes whatever a stopped removal left.
 */
function removeInBackground(dir: string): void {
  if (!existsSync(dir)) return;
  spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', dir], {
    detached: true,
    stdio: 'ignore',
  }).unref();
}
