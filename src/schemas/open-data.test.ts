import { expect, test } from 'vitest';
import { CATALOG_PAGE, catalogSchema } from './open-data.ts';

const file = (over: Record<string, unknown>) => ({
  format: 'yigai-catalog/1',
  site: '/',
  total: 0,
  page: 1,
  pages: 1,
  documents: [],
  ...over,
});

test('a one-file catalog has neither previous nor next', () => {
  expect(catalogSchema.safeParse(file({})).success).toBe(true);
  expect(catalogSchema.safeParse(file({ next: '/data/catalog-2.json' })).error?.issues[0].message).toMatch(
    /every one but the last its `next`/,
  );
});

test('a middle file names both neighbours, the last only its previous', () => {
  expect(
    catalogSchema.safeParse(file({ page: 2, pages: 3, previous: '/data/catalog.json', next: '/data/catalog-3.json' }))
      .success,
  ).toBe(true);
  expect(
    catalogSchema.safeParse(file({ page: 3, pages: 3, previous: 'https://policy.test/data/catalog-2.json' })).success,
  ).toBe(true);
  expect(catalogSchema.safeParse(file({ page: 2, pages: 3, next: '/data/catalog-3.json' })).success).toBe(false);
  expect(
    catalogSchema.safeParse(file({ page: 4, pages: 3, previous: '/data/catalog-3.json' })).error?.issues[0].message,
  ).toMatch(/at most `pages`/);
});

test('a file holds at most CATALOG_PAGE documents', () => {
  const doc = {
    slug: 'x',
    title: 'x',
    titleSupplied: false,
    year: 2024,
    region: { province: '山西省' },
    kind: '通知',
    status: '正式',
    url: '/policies/x/',
    files: { txt: '/data/x.txt', md: '/data/x.md', json: '/data/x.json' },
  };
  expect(catalogSchema.safeParse(file({ documents: Array(CATALOG_PAGE).fill(doc) })).success).toBe(true);
  expect(
    catalogSchema.safeParse(file({ documents: Array(CATALOG_PAGE + 1).fill(doc) })).error?.issues[0].message,
  ).toMatch(/at most 1,000 documents/);
});
