/**
 * The unseen query set (search-queries-unseen.json): queries by class (English names, document
 * numbers and full-width input, agencies, Traditional characters, titles, near misses, ranking),
 * with ground truth computed from the source data (query-truth.ts, unseenTruth). In the browser,
 * on the search page and in the header popup: every expected clause found, nothing else.
 * Also the landing page's marks and the grouping of results.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openSite, type Site } from './harness.ts';
import { sourceClauses, unseenTruth } from './query-truth.ts';

const set = JSON.parse(readFileSync('tests/e2e/search-queries-unseen.json', 'utf8')) as Record<
  string,
  string[] | string
>;
const cases = Object.entries(set)
  .filter(([k]) => !k.startsWith('$'))
  .flatMap(([cls, qs]) => (qs as string[]).map((q) => ({ cls, q })));
const truth = unseenTruth();
const source = new Map(sourceClauses().map((c) => [c.key, c]));
const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
/** As the header shows them (src/scripts/search/header.ts). */
const HEADER_SHOWN = 8;
const HEADER_DOCUMENTS = 3;

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const keyOf = (href: string) => {
  const u = new URL(href, 'http://x/');
  const m = /\/policies\/([^/]+)\/$/.exec(u.pathname);
  return m ? `${m[1]}#${decodeURIComponent(u.hash.slice(1))}` : null;
};

/** The search page's clause results for q, after asking for every further document. */
async function searchPage(q: string): Promise<{ page: Page; clauses: string[] }> {
  const page = await site.page();
  await page.goto(site.url(`search/?q=${encodeURIComponent(q)}`));
  await page.waitForFunction(() =>
    /找到|没有/.test(document.querySelector('[data-search-page-status]')?.textContent ?? ''),
  );
  // Every matching clause can be reached: the "more" button checks the next documents until none are left.
  for (let i = 0; i < 200 && (await page.locator('[data-search-more]').count()); i++) {
    const before = await page.locator('[data-search-page-results] li').count();
    await page.locator('[data-search-more]').click();
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('[data-search-page-results] li').length !== n ||
        !document.querySelector('[data-search-more]'),
      before,
    );
  }
  const items = await page.locator('[data-search-page-results] li[data-kind="clause"]').evaluateAll((els) =>
    els.map((e) => ({
      rank: Number((e as HTMLElement).dataset.rank),
      key: `${(e as HTMLElement).dataset.slug}#${(e as HTMLElement).dataset.anchor}`,
    })),
  );
  return { page, clauses: items.sort((a, b) => a.rank - b.rank).map((i) => i.key) };
}

