/**
 * A scratch folder for one process: under the build cache (same disk as the
 * output, and known to be writable), made fresh, removed when the process
 * exits. For data a build writes out rather than holds (the term pages'
 * uses, the curation report when no build step wrote it).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildCacheDir } from './paths.ts';

export function scratchDir(name: string): string {
  const parent = join(buildCacheDir(), 'scratch', name);
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, `${process.pid}-`));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
