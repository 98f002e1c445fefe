/** How documents are split over Pagefind indexes. */
import { expect, test } from 'vitest';
import { indexGroups, newestFirst } from './build.ts';

test('one index up to the limit, then pagefind-2/, pagefind-3/ … in document order', () => {
  expect(indexGroups([], 400)).toEqual([{ dir: 'pagefind', docs: [] }]);
  expect(indexGroups(['a', 'b'], 400)).toEqual([{ dir: 'pagefind', docs: ['a', 'b'] }]);
  expect(indexGroups(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([
    { dir: 'pagefind', docs: ['a', 'b'] },
    { dir: 'pagefind-2', docs: ['c', 'd'] },
    { dir: 'pagefind-3', docs: ['e'] },
  ]);
});

test('documents go to the index newest first: date, else year, then slug', () => {
  expect(newestFirst([
    { file: 'a', date: '', year: '2019', slug: 'a' },
    { file: 'b', date: '2019-10-13', year: '2019', slug: 'b' },
    { file: 'c', date: '', year: '2025', slug: 'c' },
    { file: 'd', date: '', year: '2022', slug: 'd2' },
    { file: 'e', date: '', year: '2022', slug: 'd1' },
  ])).toEqual(['c', 'e', 'd', 'b', 'a']);
});