describe('unseen query set', () => {
  test('covers every class with several queries, each with a computed truth', () => {
    for (const cls of ['english', 'docnumber', 'agency', 'traditional', 'title', 'nearmiss', 'ranking']) {
      const qs = cases.filter((c) => c.cls === cls);
      expect(qs.length, cls).toBeGreaterThanOrEqual(5);
      // A class is only tested if its queries have something to find (or, near misses, to suggest).
      expect(
        qs.filter(({ q }) => (cls === 'nearmiss' ? truth(q).suggestions.length : truth(q).expect.length) > 0).length,
        cls,
      ).toBeGreaterThanOrEqual(3);
    }
  });

  test.each(cases)('search page, $cls: $q', async ({ cls, q }) => {
    const t = truth(q);
    const { page, clauses } = await searchPage(q);
    // 100 % recall and precision.
    expect([...clauses].sort(), q).toEqual([...t.expect].sort());
    const status = await page.locator('[data-search-page-status]').textContent();
    if (t.expect.length) expect(status).toBe(`找到 ${t.expect.length} 条条款`);
    if (t.simplified)
      await expect(page.locator('[data-search-simplified]').textContent()).resolves.toBe(
        `已按简体“${t.simplified}”检索`,
      );
    else expect(await page.locator('[data-search-simplified]').count()).toBe(0);
    if (!t.expect.length && t.suggestions.length) {
      const offered = await page.locator('[data-search-suggest] a').allTextContents();
      expect(new Set(offered)).toEqual(new Set(t.suggestions));
    }
    // Ranking: clauses with the parts as searched come before clauses found only through another form.
    const typed = (key: string) =>
      t.parts.every(
        (p) => source.get(key)!.text.includes(fold(p)) || source.get(key)!.agencies.some((a) => fold(a) === fold(p)),
      );
    const firstOther = clauses.findIndex((k) => !typed(k));
    if (firstOther !== -1)
      expect(clauses.slice(firstOther).filter(typed), `${q}: typed form after another form`).toEqual([]);
    // Titles land on their heading: a title is the first result.
    if (cls === 'title') expect(t.titles, q).toContain(clauses[0]);
    // Grouping: no document shows more than three clauses before the next document's best.
    for (const n of await page
      .locator('.search-doc > ol.search-results')
      .evaluateAll((els) => els.map((e) => e.children.length)))
      expect(n).toBeLessThanOrEqual(3);
    if (cls === 'agency' && t.expect.length) {
      const link = page.locator('.search-term a[href*="/agencies/"]');
      const href = await link.getAttribute('href');
      await page.goto(new URL(href!, page.url()).toString());
      await expect(page.locator('main h1').textContent()).resolves.toBe(q);
    }
    await page.context().close();
  });

  test.each(cases)('header popup, $cls: $q', async ({ cls, q }) => {
    const t = truth(q);
    const page = await site.page();
    await page.goto(site.url(''));
    await page.locator('#site-search-input').fill(q);
    await page.waitForFunction(
      (query) =>
        document.querySelector<HTMLElement>('#site-search-popup')?.dataset.query === query &&
        !document.querySelector<HTMLElement>('#site-search-popup')!.hidden,
      q,
    );
    const popup = page.locator('#site-search-popup');
    const shown = (
      await popup.locator('a[role="option"]').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''))
    )
      .map(keyOf)
      .filter((k): k is string => !!k);
    // Precision: everything shown is expected.
    for (const k of shown) expect(t.expect, `${q}: ${k}`).toContain(k);
    // Recall: the popup checks the best few documents; when the expected clauses lie within them, it shows them all (up to its limit).
    const docs = new Set(t.expect.map((k) => k.split('#')[0]));
    if (docs.size <= HEADER_DOCUMENTS) expect(shown.length, q).toBe(Math.min(HEADER_SHOWN, t.expect.length));
    else expect(shown.length, q).toBeGreaterThanOrEqual(Math.min(HEADER_SHOWN, HEADER_DOCUMENTS));
    if (cls === 'title') expect(t.titles, q).toContain(shown[0]);
    if (t.simplified)
      await expect(popup.locator('[data-search-simplified]').textContent()).resolves.toBe(
        `已按简体“${t.simplified}”检索`,
      );
    if (!t.expect.length && t.suggestions.length)
      expect(new Set(await popup.locator('[data-search-suggest] a').allTextContents())).toEqual(new Set(t.suggestions));
    // The count is of clauses; when documents are left unchecked the popup says so instead of a count.
    const all = t.expect.length ? await popup.locator('.search-all').textContent() : null;
    if (all !== null)
      expect(all === '在检索页查看更多结果' || all === `查看全部 ${t.expect.length} 条条款`, `${q}: ${all}`).toBe(true);
    await page.context().close();
  });
});

