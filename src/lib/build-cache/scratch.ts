/**
 * A scratch folder for one process: under the build cache (same disk as the
 * output, and known to be writable), made fresh, removed when the process
 * exits. For data a build writes out rather than holds (the term pages'
 * uses, the loader's 自动推荐 files, the curation report when no build step
 * wrote it).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildCacheDir } from './paths.ts';

const made = new Set<string>();

export function scratchDir(name: string): string {
  const parent = join(buildCacheDir(), 'scratch', name);
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, `${process.pid}-`));
  // One exit listener however many folders (`astro dev` makes one per reload of the documents).
  if (!made.size) process.once('exit', () => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  made.add(dir);
  return dir;
}
