/** Glossary: terms marked in the text, tooltips by mouse, keyboard and touch, with and without JS; glossary pages. */
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSite, type Site, DOCS } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const html = (p: string) => readFileSync(`dist/${p}`, 'utf8');
const DATONG = 'policies/datong-gaozhiliang/';
const TIP = '.term:has(> a[href$="/glossary/liangge-yunxu/"])';

describe('terms in the built text', () => {
  test('no document page marks a term inside a heading', () => {
    for (const slug of DOCS)
      expect(html(`policies/${slug}/index.html`), slug).not.toMatch(/<h[1-6][^>]*>(?:(?!<\/h[1-6]>).)*class="term"/s);
  });
  test('大同 carries the glossary terms its text uses', () => {
    const h = html('policies/datong-gaozhiliang/index.html');
    expect((h.match(/class="term"/g) ?? []).length).toBeGreaterThan(5);
    expect(h).toContain('href="/glossary/liangge-yunxu/"');
  });
  test('the spelled-out 两个允许 in the Guangdong and 昌平 texts leads to the 两个允许 entry', () => {
    const long =
      '允许医疗卫生机构突破现行事业单位工资调控水平，允许医疗服务收入扣除成本并按规定提取各项基金后主要用于人员奖励';
    for (const slug of ['guangdong-yigongti', 'changping-gaozhiliang']) {
      expect(html(`policies/${slug}/index.html`)).toContain(
        `<a class="term-link" href="/glossary/liangge-yunxu/" aria-describedby="g`,
      );
      expect(html(`policies/${slug}/index.html`)).toMatch(
        new RegExp(`href="/glossary/liangge-yunxu/"[^>]*>${long}</a>`),
      );
    }
  });
  test('DRG and its spelled-out form lead to the same entry', () => {
    expect(html('policies/datong-gaozhiliang/index.html')).toMatch(
      /href="\/glossary\/drg\/"[^>]*>按疾病诊断相关分组（DRG）付费<\/a>|href="\/glossary\/drg\/"[^>]*>DRG/,
    );
    expect(html('policies/changping-gaozhiliang/index.html')).toContain('href="/glossary/drg/"');
  });
  test('tooltip text is kept out of the search index', () => {
    const h = html('policies/datong-gaozhiliang/index.html');
    const tips = h.match(/<span class="term-tip"[^>]*>/g) ?? [];
    expect(tips.length).toBeGreaterThan(0);
    for (const t of tips) expect(t).toContain('data-pagefind-ignore');
  });
  test('term pages list every occurrence in the library, grouped by document, with clause links', () => {
    const counts = new Map<string, number>();
    for (const slug of DOCS)
      for (const m of html(`policies/${slug}/index.html`).matchAll(/class="term-link" href="\/glossary\/([^/]+)\//g))
        counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
    for (const id of readdirSync('dist/glossary').filter((d) => !d.includes('.'))) {
      const page = html(`glossary/${id}/index.html`);
      const total = Number(/在本库中的出现（(\d+) 处）/.exec(page)?.[1]);
      expect(total, id).toBe(counts.get(id) ?? 0);
      const links = page.split('id="uses"')[1].match(/href="\/policies\/[^"]+#[a-z0-9-]+"/g) ?? [];
      expect(links.length, id).toBe(total);
    }
  });
});

describe('tooltips in the browser', () => {
  test('hover shows the definition without moving the text; Escape hides it', async () => {
    const page = await site.page();
    await page.goto(site.url(`${DATONG}#s3-4-15`));
    const term = page.locator(TIP);
    const tip = term.locator('.term-tip');
    const next = page.locator('#s3-4-16');
    const before = await next.boundingBox();
    await expect(tip.isVisible()).resolves.toBe(false);
    await term.locator('.term-link').hover();
    await expect(tip.isVisible()).resolves.toBe(true);
    await expect(tip.textContent()).resolves.toContain('允许医疗卫生机构突破现行事业单位工资调控水平');
    expect(await next.boundingBox()).toEqual(before);
    await page.keyboard.press('Escape');
    await expect(tip.isVisible()).resolves.toBe(false);
    await page.context().close();
  });

  test('keyboard focus shows it, and screen readers get it as the description', async () => {
    const page = await site.page();
    await page.goto(site.url(DATONG));
    const link = page.locator(`${TIP} .term-link`);
    await link.focus();
    await expect(page.locator(`${TIP} .term-tip`).isVisible()).resolves.toBe(true);
    const description = await link.evaluate(
      (el) => document.getElementById(el.getAttribute('aria-describedby')!)?.textContent,
    );
    expect(description).toContain('两个允许');
    const snapshot = await page.locator(`${TIP}`).ariaSnapshot();
    expect(snapshot).toContain('link "两个允许"');
    await page.context().close();
  });

  test('touch: a tap opens the tip instead of leaving; a tap elsewhere closes it; a second tap opens the entry', async () => {
    const page = await site.page({ hasTouch: true, isMobile: true, viewport: { width: 375, height: 740 } });
    await page.goto(site.url(DATONG));
    const term = page.locator(TIP);
    await term.locator('.term-link').tap();
    await expect(term.locator('.term-tip').isVisible()).resolves.toBe(true);
    expect(page.url()).toBe(site.url(DATONG));
    const tipBox = await term.locator('.term-tip').boundingBox();
    expect(tipBox!.x).toBeGreaterThanOrEqual(0);
    expect(tipBox!.x + tipBox!.width).toBeLessThanOrEqual(375);
    await page.locator('h1').tap();
    await expect(term.locator('.term-tip').isVisible()).resolves.toBe(false);
    await term.locator('.term-link').tap();
    await term.locator('.term-link').tap();
    await page.waitForURL(/\/glossary\/liangge-yunxu\/$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('两个允许');
    await page.context().close();
  });

  test('without JavaScript, hover and focus still show the tip and the link leads to the entry', async () => {
    const page = await site.page({ javaScriptEnabled: false });
    await page.goto(site.url(DATONG));
    const term = page.locator(TIP);
    await term.locator('.term-link').hover();
    await expect(term.locator('.term-tip').isVisible()).resolves.toBe(true);
    await term.locator('.term-link').click();
    await expect(page.locator('h1').textContent()).resolves.toBe('两个允许');
    await page.context().close();
  });
});

describe('glossary pages', () => {
  test('the index groups by category, orders by pinyin, and filters as you type', async () => {
    const page = await site.page();
    await page.goto(site.url('glossary/'));
    // As many groups as the entries have categories, as many items as there are entries (read from src/content/glossary).
    const entries = readdirSync('src/content/glossary')
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(`src/content/glossary/${f}`, 'utf8')) as { category: string });
    const groups = await page.locator('[data-glossary-group]').count();
    expect(groups).toBe(new Set(entries.map((e) => e.category)).size);
    const collator = new Intl.Collator('zh-CN-u-co-pinyin', { sensitivity: 'base', numeric: true });
    for (const g of await page.locator('[data-glossary-group]').all()) {
      const terms = await g.locator('[data-glossary-item] strong').allTextContents();
      expect(terms).toEqual([...terms].sort(collator.compare));
    }
    const total = await page.locator('[data-glossary-item]').count();
    expect(total).toBe(entries.length);
    await page.getByLabel('筛选术语').fill('drg');
    const shown = await page.locator('[data-glossary-item]:visible strong').allTextContents();
    expect(shown).toContain('DRG付费');
    expect(shown.length).toBeLessThan(total);
    await expect(page.locator('[data-glossary-count]').textContent()).resolves.toBe(`找到 ${shown.length} 条`);
    await page.context().close();
  });

  test('a term page shows definition, English, source, related terms and occurrences that land on the clause', async () => {
    const page = await site.page();
    await page.goto(site.url('glossary/liangge-yunxu/'));
    await expect(page.locator('h1').textContent()).resolves.toBe('两个允许');
    await expect(page.locator('dl').textContent()).resolves.toContain('人社部发〔2017〕10号');
    await expect(page.locator('dd a').count()).resolves.toBeGreaterThan(0);
    await page.locator('#uses ~ ul a', { hasText: '第三部分（四）第15项' }).first().click();
    await page.waitForURL(/datong-gaozhiliang\/\?hl=[^#]+#s3-4-15$/);
    const box = await page.locator('#s3-4-15').boundingBox();
    expect(box!.y).toBeLessThan(200);
    await page.context().close();
  });
});
