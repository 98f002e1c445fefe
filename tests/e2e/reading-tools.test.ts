/**
 * Reading on a phone and in print, with the keyboard, and the tools around the
 * text: the outline, tooltips near the screen edge, the source line.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSite, type Site } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const DATONG = 'policies/datong-gaozhiliang/';
const PHONE = { width: 390, height: 844 };
const THEMES = ['light', 'dark'] as const;

describe('the outline on a phone', () => {
  test.each(THEMES)(
    'the page opens on the title and the text; the outline is one tap away (%s)',
    async (colorScheme) => {
      const page = await site.page({ viewport: PHONE, colorScheme, hasTouch: true, isMobile: true });
      await page.goto(site.url(DATONG));
      const title = await page.locator('h1.doc-title').boundingBox();
      expect(title!.y).toBeLessThan(PHONE.height / 2);
      // The outline is folded away: none of its links shows until the bar is tapped.
      await expect(page.locator('.doc-toc nav').isVisible()).resolves.toBe(false);
      const bar = await page.locator('.doc-toc summary').boundingBox();
      expect(bar!.height).toBeLessThan(60);
      await page.locator('.doc-toc summary').tap();
      await expect(page.locator('.doc-toc a[href="#s3-4-15"]').isVisible()).resolves.toBe(true);
      await page.locator('.doc-toc a[href="#s3-4-15"]').tap();
      await expect.poll(() => new URL(page.url()).hash).toBe('#s3-4-15');
      // The outline folds again and the bar names the section being read; the clause is clear of the bar.
      await expect(page.locator('.doc-toc nav').isVisible()).resolves.toBe(false);
      await expect.poll(() => page.locator('.toc-current').textContent()).toBe('15.改革薪酬分配制度');
      const barNow = await page.locator('.doc-toc summary').boundingBox();
      const heading = await page.locator('#s3-4-15').boundingBox();
      expect(heading!.y).toBeGreaterThanOrEqual(barNow!.y + barNow!.height);
      await page.context().close();
    },
  );

  test('nothing floats over the text: every term on screen receives its own tap', async () => {
    const page = await site.page({ viewport: PHONE, hasTouch: true, isMobile: true });
    await page.goto(site.url(`${DATONG}#s3-4-15`));
    const covered = await page.evaluate(() => {
      const out: string[] = [];
      for (const a of document.querySelectorAll<HTMLElement>('.policy-text .term-link')) {
        const r = a.getBoundingClientRect();
        if (r.bottom < 60 || r.top > innerHeight - 2) continue; // off screen, or under the bar at the top edge by scrolling
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (!hit || !a.contains(hit)) out.push(`${a.textContent} covered by ${hit?.className}`);
      }
      return out;
    });
    expect(covered).toEqual([]);
    await expect(page.locator('.toc-jump').count()).resolves.toBe(0);
    await page.context().close();
  });

  test('the outline labels a document’s parts from its part data (附件1 …)', async () => {
    const page = await site.page();
    await page.goto(site.url('policies/guangdong-yigongti/'));
    const label = (id: string) => page.locator(`.doc-toc a[href="#${id}"]`).textContent();
    await expect(label('fj1')).resolves.toMatch(/^附件1　/u);
    await expect(label('fj2')).resolves.toMatch(/^附件2　/u);
    // A part whose title already says what it is is not labelled twice.
    await expect(label('tz')).resolves.toBe('印发通知');
    await page.context().close();
  });

  test('on a wide screen the outline stands open beside the text and marks the current section', async () => {
    const page = await site.page();
    await page.goto(site.url(`${DATONG}#s3-4-15`));
    await expect(page.locator('.doc-toc a[href="#s3-4-15"]').isVisible()).resolves.toBe(true);
    await expect.poll(() => page.locator('.doc-toc a[aria-current="location"]').getAttribute('href')).toBe('#s3-4-15');
    await page.context().close();
  });
});

describe('tooltips', () => {
  test.each([
    ['desktop', { width: 1280, height: 900 }],
    ['phone', PHONE],
  ] as const)('near the bottom edge a tip opens upwards, inside the screen (%s)', async (_name, viewport) => {
    const page = await site.page({ viewport });
    await page.goto(site.url(DATONG));
    // Put a term on the last line of the screen.
    const term = page.locator('.policy-text .term').nth(20);
    await term.evaluate((el) => {
      window.scrollBy(0, el.getBoundingClientRect().bottom - innerHeight + 4);
    });
    await term.locator('.term-link').hover();
    const tip = await term.locator('.term-tip').boundingBox();
    const box = await term.boundingBox();
    expect(tip!.y + tip!.height).toBeLessThanOrEqual(viewport.height);
    expect(tip!.y + tip!.height).toBeLessThanOrEqual(box!.y + 1);
    await page.context().close();
  });

  test('the hint in the bubble works: a click on the bubble opens the entry', async () => {
    const page = await site.page();
    await page.goto(site.url(DATONG));
    const term = page.locator('.policy-text .term').first();
    const target = await term.locator('.term-link').getAttribute('href');
    await term.locator('.term-link').hover();
    const hint = await term.locator('.term-tip').evaluate((el) => getComputedStyle(el, '::after').content);
    expect(hint).toBe('"点击查看词条"');
    await term.locator('.term-tip').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(target);
    await page.context().close();
  });

  test('without JavaScript the bubble makes no promise it cannot keep', async () => {
    const page = await site.page({ javaScriptEnabled: false });
    await page.goto(site.url(DATONG));
    const term = page.locator('.policy-text .term').first();
    await term.locator('.term-link').hover();
    await expect(term.locator('.term-tip').isVisible()).resolves.toBe(true);
    await expect(term.locator('.term-tip').evaluate((el) => getComputedStyle(el, '::after').content)).resolves.toBe(
      'none',
    );
    await page.context().close();
  });
});

describe('print', () => {
  test.each(THEMES)(
    'prints dark text on white, disclosures open without triangles, the real address (%s)',
    async (colorScheme) => {
      const page = await site.page({ colorScheme });
      await page.goto(site.url('policies/guangdong-yigongti/'));
      // Dark by the system, and also chosen with the theme button (data-theme).
      if (colorScheme === 'dark')
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(
          'rgb(255, 255, 255)',
        );
      await page.emulateMedia({ media: 'print' });
      const colours = await page.evaluate(() => ({
        body: getComputedStyle(document.body).backgroundColor,
        title: getComputedStyle(document.querySelector('h1')!).color,
        text: getComputedStyle(document.querySelector('.provision-body')!).color,
      }));
      expect(colours).toEqual({ body: 'rgb(255, 255, 255)', title: 'rgb(0, 0, 0)', text: 'rgb(0, 0, 0)' });
      await page.evaluate(() => {
        document.documentElement.dataset.theme = 'dark';
      });
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
      // The targets disclosure prints its list, and its summary has no marker.
      const details = page.locator('.doc-meta details');
      await expect(details.locator('ul').isVisible()).resolves.toBe(true);
      await expect(details.locator('summary').evaluate((el) => getComputedStyle(el).listStyleType)).resolves.toBe(
        'none',
      );
      await expect(page.locator('[data-page-address]').textContent()).resolves.toBe(
        site.url('policies/guangdong-yigongti/'),
      );
      await page.context().close();
    },
  );
});

describe('keyboard', () => {
  test('Escape closes the search popup and keeps the query', async () => {
    const page = await site.page();
    await page.goto(site.url(DATONG));
    const input = page.locator('#site-search-input');
    await input.click();
    await input.pressSequentially('医共体', { delay: 20 });
    await expect.poll(() => page.locator('#site-search-popup').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.locator('#site-search-popup').isVisible()).resolves.toBe(false);
    await expect(input.inputValue()).resolves.toBe('医共体');
    await page.context().close();
  });

  test('from the skip link, the first provision’s permalink is a few Tab stops away', async () => {
    const page = await site.page();
    await page.goto(site.url('policies/guangdong-yigongti/'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    let stops = 0;
    for (; stops < 40; stops++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => !!document.activeElement?.closest('.policy-text'))) break;
    }
    expect(stops).toBeLessThan(15);
    await page.context().close();
  });
});

describe('the source', () => {
  test('every document says where its text came from and whether that is the official publisher', async () => {
    const page = await site.page();
    await page.goto(site.url(''));
    const docs = await page
      .locator('.doc-card a[href*="/policies/"]')
      .evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).pathname))].slice(0, 5));
    expect(docs.length).toBeGreaterThan(0);
    for (const path of docs) {
      await page.goto(new URL(path, site.url()).toString());
      const dd = page.locator('.doc-meta dd[data-source]');
      const kind = await dd.getAttribute('data-source');
      expect(['official', 'reprint', 'unknown']).toContain(kind);
      await expect(dd.locator('.source-kind').textContent()).resolves.toBe(
        { official: '官方发布', reprint: '转载，非官方发布', unknown: '是否官方发布不详' }[kind!],
      );
      const link = dd.locator('a:not([href="#provenance"])');
      if (await link.count()) expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
      else await expect(dd.textContent()).resolves.toContain('原网页地址未记录');
      await expect(dd.locator('a[href="#provenance"]').count()).resolves.toBe(1);
    }
    await page.context().close();
  });

  test('拉萨 is on its own government’s site (official); 大同 is a reprint', async () => {
    const page = await site.page();
    await page.goto(site.url('policies/lasa-tixi-2025/'));
    await expect(page.locator('.doc-meta dd[data-source]').getAttribute('data-source')).resolves.toBe('official');
    await page.goto(site.url(DATONG));
    await expect(page.locator('.doc-meta dd[data-source]').getAttribute('data-source')).resolves.toBe('reprint');
    await page.context().close();
  });
});
