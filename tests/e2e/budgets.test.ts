/**
 * Page-weight budgets, measured in the browser on a document page's first
 * load (before any search) and on the first search query. Speed is reported
 * by `npm run bench`; bytes are asserted here.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSite, type Site, DOCS } from './harness.ts';
import { measureLoad, measureFirstQuery } from '../../scripts/lib/measure.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

/**
 * The page frame (head, header, footer, metadata block, provenance headings)
 * is a fixed cost of about 8 KB whatever the document; a short notice's text
 * cannot amortise it, so the frame is allowed on top of the per-text budget.
 */
const FRAME_BYTES = 8 * 1024;

describe('document pages, first load', () => {
  test.each(DOCS)(
    '%s: HTML ≤ 2.5 × its visible text + the frame, CSS ≤ 20 KiB, JS ≤ 9 KiB, no fonts, no images, no other hosts',
    async (slug) => {
      const m = await measureLoad(site, `policies/${slug}/`);
      // Visible text: what the reader sees, including the glossary definitions shown on hover and focus.
      expect(m.htmlBytes).toBeLessThanOrEqual(2.5 * (m.visibleTextBytes + m.tooltipTextBytes) + FRAME_BYTES);
      expect(m.cssBytes).toBeLessThanOrEqual(20 * 1024);
      // 9 KiB since the outline tracks the current section (phone bar) and the tools decode fragments safely;
      // the largest single part is Vite's preload helper (≈ 1.7 KiB) for the two lazily loaded modules.
      expect(m.jsBytes).toBeLessThanOrEqual(9 * 1024);
      expect(m.fontRequests).toEqual([]);
      expect(m.imageRequests.filter((u) => !u.endsWith('/favicon.svg'))).toEqual([]);
      expect(m.otherHosts).toEqual([]);
    },
  );
});

describe('search', () => {
  test('the first query fetches at most 200 KiB beyond the page', async () => {
    const m = await measureFirstQuery(site, 'policies/datong-gaozhiliang/', '薪酬制度改革');
    expect(m.results).toBeGreaterThan(0);
    expect(m.bytes).toBeLessThanOrEqual(200 * 1024);
  });
});
