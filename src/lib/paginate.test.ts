import { describe, expect, test } from 'vitest';
import { pagePath, pageParam, pagerItems, paginate } from './paginate.ts';

describe('paginate', () => {
  test('cuts a list into pages of the size, the last one shorter, each knowing the total', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    expect(pages.map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.map((p) => [p.page, p.pages, p.total])).toEqual([
      [1, 3, 5],
      [2, 3, 5],
      [3, 3, 5],
    ]);
  });
  test('a list that fills its pages exactly has no empty last page', () => {
    expect(paginate([1, 2, 3, 4], 2).map((p) => p.items)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
  test('an empty list is one empty page', () => {
    expect(paginate([], 50)).toEqual([{ items: [], page: 1, pages: 1, total: 0 }]);
  });
  test('every item is on exactly one page, in order', () => {
    const items = Array.from({ length: 123 }, (_, i) => i);
    expect(paginate(items, 50).flatMap((p) => p.items)).toEqual(items);
  });
  test('a page size that is not a positive integer is refused', () => {
    expect(() => paginate([1], 0)).toThrow(/positive integer, not 0/);
  });
});

describe('page paths', () => {
  test('page 1 is the list itself, page n is a folder under it', () => {
    expect(pagePath('regions/shanxi/', 1)).toBe('regions/shanxi/');
    expect(pagePath('regions/shanxi/', 3)).toBe('regions/shanxi/3/');
    expect([pageParam(1), pageParam(2)]).toEqual([undefined, '2']);
  });
  test('a path without its final / is refused', () => {
    expect(() => pagePath('regions/shanxi', 2)).toThrow(/ends in \//);
  });
});

describe('pagerItems', () => {
  test('few pages: every number', () => {
    expect(pagerItems(1, 1)).toEqual([1]);
    expect(pagerItems(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });
  test('many pages: first, last, the current one and two either side, gaps as null', () => {
    expect(pagerItems(1, 200)).toEqual([1, 2, 3, null, 200]);
    expect(pagerItems(50, 200)).toEqual([1, null, 48, 49, 50, 51, 52, null, 200]);
    expect(pagerItems(200, 200)).toEqual([1, null, 198, 199, 200]);
  });
  test('a gap of a single number shows that number', () => {
    expect(pagerItems(5, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 10]);
    expect(pagerItems(6, 10)).toEqual([1, null, 4, 5, 6, 7, 8, 9, 10]);
  });
  test('bounded however many pages, and always holds the current page, the first and the last', () => {
    for (const pages of [1, 7, 30, 1000]) {
      for (let page = 1; page <= pages; page += Math.ceil(pages / 13)) {
        const items = pagerItems(page, pages);
        expect(items.length).toBeLessThanOrEqual(9);
        expect(items).toContain(page);
        expect(items[0]).toBe(1);
        expect(items.at(-1)).toBe(pages);
      }
    }
  });
});
