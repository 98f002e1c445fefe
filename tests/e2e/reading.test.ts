/** The reading experience of document pages, in real Chromium. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSite, type Site, DOCS } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const DATONG = 'policies/datong-gaozhiliang/';
const DATONG_TITLE = '大同市推动公立医院高质量发展实施方案';

describe('clause links', () => {
  test('a deep link lands on its clause, clear of the top, and highlights it', async () => {
    const page = await site.page();
    await page.goto(site.url(`${DATONG}#s3-4-15`));
    const heading = page.locator('#s3-4-15');
    await expect(heading.textContent()).resolves.toBe('15.改革薪酬分配制度。');
    const box = await heading.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(200);
    const bg = await page
      .locator('section.provision:has(> .clause-head > #s3-4-15)')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');
    // A provision that is not targeted is not highlighted.
    const other = await page
      .locator('section.provision:has(> .clause-head > #s3-4-16)')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(other).toBe('rgba(0, 0, 0, 0)');
    await page.context().close();
  });

  test('paragraph anchors work too', async () => {
    const page = await site.page();
    await page.goto(site.url(`${DATONG}#s2-p1`));
    const p = page.locator('#s2-p1');
    await expect(p.evaluate((el) => el.tagName)).resolves.toBe('P');
    const box = await p.boundingBox();
    expect(box!.y).toBeLessThan(200);
    await page.context().close();
  });

  test('copy link gives the provision page, copy citation what an official writes: title, supplied-title note, full numbering, URL', async () => {
    const page = await site.page();
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url()).origin });
    await page.goto(site.url(DATONG));
    const provision = page.locator('section.provision:has(> .clause-head > #s3-4-15)');
    await provision.locator('> .clause-head').hover();
    const copyCite = provision.locator('> .clause-head button[data-copy="cite"]');
    await copyCite.click();
    const url = site.url(`${DATONG}s3-4-15/`);
    // 大同's title is supplied by editors and it has no 发文字号 or date: the citation says so and gives none.
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`《${DATONG_TITLE}》（标题为编者所补）第三部分（四）第15项 ${url}`);
    await expect(copyCite.textContent()).resolves.toBe('已复制');
    await provision.locator('> .clause-head').hover();
    await provision.locator('> .clause-head button[data-copy="link"]').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    // The result is announced to screen readers.
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe('链接已复制');
    // A paragraph has no page of its own: its link is the anchor in the full text.
    await page.locator('#s2-p1').hover();
    await page.locator('#s2-p1 button[data-copy="link"]').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(site.url(`${DATONG}#s2-p1`));
    await page.context().close();
  });

  test('a citation carries the 发文字号 and date when the document has them', async () => {
    const page = await site.page();
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url()).origin });
    await page.goto(site.url('policies/guangdong-yigongti/'));
    const head = page.locator('section.provision:has(> .clause-head > #s3-1) > .clause-head');
    await head.hover();
    await head.locator('button[data-copy="cite"]').click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(
        `《广东省人民政府办公厅关于印发广东省加强紧密型县域医疗卫生共同体建设实施方案的通知》（粤府办〔2019〕18号，2019年10月13日）第三部分（一） ${site.url('policies/guangdong-yigongti/s3-1/')}`,
      );
    await page.context().close();
  });

  test('keyboard focus reveals the tools of a provision', async () => {
    const page = await site.page();
    await page.goto(site.url(DATONG));
    const tools = page.locator('section.provision:has(> .clause-head > #s3-1-1) > .clause-head .clause-tools');
    await expect(tools.locator('button[data-copy="cite"]').isVisible()).resolves.toBe(false);
    await tools.locator('a.permalink').focus();
    await expect(tools.locator('button[data-copy="cite"]').isVisible()).resolves.toBe(true);
    await page.context().close();
  });
});

describe('reading preferences', () => {
  test('text size 小/中/大 changes the text and is remembered', async () => {
    const page = await site.page();
    await page.goto(site.url(DATONG));
    const size = () => page.locator('.policy-text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const medium = await size();
    await page.getByRole('button', { name: '字号大' }).click();
    const large = await size();
    expect(large).toBeGreaterThan(medium);
    await expect(page.getByRole('button', { name: '字号大' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.reload();
    expect(await size()).toBe(large);
    await page.goto(site.url('policies/shaoxing-2019/'));
    expect(await size()).toBe(large);
    await page.getByRole('button', { name: '字号小' }).click();
    expect(await size()).toBeLessThan(medium);
    await page.context().close();
  });

  test('the theme follows the system and the toggle overrides it, remembered', async () => {
    const page = await site.page({ colorScheme: 'light' });
    await page.goto(site.url(DATONG));
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await bg();
    await page.getByRole('button', { name: /深色/ }).click();
    const dark = await bg();
    expect(dark).not.toBe(light);
    await page.reload();
    expect(await bg()).toBe(dark);
    await page.context().close();

    const darkSystem = await site.page({ colorScheme: 'dark' });
    await darkSystem.goto(site.url(DATONG));
    expect(await darkSystem.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(dark);
    await darkSystem.context().close();
  });
});

describe('without JavaScript', () => {
  test('the page reads, the table of contents (shown beside the text on a wide screen) and permalinks work, copy buttons stay hidden', async () => {
    const page = await site.page({ javaScriptEnabled: false });
    await page.goto(site.url(DATONG));
    await expect(page.locator('h1').textContent()).resolves.toContain(DATONG_TITLE);
    await expect(page.locator('#s3-4-15').isVisible()).resolves.toBe(true);
    await expect(page.locator('button[data-copy]').first().isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-prefs]').isVisible()).resolves.toBe(false);
    await page.locator('.doc-toc a[href="#s3-4-15"]').click();
    expect(new URL(page.url()).hash).toBe('#s3-4-15');
    const permalink = page.locator('section.provision:has(> .clause-head > #s3-4-16) > .clause-head a.permalink');
    await expect(permalink.getAttribute('href')).resolves.toBe('#s3-4-16');
    await page.context().close();
  });
});

describe('layout', () => {
  const pages = [
    '',
    'about/',
    '404.html',
    'glossary/',
    'glossary/yigongti/',
    'topics/',
    'topics/yigongti/',
    'cited/',
    'search/',
    'agencies/',
    'agencies/guangdong-weijian/',
    'targets/',
    ...DOCS.map((s) => `policies/${s}/`),
  ];
  test.each(pages)('no horizontal scroll at 320 px: /%s', async (path) => {
    const page = await site.page({ viewport: { width: 320, height: 640 } });
    await page.goto(site.url(path));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await page.context().close();
  });

  test('a skip link leads past the outline to the text: the next Tab stops are in the text', async () => {
    const page = await site.page();
    await page.goto(site.url(DATONG));
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('跳到正文');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#doc');
    await page.keyboard.press('Tab');
    const inText = await page.evaluate(
      () => !!document.activeElement?.closest('article#doc') && !document.activeElement?.closest('.doc-toc'),
    );
    expect(inText).toBe(true);
    await page.context().close();
  });
});
