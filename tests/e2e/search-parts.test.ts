/**
 * Search over an index in parts, newest first (src/scripts/search/parts.ts,
 * engine.ts searchParts), on the sub-path build, whose five real documents
 * are split two to a part (SEARCH_DOCS_PER_INDEX=2): a query the newest
 * parts fill downloads nothing of the older ones and says what it searched;
 * a query found only in the oldest part is still found; going on reaches the
 * older parts; filters pass over parts that cannot match. The parts and the
 * documents in each are read from the build, never assumed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type Site, DOCS } from './harness.ts';
import { clauseTexts } from './query-truth.ts';
import { newestFirst } from '../../src/search-index/build.ts';

const DIR = 'dist-sub';
const BASE = '/sub/path/';
const parts = JSON.parse(readFileSync(`${DIR}/search/indexes.json`, 'utf8')) as {
  dir: string;
  docs: number;
  filters: Record<string, string[]>;
}[];
const attr = (slug: string, name: string) =>
  new RegExp(`data-doc-${name}="([^"]*)"`).exec(readFileSync(`${DIR}/policies/${slug}/index.html`, 'utf8'))?.[1] ?? '';
const slugs = readdirSync(`${DIR}/policies`).filter((s) => DOCS.includes(s));
/** The part each document is in: the build's order (newest first) cut by the parts' counts. */
const partOf = new Map<string, number>();
{
  const order = newestFirst(
    slugs.map((slug) => ({ file: slug, slug, date: attr(slug, 'date'), year: attr(slug, 'year') })),
  );
  let at = 0;
  for (const [i, p] of parts.entries()) for (const d of order.slice(at, (at += p.docs))) partOf.set(d.slug, i);
}
const last = parts.length - 1;
const texts = clauseTexts(DIR);
const docsWith = (word: string) =>
  new Set([...texts].filter(([, t]) => t.includes(word)).map(([k]) => k.split('#')[0]));

let site: Site;
beforeAll(async () => {
  site = await openSite({ dir: DIR, base: BASE });
});
afterAll(async () => {
  await site?.close();
});

/** A page that records which index parts it opened (their pagefind-entry.json) and which part files it fetched. */
async function tracked(): Promise<{ page: Page; opened: () => string[]; fetched: (dir: string) => string[] }> {
  const page = await site.page();
  const urls: string[] = [];
  // The context sees the search page's worker too.
  page.context().on('request', (r) => urls.push(new URL(r.url()).pathname));
  const inPart = (dir: string) => urls.filter((u) => u.startsWith(`${BASE}${dir}`));
  return {
    page,
    opened: () => parts.filter((p) => inPart(p.dir).some((u) => u.endsWith('/pagefind-entry.json'))).map((p) => p.dir),
    fetched: (dir) => inPart(dir).filter((u) => /\/(index|fragment|filter)\//.test(u)),
  };
}

async function header(page: Page, q: string) {
  await page.goto(site.url(''));
  await page.locator('#site-search-input').fill(q);
  await page.waitForFunction(
    (query) => document.querySelector<HTMLElement>('#site-search-popup')?.dataset.query === query,
    q,
  );
  return (await page.locator('[data-search-status]').textContent()) ?? '';
}

test('the build has several parts, and every document is in one', () => {
  expect(parts.length).toBeGreaterThan(2);
  expect(partOf.size).toBe(slugs.length);
});

test('a query the newest parts fill: the header opens no older part, says how many documents it searched, and leads on to them', async () => {
  // A word in at least three documents before the last part (the header checks three) and in the last part too.
  const word = ['医院', '医疗', '卫生', '健康', '服务', '管理', '改革', '建设'].find((w) => {
    const docs = [...docsWith(w)];
    return docs.filter((d) => partOf.get(d)! < last).length >= 3 && docs.some((d) => partOf.get(d) === last);
  });
  expect(word, 'a common word in most documents').toBeDefined();
  const { page, opened, fetched } = await tracked();
  const status = await header(page, word!);
  const open = opened();
  expect(open).not.toContain(parts[last].dir);
  expect(fetched(parts[last].dir)).toEqual([]);
  // Honest count: the documents of the parts it opened, and the rest.
  const searched = parts.filter((p) => open.includes(p.dir)).reduce((n, p) => n + p.docs, 0);
  const m = /^在最新的 (\d+) 份文件中找到 (\d+) 条条款（更早的 (\d+) 份尚未检索）$/.exec(status);
  expect(m, status).not.toBeNull();
  expect([Number(m![1]), Number(m![3])]).toEqual([searched, slugs.length - searched]);
  await expect(page.locator('[data-search-scope]').textContent()).resolves.toBe(status);
  // Going on (the popup's link to the search page) reaches the oldest part's clauses.
  await page.locator('#site-search-popup .search-all').click();
  await page.waitForFunction(() =>
    /找到|没有/.test(document.querySelector('[data-search-page-status]')?.textContent ?? ''),
  );
  const found = await page
    .locator('[data-search-page-results] li[data-kind="clause"]')
    .evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.slug}#${(e as HTMLElement).dataset.anchor}`));
  const oldest = [...texts]
    .filter(([k, t]) => partOf.get(k.split('#')[0]) === last && t.includes(word!))
    .map(([k]) => k);
  expect(oldest.length).toBeGreaterThan(0);
  for (const k of oldest) expect(found, k).toContain(k);
  await page.context().close();
});