describe('landing', () => {
  /** The clause element a landing URL targets, and the marks in it. */
  const marksAt = async (page: Page) => {
    // The marking code loads after the page (only for ?hl= URLs).
    await page.locator('mark.search-hit').first().waitFor();
    return marksIn(page);
  };
  const marksIn = async (page: Page) =>
    page.evaluate(() => {
      const target = document.getElementById(decodeURIComponent(location.hash.slice(1)))!;
      const scope = target.closest('section.provision') ?? target;
      return [...scope.querySelectorAll('mark.search-hit')].map((m) => m.textContent ?? '');
    });

  test('a result found through other forms of an English name marks those forms', async () => {
    const q = 'Diagnosis-Related Groups (DRG) payment';
    const { page, clauses } = await searchPage(q);
    expect(clauses.length).toBeGreaterThan(0);
    const entry = JSON.parse(readFileSync('src/content/glossary/drg.json', 'utf8')) as {
      term: string;
      aliases: string[];
    };
    const forms = [entry.term, ...entry.aliases].map(fold);
    await page.locator('[data-search-page-results] li[data-kind="clause"] a').first().click();
    await page.waitForURL(/#/);
    const marks = await marksAt(page);
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(forms).toContain(fold(m));
    await page.context().close();
  });

  test("a phrase that runs into a glossary term's link is marked whole, across the elements", async () => {
    const page = await site.page();
    await page.goto(site.url('policies/guangdong-yigongti/'));
    // Mechanically: the first term link in a paragraph with at least three characters of plain text before it.
    const found = await page.evaluate(() => {
      for (const link of document.querySelectorAll('.policy-text p .term > a.term-link')) {
        const prev = link.parentElement!.previousSibling;
        const before = prev && prev.nodeType === Node.TEXT_NODE ? (prev.textContent ?? '').replace(/\s+/g, '') : '';
        const own = (link.textContent ?? '').replace(/\s+/g, '');
        const anchor =
          link.closest('p.para[id]')?.id ??
          link.closest('section.provision')?.querySelector(':scope > .clause-head > [id]')?.id;
        if (before.length >= 3 && own.length >= 2 && anchor && !/[，。、“”（）《》\d]/.test(before.slice(-3)))
          return { phrase: before.slice(-3) + own.slice(0, 2), anchor };
      }
      return null;
    });
    expect(found).not.toBeNull();
    await page.context().close();
    const { page: results, clauses } = await searchPage(found!.phrase);
    expect(clauses).toContain(`guangdong-yigongti#${found!.anchor}`);
    await results
      .locator(
        `[data-search-page-results] li[data-kind="clause"][data-slug="guangdong-yigongti"][data-anchor="${found!.anchor}"] a`,
      )
      .click();
    await results.waitForURL(/#/);
    const marks = await marksAt(results);
    expect(marks.join('')).toContain(found!.phrase);
    expect(marks.length).toBeGreaterThanOrEqual(2);
    await results.context().close();
  });

  test.each(['light', 'dark'] as const)('the marks stand out from the highlighted clause (%s theme)', async (theme) => {
    const page = await site.page({ colorScheme: theme });
    await page.goto(site.url(`search/?q=${encodeURIComponent('双带头人')}`));
    await page.locator('[data-search-page-results] li[data-kind="clause"] a').first().click();
    await page.waitForURL(/#/);
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    await page.waitForTimeout(2600); // the landing flash animation ends
    const colours = await page.evaluate(() => {
      const target = document.getElementById(decodeURIComponent(location.hash.slice(1)))!;
      const scope = target.closest('section.provision') ?? target;
      const mark = scope.querySelector('mark.search-hit')!;
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      return {
        mark: rgb(getComputedStyle(mark).backgroundColor),
        text: rgb(getComputedStyle(mark).color),
        clause: rgb(getComputedStyle(scope).backgroundColor),
      };
    });
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const contrast = (a: number[], b: number[]) => {
      const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
      return (x + 0.05) / (y + 0.05);
    };
    expect(contrast(colours.mark, colours.text), 'mark text on its background').toBeGreaterThanOrEqual(4.5);
    expect(
      contrast(colours.mark, colours.clause),
      `mark ${colours.mark} vs clause ${colours.clause}`,
    ).toBeGreaterThanOrEqual(1.5);
    await page.context().close();
  });

  test('links from a glossary term page land with the term marked', async () => {
    const page = await site.page();
    await page.goto(site.url('glossary/'));
    // The first entry whose page lists occurrences.
    const entries = await page
      .locator('main a[href*="/glossary/"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('href')!).filter((h) => /\/glossary\/[^/]+\/$/.test(h)));
    let checked = false;
    for (const href of entries.slice(0, 10)) {
      await page.goto(new URL(href, page.url()).toString());
      const link = page.locator('.occurrences li a').first();
      if (!(await link.count())) continue;
      const form = (await page.locator('.occurrences li blockquote mark').first().textContent())!;
      await link.click();
      await page.waitForURL(/#/);
      const marks = await marksAt(page);
      expect(marks.map(fold)).toContain(fold(form));
      checked = true;
      break;
    }
    expect(checked).toBe(true);
    await page.context().close();
  });
});
