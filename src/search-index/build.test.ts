/** How documents are split over Pagefind indexes. */
import { expect, test } from 'vitest';
import { indexGroups, newestFirst } from './build.ts';

test('one index up to the limit, then pagefind-2/, pagefind-3/ … in document order, full parts cut from the oldest end', () => {
  expect(indexGroups([], 400)).toEqual([{ dir: 'pagefind', docs: [] }]);
  expect(indexGroups(['a', 'b'], 400)).toEqual([{ dir: 'pagefind', docs: ['a', 'b'] }]);
  expect(indexGroups(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([
    { dir: 'pagefind', docs: ['a'] },
    { dir: 'pagefind-2', docs: ['b', 'c'] },
    { dir: 'pagefind-3', docs: ['d', 'e'] },
  ]);
  // A whole number of parts: pagefind/ keeps the glossary and topic pages alone.
  expect(indexGroups(['a', 'b', 'c', 'd'], 2).map((g) => g.docs)).toEqual([[], ['a', 'b'], ['c', 'd']]);
});

const numbers = (n: number) => Array.from({ length: n }, (_, i) => n - i);
const sizes = (n: number) => indexGroups(numbers(n), 600, 100).map((g) => g.docs.length);

test('the rest beyond full parts is a middle part of hundreds and a newest part of fewer than a hundred', () => {
  expect(sizes(1000)).toEqual([0, 400, 600]);
  expect(sizes(1001)).toEqual([1, 400, 600]);
  expect(sizes(1199)).toEqual([99, 500, 600]);
  expect(sizes(1200)).toEqual([0, 600, 600]);
  expect(sizes(57)).toEqual([57]);
});

test('a new newest document changes only the newest part; the older parts stay as they were', () => {
  for (const n of [1000, 1042, 1150, 7777]) {
    // numbers(n + 1) is numbers(n) with n + 1 in front (the newest).
    const before = indexGroups(numbers(n), 600, 100).map((g) => g.docs);
    const after = indexGroups(numbers(n + 1), 600, 100).map((g) => g.docs);
    if ((n + 1) % 100 !== 0) {
      expect(after.slice(1), String(n)).toEqual(before.slice(1));
      expect(after[0], String(n)).toEqual([n + 1, ...before[0]]);
    }
    expect(after.flat(), String(n)).toEqual(numbers(n + 1));
  }
});

test('documents go to the index newest first: date, else year, then slug', () => {
  expect(
    newestFirst([
      { file: 'a', date: '', year: '2019', slug: 'a' },
      { file: 'b', date: '2019-10-13', year: '2019', slug: 'b' },
      { file: 'c', date: '', year: '2025', slug: 'c' },
      { file: 'd', date: '', year: '2022', slug: 'd2' },
      { file: 'e', date: '', year: '2022', slug: 'd1' },
    ]).map((d) => d.file),
  ).toEqual(['c', 'e', 'd', 'b', 'a']);
});
