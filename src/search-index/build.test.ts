/** The order of documents in the Pagefind index (where it is cut: part-boundaries.test.ts). */
import { expect, test } from 'vitest';
import { newestFirst } from './build.ts';

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
