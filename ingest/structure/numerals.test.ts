/** Chinese numerals of outline numbering, both ways, to 999 (第一百二十条). */
import { describe, expect, it } from 'vitest';
import { chineseToNumber, numberToChinese } from './numerals.ts';

describe('chineseToNumber', () => {
  it('reads the outline range and the hundreds of long regulations', () => {
    const cases: [string, number][] = [
      ['一', 1],
      ['十', 10],
      ['十二', 12],
      ['二十', 20],
      ['九十九', 99],
      ['一百', 100],
      ['一百零五', 105],
      ['一百〇五', 105],
      ['一百一十', 110],
      ['一百十', 110],
      ['一百二十', 120],
      ['一百二十三', 123],
      ['二百', 200],
      ['两百零一', 201],
    ];
    for (const [s, n] of cases) expect(chineseToNumber(s), s).toBe(n);
  });
  it('refuses what is no number', () => {
    for (const s of ['一二', '十十', '百', '零', '一百零', '一百零十', '两', 'abc', ''])
      expect(chineseToNumber(s), s).toBeNaN();
  });
});

describe('numberToChinese', () => {
  it('writes numbers as regulations do, and reads back', () => {
    expect([1, 10, 12, 20, 99, 100, 105, 110, 120, 999].map(numberToChinese)).toEqual([
      '一',
      '十',
      '十二',
      '二十',
      '九十九',
      '一百',
      '一百零五',
      '一百一十',
      '一百二十',
      '九百九十九',
    ]);
    for (let n = 1; n <= 999; n++) expect(chineseToNumber(numberToChinese(n))).toBe(n);
  });
});
