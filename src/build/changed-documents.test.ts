/** Which pages an incremental build renders. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { PAGES_SHARED, ROUTE_DIGESTS_ENV, UNCHANGED_ROUTES_ENV } from '../lib/build-cache/paths.ts';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

function setup(shared: string) {
  const root = mkdtempSync(join(tmpdir(), 'changed-pages-'));
  mkdirSync(join(root, 'cache'));
  writeFileSync(join(root, 'cache', PAGES_SHARED), shared);
  for (const d of ['now', 'before']) mkdirSync(join(root, d));
  vi.stubEnv('ASTRO_CACHE_DIR', join(root, 'cache'));
  vi.stubEnv(ROUTE_DIGESTS_ENV, join(root, 'now'));
  return root;
}

const items = [
  { slug: 'a', n: 1 },
  { slug: 'b', n: 2 },
];

test('keyed pages: all on a clean build, with their digests recorded; then only those whose content or the shared digest changed', async () => {
  const root = setup('code-1');
  const { changedPages } = await import('./changed-documents.ts');
  expect(
    changedPages(
      'curation',
      items,
      (i) => i.slug,
      (i) => JSON.stringify(i),
    ),
  ).toEqual(items);
  const first = readFileSync(join(root, 'now', 'curation.json'), 'utf8');
  writeFileSync(join(root, 'before', 'curation.json'), first);
  vi.stubEnv(UNCHANGED_ROUTES_ENV, join(root, 'before'));
  expect(
    changedPages(
      'curation',
      [items[0], { slug: 'b', n: 3 }],
      (i) => i.slug,
      (i) => JSON.stringify(i),
    ),
  ).toEqual([{ slug: 'b', n: 3 }]);
  // The site's code or shared data changed: every page again.
  writeFileSync(join(root, 'cache', PAGES_SHARED), 'code-2');
  expect(
    changedPages(
      'curation',
      items,
      (i) => i.slug,
      (i) => JSON.stringify(i),
    ),
  ).toEqual(items);
});

test('outside npm run build nothing is recorded and every page is rendered', async () => {
  const { changedPages, changedDocuments } = await import('./changed-documents.ts');
  expect(
    changedPages(
      'curation',
      items,
      (i) => i.slug,
      (i) => JSON.stringify(i),
    ),
  ).toEqual(items);
  const docs = [{ id: 'a', data: { rendering: { pages: 'p' } } }];
  expect(changedDocuments(docs)).toEqual(docs);
});
