import { expect, test } from 'vitest';
import { NO_REGION, provinceId } from './regions.ts';

test('province-level names get their pinyin id', () => {
  expect(provinceId('山西省')).toBe('shanxi');
  expect(provinceId('陕西省')).toBe('shaanxi');
  expect(provinceId('内蒙古自治区')).toBe('neimenggu');
});

test('an unlisted name gets a stable ASCII id of its own, no name the unknown group', () => {
  const id = provinceId('某某省');
  expect(id).toMatch(/^r-[0-9a-z]+$/);
  expect(provinceId('某某省')).toBe(id);
  expect(provinceId('某某市')).not.toBe(id);
  expect(provinceId(undefined)).toBe(NO_REGION.id);
  expect(provinceId('')).toBe(NO_REGION.id);
});
