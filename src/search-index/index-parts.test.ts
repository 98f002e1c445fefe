import { describe, expect, test } from 'vitest';
import { partCanMatch, partEntry, readParts } from './index-parts.ts';

describe('index parts (search/indexes.json)', () => {
  test("an entry lists its documents' count and the values of the region, year and kind filters, without gaps", () => {
    const entry = partEntry('pagefind-2/', [
      { 地区: '山西省', 年份: '2021', 文种: '实施方案' },
      { 地区: '浙江省', 年份: '2019', 文种: '' },
      { 地区: '山西省', 年份: '2021', 文种: '通知' },
    ]);
    expect(entry).toEqual({
      dir: 'pagefind-2/',
      docs: 3,
      filters: { 地区: ['山西省', '浙江省'], 年份: ['2019', '2021'], 文种: ['实施方案', '通知'] },
    });
  });

  test('the first part is always first; the old list of extra folders still reads', () => {
    expect(readParts(['pagefind-2/', 'pagefind-3/']).map((p) => p.dir)).toEqual([
      'pagefind/',
      'pagefind-2/',
      'pagefind-3/',
    ]);
    expect(readParts([])).toEqual([{ dir: 'pagefind/' }]);
    expect(
      readParts([
        { dir: 'pagefind/', docs: 2 },
        { dir: 'pagefind-2/', docs: 1 },
      ]).map((p) => p.docs),
    ).toEqual([2, 1]);
    expect(() => readParts({ parts: [] })).toThrow(/not a list/);
    expect(() => readParts([3])).toThrow(/no index part/);
  });

  test('a part is passed over only when a filter it lists has none of the selected values', () => {
    const part = { dir: 'pagefind-2/', docs: 2, filters: { 年份: ['2019', '2020'], 地区: ['浙江省'] } };
    expect(partCanMatch(part, { 年份: ['2021'] })).toBe(false);
    expect(partCanMatch(part, { 年份: ['2021', '2020'] })).toBe(true);
    expect(partCanMatch(part, { 年份: ['2020'], 地区: ['山西省'] })).toBe(false);
    expect(partCanMatch(part, { 文件: ['某方案'] })).toBe(true);
    expect(partCanMatch({ dir: 'pagefind-3/' }, { 年份: ['2021'] })).toBe(true);
  });
});
