/** Search: the query set (recall in the top 10, no result without the query), the header field, the search page. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSite, type Site, DOCS } from './harness.ts';
import { clauseTexts, queryForms } from './query-truth.ts';
import queries from './search-queries.json' with { type: 'json' };

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const texts = clauseTexts();
const alternatives = queryForms();

async function searchPage(q: string, extra = '') {
  const page = await site.page();
  await page.goto(site.url(`search/?q=${encodeURIComponent(q)}${extra}`));
  await page.waitForFunction(() =>
    /找到|没有/.test(document.querySelector('[data-search-page-status]')?.textContent ?? ''),
  );
  const items = await page.locator('[data-search-page-results] li[data-kind="clause"]').evaluateAll((els) =>
    els.map((e) => ({
      rank: Number((e as HTMLElement).dataset.rank),
      key: `${(e as HTMLElement).dataset.slug}#${(e as HTMLElement).dataset.anchor}`,
    })),
  );
  return { page, clauses: items.sort((a, b) => a.rank - b.rank).map((i) => i.key) };
}

/** The documents the query set was written for (its expectations name them). */
const SET_DOCUMENTS = new Set(queries.flatMap((x) => x.expect.map((k) => k.split('#')[0])));

describe('query set', () => {
  test(`has at least 30 queries with expected clauses that exist`, () => {
    expect(queries.length).toBeGreaterThanOrEqual(30);
    for (const { expect: exp } of queries) for (const key of exp) expect(texts.has(key), key).toBe(true);
  });
  test.each(queries)(
    '$q: expected clauses in the top 10 of their documents, and every result contains the query',
    async ({ q, expect: expected }) => {
      const { page, clauses } = await searchPage(q);
      // The top 10 among the documents the set names: documents added later may rightly rank above
      // them (exact matches come newest first), and must not fail a set written before they came.
      const top = clauses.filter((k) => SET_DOCUMENTS.has(k.split('#')[0])).slice(0, 10);
      for (const key of expected) expect(top, `${q} → ${key}`).toContain(key);
      for (const key of clauses) {
        const text = texts.get(key)!;
        for (const part of q.split(/\s+/))
          expect(
            alternatives(part).some((a) => text.includes(a)),
            `${q}: ${key} lacks "${part}"`,
          ).toBe(true);
      }
      await page.context().close();
    },
  );
});

describe('order of exact matches', () => {
  test('Pagefind returns exact-phrase matches newest document first (the order the engine checks them in)', async () => {
    // Dates as the document pages carry them; a document with only a year counts as that year's start.
    const { readdirSync, readFileSync } = await import('node:fs');
    const newest = readdirSync('dist/policies')
      .map((slug) => {
        const html = readFileSync(`dist/policies/${slug}/index.html`, 'utf8');
        const date = /data-doc-date="([^"]*)"/.exec(html)?.[1] || `${/data-doc-year="(\d+)"/.exec(html)![1]}-00-00`;
        return { slug, date };
      })
      .sort((a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug))
      .map((d) => `/policies/${d.slug}/`);
    const page = await site.page();
    await page.goto(site.url(''));
    // A string, not a function: vitest would rewrite a function's import() for Node.
    const order = await page.evaluate(`(async () => {
      const pf = await import('/pagefind/pagefind.js');
      await pf.options({ baseUrl: '/', noWorker: true });
      const r = await pf.search('"医院"');
      const urls = await Promise.all(r.results.map(async (x) => (await x.data()).url));
      return urls.filter((u) => u.startsWith('/policies/'));
    })()`);
    expect(order).toEqual(newest);
    await page.context().close();
  });
});

