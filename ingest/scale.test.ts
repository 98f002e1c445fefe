/**
 * Ingest's cost grows with the library, not with its square: a whole-library
 * pass (a folder listing, a look through every manifest, reading every
 * committed file) per document made 10,000 documents cost 33 times 1,000.
 * Counted, not timed: the same run over 8 and over 32 documents must do no
 * more library work per document at 32, and the same number of passes.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IngestError } from './errors.ts';
import { type IngestPaths, type IngestStats, runIngest } from './run.ts';
import { smallLibrary } from './test-support/small-library.ts';

const counts = vi.hoisted(() => ({ readdir: 0, reads: 0, manifestLookups: 0 }));

// Folder listings and file reads, counted.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readdirSync = ((...a: Parameters<typeof fs.readdirSync>) => {
    counts.readdir++;
    return fs.readdirSync(...a);
  }) as typeof fs.readdirSync;
  const readFileSync = ((...a: Parameters<typeof fs.readFileSync>) => {
    counts.reads++;
    return fs.readFileSync(...a);
  }) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, readdirSync, readFileSync }, readdirSync, readFileSync };
});

// Every look at an entry of the manifest list, counted: a `.some`/`.find` over
// all manifests inside a per-seed or per-document loop shows up as N² lookups.
vi.mock('./manifest.ts', async (importOriginal) => {
  const mod = await importOriginal<typeof import('./manifest.ts')>();
  return {
    ...mod,
    loadManifests: (dir: string) =>
      new Proxy(mod.loadManifests(dir), {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/u.test(key)) counts.manifestLookups++;
          return Reflect.get(target, key, receiver);
        },
      }),
  };
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A library of `n` small documents, each with its own seed and manifest. */
function library(n: number): IngestPaths {
  const paths = smallLibrary(n);
  dirs.push(paths.root);
  return paths;
}

/** One run's library work: passes over the library, and per document the listings, reads and manifest lookups. */
function measure(n: number, check: boolean, paths = library(n)) {
  const stats: IngestStats = { documents: 0, libraryPasses: 0 };
  Object.assign(counts, { readdir: 0, reads: 0, manifestLookups: 0 });
  runIngest(paths, { check, stats });
  expect(stats.documents).toBe(n);
  return {
    paths,
    passes: stats.libraryPasses,
    readdir: counts.readdir,
    reads: counts.reads / n,
    lookups: counts.manifestLookups / n,
  };
}

describe('ingest work grows linearly with the library', () => {
  it('a first run (every file new) does no more library work per document at 32 documents than at 8', () => {
    const small = measure(8, false);
    const large = measure(32, false);
    expect(large.lookups).toBeGreaterThan(0); // the counter sees the manifest list
    expect(large.passes).toBe(small.passes);
    expect(large.readdir).toBe(small.readdir);
    expect(large.reads).toBeLessThanOrEqual(small.reads);
    expect(large.lookups).toBeLessThanOrEqual(small.lookups);
  });

  it('--check over committed files (the committed clause data read once per document) stays linear too', () => {
    const small = measure(8, false);
    const large = measure(32, false);
    const smallCheck = measure(8, true, small.paths);
    const largeCheck = measure(32, true, large.paths);
    expect(largeCheck.passes).toBe(smallCheck.passes);
    expect(largeCheck.readdir).toBe(smallCheck.readdir);
    // Per document: its manifest, its seed and its three committed outputs (and a share of any read made once per run).
    expect(largeCheck.reads).toBeLessThanOrEqual(smallCheck.reads);
    expect(largeCheck.reads).toBeLessThan(6);
    expect(largeCheck.lookups).toBeLessThanOrEqual(smallCheck.lookups);
  });
});

describe('documents are staged one by one, and a failure still writes nothing', () => {
  it('a failing last document leaves neither the earlier documents nor the output folders it had to make', () => {
    const paths = library(6);
    writeFileSync(join(paths.seedsDir, 'doc-006.txt'), '\n');
    expect(() => runIngest(paths)).toThrow(IngestError);
    expect(existsSync(join(paths.outDir, '..'))).toBe(false);
    mkdirSync(paths.outDir, { recursive: true });
    expect(() => runIngest(paths)).toThrow(/doc-006\.txt: the seed is empty/u);
    expect(readdirSync(paths.outDir)).toEqual([]);
  });
});
