/**
 * Browser measurements shared by the budget tests and `npm run bench`:
 * bytes of a page's first load by kind, and the cost of the first search.
 * Bytes are decoded (uncompressed) body sizes, as served from dist/.
 */
import type { Page } from 'playwright-core';
import type { Site } from './site.ts';

export interface LoadMeasure {
  htmlBytes: number;
  visibleTextBytes: number;
  /** Text of the glossary tooltips (shown on hover/focus, not counted by innerText). */
  tooltipTextBytes: number;
  cssBytes: number;
  jsBytes: number;
  fontRequests: string[];
  imageRequests: string[];
  otherHosts: string[];
  requests: number;
}

const utf8 = (s: string) => new TextEncoder().encode(s).length;

function track(page: Page, origin: string) {
  const seen: { url: string; type: string; bytes: Promise<number> }[] = [];
  page.on('response', (r) => {
    const req = r.request();
    seen.push({
      url: r.url(),
      type: req.resourceType(),
      bytes: r
        .body()
        .then((b) => b.length)
        .catch(() => 0),
    });
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:'))
      seen.push({ url: r.url(), type: 'other-host', bytes: Promise.resolve(0) });
  });
  return seen;
}

export async function measureLoad(site: Site, path: string): Promise<LoadMeasure> {
  const page = await site.page({ viewport: { width: 412, height: 823 } });
  const origin = new URL(site.url()).origin;
  const seen = track(page, origin);
  await page.goto(site.url(path), { waitUntil: 'networkidle' });
  const inline = await page.evaluate(() => ({
    js: [...document.querySelectorAll('script:not([src])')].reduce(
      (n, s) => n + new TextEncoder().encode(s.textContent ?? '').length,
      0,
    ),
    css: [...document.querySelectorAll('style')].reduce(
      (n, s) => n + new TextEncoder().encode(s.textContent ?? '').length,
      0,
    ),
    text: document.body.innerText,
    tips: [...document.querySelectorAll('.term-tip')].map((t) => t.textContent ?? '').join(''),
  }));
  const sized = await Promise.all(seen.map(async (s) => ({ ...s, size: await s.bytes })));
  await page.context().close();
  const sum = (t: string) => sized.filter((s) => s.type === t).reduce((n, s) => n + s.size, 0);
  return {
    htmlBytes: sum('document'),
    visibleTextBytes: utf8(inline.text),
    tooltipTextBytes: utf8(inline.tips),
    cssBytes: sum('stylesheet') + inline.css,
    jsBytes: sum('script') + inline.js,
    fontRequests: sized.filter((s) => s.type === 'font').map((s) => s.url),
    imageRequests: sized.filter((s) => s.type === 'image').map((s) => s.url),
    otherHosts: sized.filter((s) => s.type === 'other-host').map((s) => s.url),
    requests: sized.length,
  };
}

export interface QueryMeasure {
  bytes: number;
  requests: number;
  ms: number;
  results: number;
  /** Index parts the query opened (their pagefind-entry.json), of a library indexed in parts. */
  parts: number;
}

/** Types a query into the header field on a loaded page: bytes fetched and time until results show. */
export async function measureFirstQuery(site: Site, path: string, query: string): Promise<QueryMeasure> {
  const page = await site.page();
  await page.goto(site.url(path), { waitUntil: 'networkidle' });
  const origin = new URL(site.url()).origin;
  const seen = track(page, origin);
  const t0 = Date.now();
  await page.locator('#site-search-input').fill(query);
  await page.locator('#site-search-popup').waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle');
  const ms = Date.now() - t0;
  const results = await page.locator('#site-search-popup [role="option"]').count();
  const sizes = await Promise.all(seen.map((s) => s.bytes));
  await page.context().close();
  const parts = new Set(seen.filter((s) => s.url.includes('/pagefind-entry.json')).map((s) => s.url.split('?')[0]))
    .size;
  return { bytes: sizes.reduce((a, b) => a + b, 0), requests: seen.length, ms, results, parts };
}

/**
 * Latency of queries once search is loaded: the time from typing to the
 * results being shown, per query, measured in the page.
 */
export async function measureWarmQueries(
  site: Site,
  queries: string[],
): Promise<{ query: string; ms: number; results: number }[]> {
  const page = await site.page();
  await page.goto(site.url('search/'), { waitUntil: 'networkidle' });
  const input = page.locator('#site-search-input');
  await input.fill('医院');
  await page.locator('#site-search-popup').waitFor({ state: 'visible' });
  const out: { query: string; ms: number; results: number }[] = [];
  for (const q of queries) {
    await input.fill('');
    await page.waitForTimeout(50);
    const t0 = Date.now();
    await input.fill(q);
    // The popup says which query its results answer: earlier results that happen to contain the words do not count.
    await page.waitForFunction(
      (qq) => document.querySelector<HTMLElement>('#site-search-popup')?.dataset.query === qq,
      q,
    );
    out.push({
      query: q,
      ms: Date.now() - t0,
      results: await page.locator('#site-search-popup [role="option"]').count(),
    });
  }
  await page.context().close();
  return out;
}
