/**
 * Addresses: without SITE (dist/) no page, feed, sitemap or data file
 * carries a made-up host; with SITE (dist-sub/, built with
 * SITE=https://policy.test and BASE=/sub/path/) pages have canonical URLs
 * and the sitemaps list every page and data file the build wrote.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { filesUnder } from './library.ts';
import { noindex } from '../../src/sitemap/build.ts';

const SITE = 'https://policy.test/sub/path/';

describe('without SITE', () => {
  const files = filesUnder('dist').filter((f) => /\.(html|xml|json|txt|md)$/.test(f) && !f.startsWith('pagefind'));
  test('no page has a canonical or og:url, and no file names a placeholder host', () => {
    for (const f of files) {
      const t = readFileSync(`dist/${f}`, 'utf8');
      expect(t, f).not.toMatch(/example\.(org|com|net)|localhost|site\.invalid/);
      if (f.endsWith('.html')) {
        expect(t, f).not.toContain('rel="canonical"');
        expect(t, f).not.toContain('property="og:url"');
      }
    }
  });
  test('the feed and the data files link by paths from the root; no sitemap is written', () => {
    const feed = readFileSync('dist/feed.xml', 'utf8');
    expect([...feed.matchAll(/href="([^"]+)"/g)].map((m) => m[1]).every((h) => h.startsWith('/'))).toBe(true);
    expect([...feed.matchAll(/<id>([^<]+)<\/id>/g)].every((m) => m[1].startsWith('urn:uuid:'))).toBe(true);
    const cat = JSON.parse(readFileSync('dist/data/catalog.json', 'utf8'));
    expect(cat.site).toBe('/');
    for (const d of cat.documents) expect(d.url).toBe(`/policies/${d.slug}/`);
    expect(existsSync('dist/sitemap.xml')).toBe(false);
    expect(readFileSync('dist/robots.txt', 'utf8')).not.toContain('Sitemap:');
  });
  test('the build says what it left out', () => {
    const run = spawnSync(process.execPath, ['scripts/sitemap.ts', 'dist'], {
      env: { ...process.env, SITE: '' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/SITE is not set, so no sitemap is written/);
    expect(existsSync('dist/sitemap.xml')).toBe(false);
  });
});

describe('with SITE', () => {
  const pages = filesUnder('dist-sub')
    .filter((f) => f.endsWith('index.html') && !/^(_astro|pagefind)/.test(f))
    .map((f) => f.replace(/index\.html$/, ''));
  const listed = pages.filter((p) => !noindex(`dist-sub/${p}index.html`));
  test('every page has its absolute canonical URL and og:url', () => {
    for (const p of pages) {
      const h = readFileSync(`dist-sub/${p}index.html`, 'utf8');
      expect(h, p).toContain(`<link rel="canonical" href="${SITE}${p}">`);
      expect(h, p).toContain(`<meta property="og:url" content="${SITE}${p}">`);
    }
  });
  test("the sitemap index lists sitemaps that together list every page and data file, each sitemap within the protocol's limits", () => {
    const index = readFileSync('dist-sub/sitemap.xml', 'utf8');
    expect(index).toContain('<sitemapindex');
    const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const locs: string[] = [];
    for (const m of maps) {
      expect(m.startsWith(`${SITE}sitemap-`)).toBe(true);
      const xml = readFileSync(`dist-sub/${m.slice(SITE.length)}`, 'utf8');
      const list = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((x) => x[1]);
      expect(list.length).toBeLessThanOrEqual(50_000);
      expect(Buffer.byteLength(xml)).toBeLessThan(50 * 1024 * 1024);
      locs.push(...list);
    }
    const data = filesUnder('dist-sub/data').map((f) => `data/${f}`);
    expect(locs.sort()).toEqual([...listed, ...data].map((p) => SITE + p).sort());
    // Not only the documents: every kind of page.
    for (const p of [
      '',
      'glossary/',
      'topics/',
      'agencies/',
      'targets/',
      'cited/',
      'search/',
      'about/',
      'data/catalog.json',
    ])
      expect(locs, p).toContain(SITE + p);
    expect(readFileSync('dist-sub/robots.txt', 'utf8')).toContain(`Sitemap: ${SITE}sitemap.xml`);
    // The feed's links are absolute too.
    expect(readFileSync('dist-sub/feed.xml', 'utf8')).toContain(`<link rel="self" href="${SITE}feed.xml"/>`);
  });
});
