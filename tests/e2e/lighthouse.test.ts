/**
 * Lighthouse (mobile preset, Debian Chromium) on the key page types:
 * accessibility, best practices and SEO must be 100. Performance, LCP, TBT
 * and CLS are reported by `npm run bench`, not asserted here.
 */
import { expect, test } from 'vitest';
import { runLighthouse, lighthousePages } from '../../scripts/lib/lighthouse.ts';

test('accessibility, best practices and SEO are 100 on every key page', { timeout: 300_000 }, async () => {
  const pages = lighthousePages('dist');
  // Every key page type is there to check (any library has a home, documents, a glossary and topics).
  expect(
    pages.filter(
      (p) =>
        p.startsWith('policies/') || p.startsWith('glossary/') || p.startsWith('topics/') || p.startsWith('search/'),
    ).length,
  ).toBe(5);
  const scores = await runLighthouse({
    pages,
    presets: ['mobile'],
    categories: ['accessibility', 'best-practices', 'seo'],
  });
  expect(scores.length).toBe(pages.length);
  for (const s of scores) {
    expect({
      page: s.page,
      accessibility: s.accessibility,
      bestPractices: s.bestPractices,
      seo: s.seo,
      failing: s.failing,
    }).toEqual({ page: s.page, accessibility: 100, bestPractices: 100, seo: 100, failing: [] });
  }
});
