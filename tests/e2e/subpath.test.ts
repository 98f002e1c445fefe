/**
 * Deployment under a sub-path: the site built with BASE=/sub/path/ into
 * dist-sub/ (npm test does this), served under that path like any static host.
 * That build also splits its search over three Pagefind indexes
 * (SEARCH_DOCS_PER_INDEX=2), as a large library's is: results must be the
 * same as from the single index of dist/.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openSite, type Site, DOCS } from './harness.ts';
import { checkLinks } from '../../scripts/lib/check-links.ts';
import { indexGroups } from '../../src/search-index/part-boundaries.ts';

const BASE = '/sub/path/';
let site: Site;
beforeAll(async () => {
  site = await openSite({ dir: 'dist-sub', base: BASE });
});
afterAll(async () => {
  await site?.close();
});

test('every link, asset and fragment resolves under the sub-path', () => {
  const { broken, links } = checkLinks('dist-sub', BASE);
  // The same pages as the root build, so the same links, all checked.
  expect(links).toBe(checkLinks('dist').links);
  expect(broken).toEqual([]);
});

test('pages, styles, clause links, glossary and data files work under the sub-path', async () => {
  const page = await site.page();
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(site.url(''));
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.brand')!).fontWeight)).toBe('700');
  await page.locator('.doc-card a', { hasText: '大同市推动公立医院高质量发展实施方案' }).click();
  await page.waitForURL(`**${BASE}policies/datong-gaozhiliang/`);
  await page.locator('.doc-toc a[href="#s3-4-15"]').click();
  expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe(`${BASE}policies/datong-gaozhiliang/#s3-4-15`);
  await page.locator('section.provision[data-id="s3-4-15"] .term-link').first().click();
  await page.waitForURL(`**${BASE}glossary/**`);
  const json = await page.request.get(site.url('data/datong-gaozhiliang.json'));
  expect(json.ok()).toBe(true);
  expect((await json.json()).document.url).toMatch(/\/sub\/path\/policies\/datong-gaozhiliang\/$/);
  expect(failed).toEqual([]);
  await page.context().close();
});

test('search loads from the sub-path and its results land on the clause', async () => {
  const page = await site.page();
  await page.goto(site.url('policies/shaoxing-2019/'));
  await page.locator('#site-search-input').fill('双带头人');
  const first = page.locator('#site-search-popup a[role="option"][href*="#s"]').first();
  await first.waitFor();
  expect(await first.getAttribute('href')).toMatch(/^\/sub\/path\/policies\/[a-z-]+\/\?hl=/);
  await first.click();
  await page.waitForURL(/\/sub\/path\/policies\/.+#s/);
  await expect(page.locator('mark.search-hit').first().textContent()).resolves.toBe('双带头人');
  await page.context().close();
});

test('search split over three indexes finds exactly what the single index finds', async () => {
  // Two documents per index (SEARCH_DOCS_PER_INDEX=2): pagefind/, then pagefind-2/ …, all listed newest first.
  const indexes = indexGroups([...DOCS], 2).length;
  expect(indexes, 'the split needs at least two indexes').toBeGreaterThan(1);
  const parts = JSON.parse(readFileSync('dist-sub/search/indexes.json', 'utf8')) as { dir: string; docs: number }[];
  expect(parts.map((p) => p.dir)).toEqual(
    Array.from({ length: indexes }, (_, i) => (i ? `pagefind-${i + 1}/` : 'pagefind/')),
  );
  expect(parts.reduce((n, p) => n + p.docs, 0)).toBe(DOCS.length);
  const single = await openSite();
  const results = async (s: Site, q: string) => {
    const page = await s.page();
    await page.goto(s.url(`search/?q=${encodeURIComponent(q)}`));
    await page.waitForFunction(() =>
      /找到|没有/.test(document.querySelector('[data-search-page-status]')?.textContent ?? ''),
    );
    const keys = await page
      .locator('[data-search-page-results] li[data-kind="clause"]')
      .evaluateAll((els) =>
        els.map((e) => `${(e as HTMLElement).dataset.slug}#${(e as HTMLElement).dataset.anchor}`).sort(),
      );
    await page.context().close();
    return keys;
  };
  try {
    for (const q of ['医共体', '双带头人', 'DRG', '中医 床位']) {
      const split = await results(site, q);
      expect(new Set(split.map((k) => k.split('#')[0])).size, q).toBeGreaterThan(1);
      expect(split, q).toEqual(await results(single, q));
    }
  } finally {
    await single.close();
  }
});

test('links work with and without the trailing slash; unknown pages get the 404 page', async () => {
  const page = await site.page();
  const res = await page.goto(site.url('policies/lasa-tixi-2025'));
  expect(res!.ok()).toBe(true);
  expect(new URL(page.url()).pathname).toBe(`${BASE}policies/lasa-tixi-2025/`);
  const missing = await page.goto(site.url('policies/no-such-document/'));
  expect(missing!.status()).toBe(404);
  await expect(page.locator('h1').textContent()).resolves.toBe('没有找到这个页面');
  await page.context().close();
});
