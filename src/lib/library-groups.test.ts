import { expect, test } from 'vitest';
import { byProvince, byYear } from './library-groups.ts';

const doc = (id: string, province?: string, year?: number) => ({
  id,
  data: { ...(province ? { region: { province } } : {}), ...(year ? { year } : {}) },
});
// Newest first, as getPolicies() gives them.
const docs = [
  doc('a', '山西省', 2025),
  doc('b', '北京市', 2024),
  doc('c', '山西省', 2024),
  doc('d', undefined, 2023),
  doc('e', '某某省', undefined),
  doc('f', '北京市', 2023),
];
const view = (gs: { id: string; name: string; docs: { id: string }[] }[]) =>
  gs.map((g) => [g.id, g.name, g.docs.map((d) => d.id).join('')]);

test('by province: pinyin order, an unlisted name by its hashed id, no province last; documents keep their order', () => {
  const groups = view(byProvince(docs));
  expect(groups.map((g) => g[1])).toEqual(['北京市', '某某省', '山西省', '地区未注明']);
  expect(groups).toContainEqual(['beijing', '北京市', 'bf']);
  expect(groups).toContainEqual(['shanxi', '山西省', 'ac']);
  expect(groups.at(-1)).toEqual(['unknown', '地区未注明', 'd']);
  expect(groups[1][0]).toMatch(/^r-/);
});

test('by year: newest first, no year last', () => {
  expect(view(byYear(docs))).toEqual([
    ['2025', '2025年', 'a'],
    ['2024', '2024年', 'bc'],
    ['2023', '2023年', 'df'],
    ['unknown', '年份未注明', 'e'],
  ]);
});

test('every document is in exactly one group of each kind', () => {
  for (const groups of [byProvince(docs), byYear(docs)])
    expect(groups.flatMap((g) => g.docs.map((d) => d.id)).sort()).toEqual(docs.map((d) => d.id).sort());
});
