/** The sitemap step: every page of an output folder, split into bounded sitemaps under one index. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { pagePaths, writeSitemaps } from './build.ts';

function site(pages: string[]): string {
  const out = mkdtempSync(join(tmpdir(), 'sitemap-'));
  for (const p of [...pages, '_astro/x/', 'pagefind-2/y/']) {
    mkdirSync(join(out, p), { recursive: true });
    writeFileSync(join(out, p, 'index.html'), '<p>');
  }
  writeFileSync(join(out, '404.html'), '<p>');
  mkdirSync(join(out, 'data'), { recursive: true });
  writeFileSync(join(out, 'data', 'catalog.json'), '{}');
  writeFileSync(join(out, 'robots.txt'), 'User-agent: *\nAllow: /\n');
  return out;
}

test('every index.html is a page, and every open-data file is listed; assets, index folders and 404 are not', () => {
  expect(pagePaths(site(['', 'a/', 'a/b/', 'c/']))).toEqual(['', 'a/', 'a/b/', 'c/', 'data/catalog.json']);
});

test('sitemaps of at most perFile URLs, all listed in the index, under the base path; robots.txt points to the index', () => {
  const pages = ['', ...Array.from({ length: 7 }, (_, i) => `p${i}/`)];
  const out = site(pages);
  expect(writeSitemaps(out, 'https://policy.test', '/sub/', 3)).toEqual({ urls: 9, files: 3 });
  const index = readFileSync(join(out, 'sitemap.xml'), 'utf8');
  const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(maps).toEqual([1, 2, 3].map((n) => `https://policy.test/sub/sitemap-${n}.xml`));
  const locs = maps.flatMap((m) =>
    [...readFileSync(join(out, m.split('/').pop()!), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((x) => x[1]),
  );
  expect(locs.sort()).toEqual([...pages, 'data/catalog.json'].map((p) => `https://policy.test/sub/${p}`).sort());
  expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain('Sitemap: https://policy.test/sub/sitemap.xml\n');
});
