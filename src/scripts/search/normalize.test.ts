import { describe, expect, test } from 'vitest';
import { normalizeQuery, withinOneEdit } from './normalize.ts';

describe('normalizeQuery', () => {
  test('full-width letters, digits and number signs become ASCII; Chinese punctuation stays', () => {
    expect(normalizeQuery('９０％')).toBe('90%');
    expect(normalizeQuery('ＤＲＧ付费（试点）')).toBe('DRG付费（试点）');
    expect(normalizeQuery('ｍｄｔ，２０２５年')).toBe('mdt，2025年');
  });
  test('a year in any bracket becomes the document-number bracket; other brackets are left alone', () => {
    for (const q of [
      '晋政办发[2022]31号',
      '晋政办发【2022】31号',
      '晋政办发［2022］31号',
      '晋政办发(2022)31号',
      '晋政办发（2022）31号',
      '晋政办发〖2022〗31号',
      '晋政办发［２０２２］31号',
    ]) {
      expect(normalizeQuery(q), q).toBe('晋政办发〔2022〕31号');
    }
    expect(normalizeQuery('（一）加强领导 (2) 第[3]条')).toBe('（一）加强领导 (2) 第[3]条');
  });
});

describe('withinOneEdit', () => {
  test('one character replaced, added or removed; not two', () => {
    expect(withinOneEdit('双带头任', '双带头人')).toBe(true);
    expect(withinOneEdit('医养合', '医养结合')).toBe(true);
    expect(withinOneEdit('医养结结合', '医养结合')).toBe(true);
    expect(withinOneEdit('医养节和', '医养结合')).toBe(false);
    expect(withinOneEdit('治未病', '治未病')).toBe(true);
  });
});
