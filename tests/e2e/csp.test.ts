/**
 * The Content-Security-Policy: every built page carries it before anything it
 * governs, has no inline style attribute or event handler and no inline code
 * but what it allows by hash; in Chromium every kind of page, search
 * included, runs without one violation. Also: a malformed fragment in the
 * address leaves the page scripts working, and feed.xml is well-formed XML.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'node-html-parser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { headerPolicy, metaPolicy } from '../../src/lib/csp/policy.ts';
import { openSite, type Site } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? htmlFiles(p) : p.endsWith('.html') ? [p] : [];
  });
}
/** The first built page under a folder (dist/glossary/<id>/ …), whatever the library holds. */
const firstPage = (folder: string) =>
  `${folder}/${readdirSync(`dist/${folder}`).find((f) => statSync(`dist/${folder}/${f}`).isDirectory())}/`;
const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('built pages', () => {
  const pages = htmlFiles('dist');

  test('every page has the policy first in <head>, no style attribute, no inline handler, no unlisted inline code', () => {
    expect(pages.length).toBeGreaterThan(0);
    const policy = metaPolicy();
    for (const file of pages) {
      const name = relative('dist', file);
      const html = readFileSync(file, 'utf8');
      const root = parse(html);
      const head = root.querySelector('head')!;
      const meta = head.querySelector('meta[http-equiv="Content-Security-Policy"]');
      expect(meta?.getAttribute('content'), name).toBe(policy);
      // Before any script or style: a policy only governs what comes after it.
      const first = head.childNodes.findIndex((n) =>
        ['script', 'style', 'link', 'noscript'].includes((n as { rawTagName?: string }).rawTagName ?? ''),
      );
      expect(head.childNodes.indexOf(meta!), name).toBeLessThan(first);
      expect(html, `${name}: an inline style attribute`).not.toMatch(/<[a-z][^>]*\sstyle=/i);
      expect(html, `${name}: an inline event handler`).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
      expect(html, `${name}: a javascript: URL`).not.toMatch(/\s(?:href|src|action)="\s*javascript:/i);
      for (const el of root.querySelectorAll('script:not([src]), style')) {
        const text = el.tagName === 'STYLE' || el.tagName === 'SCRIPT' ? el.innerHTML : '';
        if (el.getAttribute('type') === 'application/ld+json' || el.getAttribute('type') === 'application/json')
          continue;
        expect(policy, `${name}: inline <${el.tagName.toLowerCase()}> without its hash in the policy`).toContain(
          sha(text),
        );
      }
    }
  });

  test('_headers gives static hosts the same policy, nosniff and a referrer policy', () => {
    const headers = readFileSync('dist/_headers', 'utf8');
    expect(headers).toMatch(/^\/\*\n/);
    expect(headers).toContain(`  Content-Security-Policy: ${headerPolicy()}\n`);
    expect(headerPolicy().startsWith(metaPolicy())).toBe(true);
    expect(headers).toContain('  X-Content-Type-Options: nosniff\n');
    expect(headers).toMatch(/ {2}Referrer-Policy: [a-z-]+\n/);
  });
});

/** Opens a page recording every CSP violation and every script error. */
async function watched(path: string, options = {}): Promise<{ page: Page; problems: string[] }> {
  const page = await site.page(options);
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  await page.goto(site.url(path));
  return { page, problems };
}
const violations = async (page: Page, problems: string[]) => [
  ...problems,
  ...((await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])) as string[]),
];

