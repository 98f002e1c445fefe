/** The build comparer on small folders: identical, changed, missing, new and binary files. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compareBuilds, firstDifferingLines, formatComparison } from './compare-builds.ts';

function site(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cmp-'));
  for (const [f, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), body);
  }
  return dir;
}

describe('compare-builds', () => {
  test('identical folders: nothing differs; the build-inputs digest is left out', () => {
    const files = { 'index.html': '<p>a</p>\n', 'policies/x/index.html': '<p>条款</p>\n' };
    const c = compareBuilds(
      site({ ...files, '.build-inputs.json': '{"a":1}' }),
      site({ ...files, '.build-inputs.json': '{"a":2}' }),
    );
    expect(c).toEqual({ same: 2, onlyBefore: [], onlyAfter: [], differ: [] });
    expect(formatComparison(c)).toBe(
      'compare-builds: 2 of 2 common files identical, 0 differ, 0 only before, 0 only after',
    );
  });

  test('a changed, a missing, a new and a binary file are each named; the first differing line is shown', () => {
    const before = site({
      'a.html': 'x\n<p id="s1">一、总体要求</p>\ny\n',
      'gone.html': '',
      'img.bin': Buffer.from([0, 1, 2]),
      'same.css': 'b{}',
    });
    const after = site({
      'a.html': 'x\n<p id="s1">一、总体目标</p>\ny\n',
      'new.html': '',
      'img.bin': Buffer.from([0, 1, 3]),
      'same.css': 'b{}',
    });
    const c = compareBuilds(before, after);
    expect(c.same).toBe(1);
    expect(c.onlyBefore).toEqual(['gone.html']);
    expect(c.onlyAfter).toEqual(['new.html']);
    expect(c.differ).toEqual([
      {
        file: 'a.html',
        sizes: [38, 38],
        lines: [{ line: 2, before: '<p id="s1">一、总体要求</p>', after: '<p id="s1">一、总体目标</p>' }],
      },
      { file: 'img.bin', sizes: [3, 3] },
    ]);
    const report = formatComparison(c);
    expect(report).toContain(
      'differs: a.html (38 → 38 bytes)\n  line 2\n    - <p id="s1">一、总体要求</p>\n    + <p id="s1">一、总体目标</p>',
    );
    expect(report).toContain('differs: img.bin (3 → 3 bytes), binary');
    expect(report).toMatch(/1 of 3 common files identical, 2 differ, 1 only before, 1 only after$/);
  });

  test('ignore takes files and folders; without it the digest counts too', () => {
    const before = site({ '.build-inputs.json': '1', 'pagefind/x.pf': 'a', 'k.html': 'k' });
    const after = site({ '.build-inputs.json': '2', 'pagefind/x.pf': 'b', 'k.html': 'k' });
    expect(compareBuilds(before, after, { ignore: [] }).differ.map((d) => d.file)).toEqual([
      '.build-inputs.json',
      'pagefind/x.pf',
    ]);
    expect(compareBuilds(before, after, { ignore: ['.build-inputs.json', 'pagefind/'] }).differ).toEqual([]);
  });

  test('a long minified line is cut around its first difference; an added line shows as (no line)', () => {
    const long = 'a'.repeat(500);
    const [d] = firstDifferingLines(`${long}X${long}`, `${long}Y${long}`);
    expect(d.line).toBe(1);
    expect(d.before).toBe(`…${'a'.repeat(60)}X${'a'.repeat(119)}…`);
    expect(d.after.startsWith(`…${'a'.repeat(60)}Y`)).toBe(true);
    expect(firstDifferingLines('a\n', 'a\nb\n')).toEqual([
      { line: 2, before: '', after: 'b' },
      { line: 3, before: '(no line)', after: '' },
    ]);
  });
});
