/** Ingest's writes: all files or none. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { stageWrites, writeFilesAtomically } from './write-files.ts';

function folder() {
  const d = mkdtempSync(join(tmpdir(), 'ingest-write-'));
  mkdirSync(join(d, 'policies'));
  writeFileSync(join(d, 'policies', 'a.mdx'), 'old a');
  writeFileSync(join(d, 'policies', 'stale.mdx'), 'stale');
  return d;
}

describe('writeFilesAtomically', () => {
  test('writes every file and removes the stale ones, leaving no temporary file', () => {
    const d = folder();
    writeFilesAtomically(
      [
        { path: join(d, 'policies', 'a.mdx'), content: 'new a' },
        { path: join(d, 'policies', 'b.mdx'), content: 'new b' },
      ],
      [join(d, 'policies', 'stale.mdx')],
    );
    expect(readdirSync(join(d, 'policies')).sort()).toEqual(['a.mdx', 'b.mdx']);
    expect(readFileSync(join(d, 'policies', 'a.mdx'), 'utf8')).toBe('new a');
  });

  test('a failure midway leaves every file as it was, and no temporary file', () => {
    const d = folder();
    const files = [
      { path: join(d, 'policies', 'a.mdx'), content: 'new a' },
      // Its folder does not exist: writing fails after a.mdx's new text was written.
      { path: join(d, 'reports', 'a.json'), content: '{}' },
      { path: join(d, 'policies', 'c.mdx'), content: 'new c' },
    ];
    expect(() => writeFilesAtomically(files, [join(d, 'policies', 'stale.mdx')])).toThrow(/ENOENT/);
    expect(readFileSync(join(d, 'policies', 'a.mdx'), 'utf8')).toBe('old a');
    expect(existsSync(join(d, 'policies', 'c.mdx'))).toBe(false);
    expect(readdirSync(join(d, 'policies')).sort()).toEqual(['a.mdx', 'stale.mdx']);
  });
});

describe('stageWrites (the same contract spread over a whole ingest run)', () => {
  test('staged files stay beside the originals until commit', () => {
    const d = folder();
    const tx = stageWrites();
    tx.stage({ path: join(d, 'policies', 'a.mdx'), content: 'new a' });
    tx.stage({ path: join(d, 'policies', 'b.mdx'), content: 'new b' });
    expect(readFileSync(join(d, 'policies', 'a.mdx'), 'utf8')).toBe('old a');
    expect(existsSync(join(d, 'policies', 'b.mdx'))).toBe(false);
    tx.commit([join(d, 'policies', 'stale.mdx')]);
    expect(readdirSync(join(d, 'policies')).sort()).toEqual(['a.mdx', 'b.mdx']);
    expect(readFileSync(join(d, 'policies', 'b.mdx'), 'utf8')).toBe('new b');
  });

  test('abort (a later document failed) removes every staged file and changes nothing', () => {
    const d = folder();
    const tx = stageWrites();
    tx.stage({ path: join(d, 'policies', 'a.mdx'), content: 'new a' });
    tx.stage({ path: join(d, 'policies', 'c.mdx'), content: 'new c' });
    tx.abort();
    expect(readdirSync(join(d, 'policies')).sort()).toEqual(['a.mdx', 'stale.mdx']);
    expect(readFileSync(join(d, 'policies', 'a.mdx'), 'utf8')).toBe('old a');
    expect(() => tx.commit()).toThrow(/already committed or aborted/);
  });
});
