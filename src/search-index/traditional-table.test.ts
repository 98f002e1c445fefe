import { describe, expect, test } from 'vitest';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import { buildTables, convert, hasTraditional } from './traditional-table.ts';

const pairs = TSCharacters.split('|').map((p) => p.split(' ') as [string, string]);

describe('Traditional → Simplified tables', () => {
  test('a Traditional query is flagged and converted; a Simplified one is not flagged', () => {
    const { bits, pairs: table } = buildTables(pairs, new Set());
    expect(hasTraditional(bits, '醫療保障')).toBe(true);
    expect(convert(table, '醫療保障')).toBe('医疗保障');
    expect(convert(table, '雙向轉診 DRG')).toBe('双向转诊 DRG');
    expect(hasTraditional(bits, '医疗保障 DRG 2025')).toBe(false);
  });
  test('characters the library uses are left out of both tables', () => {
    const { bits, pairs: table } = buildTables(pairs, new Set(['乾']));
    expect(hasTraditional(bits, '乾')).toBe(false);
    expect(convert(table, '乾')).toBe('乾');
  });
});
