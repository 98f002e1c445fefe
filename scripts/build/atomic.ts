/**
 * Builds a folder atomically: the steps write into a temporary sibling, and
 * only when all of them succeed is it swapped in for the old folder. A failed
 * build leaves the old site as it was; the site served is always the old one
 * or the new one, never half of each.
 */
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
  rmSync(old, { recursive: true, force: true });
  if (existsSync(out)) renameSync(out, old);
  renameSync(tmp, out);
  rmSync(old, { recursive: true, force: true });
  return builtAt;
}
