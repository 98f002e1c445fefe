/**
 * Ingest over worker threads gives what one thread gives: the same files,
 * byte for byte, the same lists in the same order, the same first error
 * (with its file and hint), and nothing written when a document fails.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IngestError } from './errors.ts';
import { runIngestParallel, workerCount } from './parallel.ts';
import { type IngestPaths, runIngest } from './run.ts';
import { smallLibrary } from './test-support/small-library.ts';

const roots: string[] = [];
afterEach(() => {
  for (const d of roots.splice(0)) rmSync(d, { recursive: true, force: true });
});
const library = (n: number) => {
  const p = smallLibrary(n);
  roots.push(p.root);
  return p;
};
/** The same library in a second folder. */
const copy = (p: ReturnType<typeof library>) => {
  const q = smallLibrary(0);
  roots.push(q.root);
  cpSync(p.root, q.root, { recursive: true });
  return q;
};
/** Every file under the output folders, relative to the library, with its content. */
function outputs(p: IngestPaths & { root: string }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of [p.outDir, p.reportsDir, p.clausesDir]) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d)) out[relative(p.root, join(d, f))] = readFileSync(join(d, f), 'utf8');
  }
  return out;
}
const rel = (p: { root: string }, list: string[]) => list.map((f) => relative(p.root, f));

describe('runIngestParallel', () => {
  it('writes the same files, byte for byte and in the same order, as one thread; --check agrees', async () => {
    const one = library(13);
    const two = copy(one);
    const a = runIngest(one);
    const b = await runIngestParallel(two, { workers: 2 });
    expect(rel(two, b.written)).toEqual(rel(one, a.written));
    expect(rel(two, b.written)).toContain('content/clauses/doc-013.json');
    expect(outputs(two)).toEqual(outputs(one));
    // An edited file and a stale one, seen the same way by both.
    writeFileSync(join(two.outDir, 'doc-005.mdx'), 'hand edit');
    writeFileSync(join(two.reportsDir, 'gone.json'), '{}');
    const check = await runIngestParallel(two, { workers: 2, check: true });
    expect(rel(two, check.differing)).toEqual(['content/policies/doc-005.mdx']);
    expect(rel(two, check.stale)).toEqual(['content/reports/gone.json']);
  });

  it('reports the first failing document in manifest order, with its file and hint, and writes nothing', async () => {
    const p = library(11);
    runIngest(p);
    writeFileSync(join(p.outDir, 'doc-002.mdx'), 'hand edit');
    const before = outputs(p);
    writeFileSync(join(p.seedsDir, 'doc-009.txt'), '\n');
    writeFileSync(join(p.seedsDir, 'doc-004.txt'), Buffer.from([0xe4, 0xb8, 0x80, 0x0a, 0xb5, 0xda]));
    let err: unknown;
    try {
      await runIngestParallel(p, { workers: 3 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IngestError);
    const e = err as IngestError;
    expect(e.file).toBe(join(p.seedsDir, 'doc-004.txt'));
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/doc-004\.txt:2: the seed is not valid UTF-8/u);
    expect(e.hint).toMatch(/iconv/u);
    // The same error one thread gives.
    expect(() => runIngest(p)).toThrow(e.message);
    // Nothing written, no temporary file left.
    expect(outputs(p)).toEqual(before);
  });
});

describe('workerCount', () => {
  it('builds in one thread unless INGEST_WORKERS says how many workers', () => {
    expect(workerCount({})).toBe(0);
    expect(workerCount({ INGEST_WORKERS: '0' })).toBe(0);
    expect(workerCount({ INGEST_WORKERS: '2' })).toBe(2);
    expect(() => workerCount({ INGEST_WORKERS: 'two' })).toThrow(/INGEST_WORKERS=two is not a whole number/u);
  });
});
