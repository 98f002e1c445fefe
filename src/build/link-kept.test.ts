/** Keeping unchanged documents' files from the previous site: hard links, never written through. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { documentFiles, linkKept, linkKeptFolders } from './link-kept.ts';

function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'link-kept-'));
  const files: Record<string, string> = {
    'policies/a/index.html': 'A',
    'policies/a/s1/index.html': 'A s1',
    'data/a.json': '{}',
    'data/a.md': '# A',
    'data/ab.json': 'not a',
    'policies/b/index.html': 'B',
    'curation/a/index.html': 'curation A',
    'index.html': 'home',
  };
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return dir;
}

test("a document's files are its page, its provision pages and its open-data files, no other's", () => {
  expect(documentFiles(site(), 'a').sort()).toEqual([
    'data/a.json',
    'data/a.md',
    'policies/a/index.html',
    'policies/a/s1/index.html',
  ]);
});

test('kept files are hard links; replacing one in the new site (a new file) leaves the old site as it was', () => {
  const old = site();
  const next = mkdtempSync(join(tmpdir(), 'link-kept-next-'));
  expect(linkKept(old, next, ['a'])).toBe(4);
  expect(linkKeptFolders(old, next, ['curation/a'])).toBe(1);
  expect(statSync(join(next, 'policies/a/index.html')).ino).toBe(statSync(join(old, 'policies/a/index.html')).ino);
  expect(readFileSync(join(next, 'curation/a/index.html'), 'utf8')).toBe('curation A');
  // What the provision-page step does with a page it writes again.
  rmSync(join(next, 'policies/a/s1/index.html'));
  writeFileSync(join(next, 'policies/a/s1/index.html'), 'new');
  expect(readFileSync(join(old, 'policies/a/s1/index.html'), 'utf8')).toBe('A s1');
});

test('a kept file the build rendered again is an error naming the file and the fix', () => {
  const old = site();
  const next = mkdtempSync(join(tmpdir(), 'link-kept-next-'));
  mkdirSync(join(next, 'policies/a'), { recursive: true });
  writeFileSync(join(next, 'policies/a/index.html'), 'rendered');
  expect(() => linkKept(old, next, ['a'])).toThrow(
    /policies\/a\/index\.html was rendered again although a is unchanged[\s\S]*changedDocuments\(\)/,
  );
});