describe('no violation in the browser', () => {
  const kinds: [string, () => string][] = [
    ['home', () => ''],
    ['a document', () => firstPage('policies')],
    ['the glossary', () => 'glossary/'],
    ['a glossary entry', () => firstPage('glossary')],
    ['the topics', () => 'topics/'],
    ['a topic', () => firstPage('topics')],
    ['the agencies', () => 'agencies/'],
    ['an agency', () => firstPage('agencies')],
    ['the targets', () => 'targets/'],
    ['cited documents', () => 'cited/'],
    ['about', () => 'about/'],
    ['a missing page', () => 'no-such-page/'],
  ];
  test.each(kinds)('%s', async (_kind, path) => {
    const { page, problems } = await watched(path());
    await page.waitForLoadState('networkidle');
    const p = path();
    // The missing page's own 404 answer is logged by Chromium as a console error; that is not a violation.
    expect((await violations(page, problems)).filter((x) => !(p.startsWith('no-such') && /404/.test(x)))).toEqual([]);
    await page.context().close();
  });

  test('the search page runs Pagefind (WebAssembly, its worker) and shows results', async () => {
    const { page, problems } = await watched('search/?q=%E5%8C%BB%E9%99%A2');
    await page.waitForFunction(() =>
      /找到/.test(document.querySelector('[data-search-page-status]')?.textContent ?? ''),
    );
    await expect(page.locator('[data-search-page-results] li').count()).resolves.toBeGreaterThan(0);
    expect(await violations(page, problems)).toEqual([]);
    await page.context().close();
  });

  test('the header search loads Pagefind on first use and shows results', async () => {
    const { page, problems } = await watched(firstPage('policies'));
    await page.locator('#site-search-input').fill('医院');
    await page.locator('#site-search-popup').waitFor({ state: 'visible' });
    await page.waitForFunction(() => /找到/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
    expect(await violations(page, problems)).toEqual([]);
    await page.context().close();
  });

  test('the theme restorer runs (its hash is allowed): a stored dark theme applies before paint', async () => {
    const page = await site.page();
    await page.goto(site.url(''));
    await page.evaluate(() => localStorage.setItem('theme', 'dark'));
    await page.reload();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await page.context().close();
  });

  test('without JavaScript the no-script style applies (its hash is allowed)', async () => {
    const page = await site.page({ javaScriptEnabled: false });
    await page.goto(site.url(''));
    await expect(page.locator('.prefs').first().isVisible()).resolves.toBe(false);
    await page.context().close();
  });
});

describe('a malformed fragment in the address', () => {
  const DATONG = 'policies/datong-gaozhiliang/';
  const TIP = '.term:has(> a[href$="/glossary/liangge-yunxu/"])';
  test.each(['#%', '#s3-1%', '#%E4%B8', '?hl=%E8%96%AA%E9%85%AC#%'])(
    '%s: no script error; copy buttons, tooltips and clause highlighting work',
    async (suffix) => {
      const { page, problems } = await watched(`${DATONG}${suffix}`);
      await page
        .context()
        .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url()).origin });
      // Copy link (clause-tools.ts).
      const provision = page.locator('section.provision:has(> .clause-head > #s3-4-15)');
      await provision.locator('> .clause-head').hover();
      await provision.locator('> .clause-head button[data-copy="link"]').click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(site.url(`${DATONG}s3-4-15/`));
      // Tooltips (term-tips.ts, initialised after the clause tools): Escape closes one shown on hover.
      const term = page.locator(TIP);
      await term.locator('.term-link').hover();
      await expect(term.locator('.term-tip').isVisible()).resolves.toBe(true);
      await page.keyboard.press('Escape');
      await expect(term.locator('.term-tip').isVisible()).resolves.toBe(false);
      // Following a permalink highlights its clause and moves the tools there.
      await page.locator('section.provision:has(> .clause-head > #s3-4-16) > .clause-head a.permalink').click();
      const target = page.locator('section.provision:has(> .clause-head > #s3-4-16)');
      await expect(target.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.not.toBe('rgba(0, 0, 0, 0)');
      await expect(target.locator('> .clause-head button[data-copy="cite"]').count()).resolves.toBe(1);
      expect(problems).toEqual([]);
      await page.context().close();
    },
  );
});

describe('feed.xml', () => {
  test("is well-formed XML (the browser's XML parser reports no error)", async () => {
    const page = await site.page();
    await page.goto(site.url(''));
    const xml = readFileSync('dist/feed.xml', 'utf8');
    const error = await page.evaluate(
      (text) =>
        new DOMParser().parseFromString(text, 'application/xml').querySelector('parsererror')?.textContent ?? null,
      xml,
    );
    expect(error).toBeNull();
    await page.context().close();
  });
});