test('a query found only in the oldest part is found by the header and the search page, the count unqualified', async () => {
  // The oldest document's own title: a phrase no other document has.
  const slug = [...partOf].find(([, i]) => i === last)![0];
  const title = attr(slug, 'title');
  expect([...docsWith(title.toLowerCase())]).toEqual([slug]);
  const { page, opened } = await tracked();
  const status = await header(page, title);
  expect(opened()).toEqual(parts.map((p) => p.dir));
  expect(status).toMatch(/^找到 \d+ 条条款/);
  const first = await page
    .locator('#site-search-popup a[role="option"][href*="/policies/"]')
    .first()
    .getAttribute('href');
  expect(first).toBe(`${BASE}policies/${slug}/?hl=${encodeURIComponent(title)}#doc-title`);
  await page.goto(site.url(`search/?q=${encodeURIComponent(title)}`));
  await page.waitForFunction(() =>
    /找到|没有/.test(document.querySelector('[data-search-page-status]')?.textContent ?? ''),
  );
  await expect(
    page.locator('[data-search-page-results] li[data-kind="clause"]').first().getAttribute('data-slug'),
  ).resolves.toBe(slug);
  await page.context().close();
});

test('a filtered query passes over the parts whose documents cannot match: none of their index files is fetched', async () => {
  // A year some parts do not hold.
  const years = [...new Set(parts.flatMap((p) => p.filters['年份']))];
  const year = years.find((y) => parts.some((p) => !p.filters['年份'].includes(y)))!;
  expect(year).toBeDefined();
  const word = ['医院', '医疗', '卫生', '健康', '服务'].find((w) =>
    [...docsWith(w)].some((d) => attr(d, 'year') === year),
  )!;
  const { page, fetched } = await tracked();
  await page.goto(site.url(`search/?q=${encodeURIComponent(word)}&${encodeURIComponent('年份')}=${year}`));
  await page.waitForFunction(() =>
    /找到|没有/.test(document.querySelector('[data-search-page-status]')?.textContent ?? ''),
  );
  const found = await page
    .locator('[data-search-page-results] li[data-kind="clause"]')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.slug!));
  expect(found.length).toBeGreaterThan(0);
  for (const s of found) expect(attr(s, 'year')).toBe(year);
  for (const p of parts.filter((p) => !p.filters['年份'].includes(year))) expect(fetched(p.dir), p.dir).toEqual([]);
  for (const p of parts.filter((p) => p.filters['年份'].includes(year)))
    expect(fetched(p.dir).length, p.dir).toBeGreaterThan(0);
  await expect(page.locator('[data-search-page-status]').textContent()).resolves.toBe(`找到 ${found.length} 条条款`);
  await page.context().close();
});
