/** How documents are split over Pagefind indexes. */
import { expect, test } from 'vitest';
import { indexGroups } from './build.ts';

test('one index up to the limit, then pagefind-2/, pagefind-3/ … in document order', () => {
  expect(indexGroups([], 400)).toEqual([{ dir: 'pagefind', docs: [] }]);
  expect(indexGroups(['a', 'b'], 400)).toEqual([{ dir: 'pagefind', docs: ['a', 'b'] }]);
  expect(indexGroups(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([
    { dir: 'pagefind', docs: ['a', 'b'] },
    { dir: 'pagefind-2', docs: ['c', 'd'] },
    { dir: 'pagefind-3', docs: ['e'] },
  ]);
});
