/**
 * A page per provision (/policies/<slug>/<anchor>/): built for every numbered
 * provision of every document and for nothing else; its own title,
 * description and preview; where it sits; agencies, related provisions,
 * previous and next; a link into the full text at that clause.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSite, type Site } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const html = (path: string) => readFileSync(`dist/${path}`, 'utf8');
const meta = (page: string, attr: string) =>
  new RegExp(`<meta (?:name|property)="${attr}" content="([^"]*)"`).exec(page)?.[1];
const clauses = (slug: string) =>
  JSON.parse(readFileSync(`src/content/clauses/${slug}.json`, 'utf8')) as {
    id: string;
    kind: string;
    depth?: number;
    num?: string;
    title?: string;
  }[];

describe('which clauses get a page', () => {
  test('every numbered provision of every document, no paragraph and no part', () => {
    const slugs = readdirSync('src/content/clauses').map((f) => f.replace(/\.json$/, ''));
    expect(slugs.length).toBeGreaterThan(0);
    for (const slug of slugs) {
      for (const c of clauses(slug)) {
        const built = existsSync(`dist/policies/${slug}/${c.id}/index.html`);
        expect(built, `${slug}#${c.id} (${c.kind})`).toBe(c.kind === 'provision');
      }
    }
  });
});

describe('a provision page', () => {
  const P = 'policies/datong-gaozhiliang/s3-4-15/';
  test('has its own title, description and Open Graph preview: the heading and the opening text', () => {
    const page = html(`${P}index.html`);
    expect(page).toContain('<title>15.改革薪酬分配制度 - 大同高质量发展方案 - 医改政策注释库</title>');
    expect(meta(page, 'og:title')).toBe('15.改革薪酬分配制度');
    expect(meta(page, 'og:description')).toMatch(
      /^落实“两个允许”要求，推动实施《山西省深化公立医院薪酬制度改革方案》/u,
    );
    expect(meta(page, 'description')).toBe(meta(page, 'og:description'));
    // The address for chat-app previews needs SITE: the sub-path build has it.
    const withSite = readFileSync(`dist-sub/${P}index.html`, 'utf8');
    expect(meta(withSite, 'og:url')).toMatch(/^https:\/\/[^/]+\/sub\/path\/policies\/datong-gaozhiliang\/s3-4-15\/$/);
    expect(withSite).toContain('<link rel="canonical" href="https://');
  });

  test.each([
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1280, height: 900 }],
  ] as const)('shows the provision, where it sits, agencies, related, previous and next (%s)', async (_n, viewport) => {
    const page = await site.page({ viewport });
    await page.goto(site.url(P));
    await expect(page.locator('h1').textContent()).resolves.toBe('15.改革薪酬分配制度。');
    await expect(page.locator('.provision-body').first().textContent()).resolves.toContain(
      '建立以岗位职责和知识价值为主的薪酬体系',
    );
    // Where it sits: the document, 三、 and （四）, each a link.
    const crumbs = await page
      .locator('.breadcrumb a')
      .evaluateAll((as) => as.map((a) => [a.textContent, (a as HTMLAnchorElement).pathname]));
    expect(crumbs).toEqual([
      ['大同高质量发展方案', '/policies/datong-gaozhiliang/'],
      ['三、重点工作任务', '/policies/datong-gaozhiliang/s3/'],
      ['（四）激活公立医院高质量发展新动力', '/policies/datong-gaozhiliang/s3-4/'],
    ]);
    await expect(page.locator('.provision-of .lead').textContent()).resolves.toBe('第三部分（四）第15项');
    await expect(page.locator('.agencies a', { hasText: '市人社局' }).getAttribute('href')).resolves.toBe(
      '/agencies/datong-renshe/',
    );
    await expect(page.locator('.related a').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('a[rel="prev"]').getAttribute('href')).resolves.toBe(
      '/policies/datong-gaozhiliang/s3-4-14/',
    );
    await expect(page.locator('a[rel="next"]').getAttribute('href')).resolves.toBe(
      '/policies/datong-gaozhiliang/s3-4-16/',
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
    // Into the full text at that clause.
    await page.locator('.provision-full a').click();
    await expect
      .poll(() => new URL(page.url()).pathname + new URL(page.url()).hash)
      .toBe('/policies/datong-gaozhiliang/#s3-4-15');
    await page.context().close();
  });

  test('a section’s page lists its sub-provisions instead of repeating them', async () => {
    const page = await site.page();
    await page.goto(site.url('policies/datong-gaozhiliang/s3-4/'));
    await expect(page.locator('.policy-text section.provision[data-id="s3-4-15"]').count()).resolves.toBe(0);
    await expect(
      page.locator('.provision-children a[href="/policies/datong-gaozhiliang/s3-4-15/"]').textContent(),
    ).resolves.toBe('15.改革薪酬分配制度');
    await page.context().close();
  });

  test('a correction mark leads to the correction note in the full text', () => {
    const page = html('policies/datong-gaozhiliang/s1/index.html');
    expect(page).toContain('class="correction-mark" href="/policies/datong-gaozhiliang/#corr-1"');
  });

  test('copy link and copy citation on the page give the page itself', async () => {
    const page = await site.page();
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url()).origin });
    await page.goto(site.url(P));
    await page.locator('.clause-head').first().hover();
    await page.locator('.clause-head button[data-copy="link"]').first().click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(site.url(P));
    await page.locator('.clause-head').first().hover();
    await page.locator('.clause-head button[data-copy="cite"]').first().click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`《大同市推动公立医院高质量发展实施方案》（标题为编者所补）第三部分（四）第15项 ${site.url(P)}`);
    await page.context().close();
  });

  test('an attachment’s provision names its part in the breadcrumb', async () => {
    const page = await site.page();
    await page.goto(site.url('policies/guangdong-yigongti/fj1-s1/'));
    const crumbs = await page.locator('.breadcrumb a').allTextContents();
    expect(crumbs[1]).toMatch(/^附件1　/u);
    await page.context().close();
  });
});