describe('header search', () => {
  test('"/" focuses the field; typing shows results grouped by document with the glossary entry first; Enter on a clause lands on it highlighted', async () => {
    const page = await site.page();
    await page.goto(site.url('policies/shaoxing-2019/'));
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search-input');
    await page.keyboard.type('双带头人');
    const popup = page.locator('#site-search-popup');
    await popup.waitFor({ state: 'visible' });
    const options = popup.locator('[role="option"]');
    await expect(options.first().textContent()).resolves.toContain('术语：双带头人');
    await expect(page.locator('[data-search-status]').textContent()).resolves.toMatch(/找到 \d+ 条条款/);
    await expect(popup.locator('[role="group"]').nth(1).getAttribute('aria-label')).resolves.toMatch(/高质量发展方案/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = options.nth(1);
    await expect(second.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator('#site-search-input').getAttribute('aria-activedescendant')).resolves.toBe(
      await second.getAttribute('id'),
    );
    const href = await second.getAttribute('href');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.toString().includes('#s'));
    expect(page.url()).toContain(href!.split('?')[0]);
    const hash = new URL(page.url()).hash.slice(1);
    const marks = page.locator(`section.provision:has(> .clause-head > #${hash}) mark.search-hit`);
    await expect(marks.count()).resolves.toBeGreaterThan(0);
    await expect(marks.first().textContent()).resolves.toBe('双带头人');
    await page.context().close();
  });

  test.each([
    ['the search code already loaded', true],
    ['the search code loading mid-composition', false],
  ])(
    'typing through an input method (%s): no search for the pinyin being composed, results once the word is chosen',
    async (_case, loadedFirst) => {
      const page = await site.page();
      await page.goto(site.url(''));
      if (loadedFirst) {
        await page.locator('#site-search-input').focus();
        await page.locator('form[data-search-form][data-ready]').waitFor({ state: 'attached' });
      }
      // The events an input method sends (dispatched: driving Chromium's IME through CDP is not
      // deterministic). Without focus first, the first input event starts loading the search code.
      await page.evaluate(async () => {
        const input = document.querySelector<HTMLInputElement>('#site-search-input')!;
        input.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
        for (const text of ['y', 'yi', 'yigong', 'yigongti']) {
          input.value = text;
          input.dispatchEvent(
            new InputEvent('input', {
              data: text,
              inputType: 'insertCompositionText',
              isComposing: true,
              bubbles: true,
            }),
          );
          await new Promise((r) => setTimeout(r, 30));
        }
      });
      await page.locator('form[data-search-form][data-ready]').waitFor({ state: 'attached' });
      await page.waitForTimeout(400);
      const popup = page.locator('#site-search-popup');
      expect(
        await popup.isHidden(),
        `popup for "${await page.locator('#site-search-input').inputValue()}": ${await popup.textContent()}`,
      ).toBe(true);
      await expect(page.locator('[data-search-status]').textContent()).resolves.toBe('');
      await page.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('#site-search-input')!;
        input.value = '医共体';
        input.dispatchEvent(
          new InputEvent('input', {
            data: '医共体',
            inputType: 'insertCompositionText',
            isComposing: true,
            bubbles: true,
          }),
        );
        input.dispatchEvent(new CompositionEvent('compositionend', { data: '医共体' }));
      });
      await page.locator('#site-search-popup [role="option"]').first().waitFor();
      await expect(page.locator('[data-search-status]').textContent()).resolves.toMatch(/找到 \d+ 条条款/);
      await page.context().close();
    },
  );

  test('Escape closes the results; a query with nothing gives a clear message', async () => {
    const page = await site.page();
    await page.goto(site.url(''));
    await page.locator('#site-search-input').fill('量子计算');
    await page.locator('#site-search-popup').waitFor({ state: 'visible' });
    await expect(page.locator('#site-search-popup').textContent()).resolves.toContain('没有找到包含“量子计算”的条款');
    await page.keyboard.press('Escape');
    await expect(page.locator('#site-search-popup').isVisible()).resolves.toBe(false);
    await page.context().close();
  });

  test('search code is fetched only when the reader starts to search', async () => {
    const page = await site.page();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(r.url()));
    await page.goto(site.url('policies/datong-gaozhiliang/'));
    await page.waitForLoadState('networkidle');
    expect(fetched.filter((u) => /pagefind|header\.|glossary-forms/.test(u))).toEqual([]);
    await page.locator('#site-search-input').fill('医共体');
    await page.locator('#site-search-popup').waitFor({ state: 'visible' });
    expect(fetched.some((u) => u.includes('pagefind/pagefind.js'))).toBe(true);
    await page.context().close();
  });
});

describe('search page', () => {
  test('filters narrow the results and are kept in a shareable URL', async () => {
    const { page, clauses } = await searchPage('分级诊疗');
    expect(new Set(clauses.map((k) => k.split('#')[0])).size).toBeGreaterThan(2);
    await page.getByLabel('大同高质量发展方案').check();
    await page.waitForFunction(() => location.search.includes('%E6%96%87%E4%BB%B6'));
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-search-page-results] li[data-kind="clause"]')].every(
        (li) => (li as HTMLElement).dataset.slug === 'datong-gaozhiliang',
      ),
    );
    const shared = page.url();
    await page.context().close();
    const again = await site.page();
    await again.goto(shared);
    await again.waitForSelector('[data-search-page-results] li');
    const slugs = await again
      .locator('[data-search-page-results] li[data-kind="clause"]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.slug));
    expect(new Set(slugs)).toEqual(new Set(['datong-gaozhiliang']));
    await expect(again.getByLabel('大同高质量发展方案').isChecked()).resolves.toBe(true);
    await again.context().close();
  });

  test('a glossary query shows the entry first and finds the other forms', async () => {
    const { page, clauses } = await searchPage('两个允许');
    await expect(page.locator('.search-term h2').textContent()).resolves.toContain('两个允许');
    expect(clauses).toContain('guangdong-yigongti#s3-5');
    await page.context().close();
  });

  test('without JavaScript the search page says so and offers the other ways in; the header form leads there', async () => {
    const page = await site.page({ javaScriptEnabled: false });
    await page.goto(site.url(''));
    await page.locator('#site-search-input').fill('医共体');
    await page.locator('#site-search-input').press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await expect(page.locator('[data-search-nojs]').textContent()).resolves.toContain('检索需要启用 JavaScript');
    await expect(page.locator('[data-search-nojs] a[href="/glossary/"]').count()).resolves.toBe(1);
    await expect(page.locator('[data-search-nojs] a[href$="#toc"]').count()).resolves.toBe(DOCS.length);
    await page.context().close();
  });
});
