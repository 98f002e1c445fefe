/**
 * Pages that list documents stay bounded as the library grows: the home page
 * shows the newest and links to a list per province and per year; those
 * lists, glossary term pages, agency pages and the agency index are cut into
 * pages (page 1 at the list's own address) that together hold every entry
 * once; the feed holds the newest; the catalog says how many there are; the
 * search page's filters do not grow with the documents.
 *
 * Checked on two builds: dist/ (the library as it is, root path, no SITE),
 * and a temporary copy whose library has enough synthetic documents
 * (scripts/lib/synthetic-library.ts) for second pages, built under a sub-path
 * with SITE. Everything expected is derived from the copy's own files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { axeViolations } from './axe.ts';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FEED_SIZE, HOME_NEWEST, PAGE_SIZE, TABLE_PAGE_SIZE } from '../../src/lib/paginate.ts';
import { catalogSchema } from '../../src/schemas/open-data.ts';
import { checkLinks } from '../../scripts/lib/check-links.ts';
import { buildSynthetic, log, type SyntheticLibrary } from '../../scripts/lib/synthetic-library.ts';
import { openSite, type Site } from './harness.ts';

interface Doc {
  slug: string;
  title: string;
  year?: number;
  date?: string;
  province?: string;
  kind?: string;
}

/** The documents as ingest wrote them (the MDX frontmatter), newest first as the site orders them (src/lib/policies.ts). */
function libraryOf(root: string): Doc[] {
  const dir = join(root, 'src/content/policies');
  const key = (d: Doc) => d.date ?? (d.year ? `${d.year}-00-00` : '0000-00-00');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const fm = JSON.parse(
        readFileSync(join(dir, f), 'utf8')
          .split('\n---\n')[0]
          .replace(/^---\n/, ''),
      );
      return {
        slug: f.replace(/\.mdx$/, ''),
        title: fm.title,
        year: fm.year,
        date: fm.date,
        province: fm.region?.province,
        kind: fm.kind,
      };
    })
    .sort((a, b) => key(b).localeCompare(key(a)) || a.title.localeCompare(b.title, 'zh-CN'));
}

interface Built {
  out: string;
  base: string;
  docs: Doc[];
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const read = (b: Built, path: string) => readFileSync(join(b.out, path), 'utf8');
const pageFile = (path: string) => `${path}index.html`;
/** The documents a page shows as cards, in order. */
const cards = (b: Built, h: string) =>
  [...h.matchAll(new RegExp(`<li class="doc-card"><h[23]><a href="${esc(b.base)}policies/([^/]+)/"`, 'g'))].map(
    (m) => m[1],
  );
/** The site-relative targets of a page's pager links (rel prev/next and the numbers). */
const pagerLinks = (b: Built, h: string) => {
  const nav = /<nav class="pager"[\s\S]*?<\/nav>/.exec(h)?.[0] ?? '';
  return [...nav.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1].slice(b.base.length));
};

/**
 * Every page of the list at `path` (page 1 there, page n at path + 'n/'),
 * reached by following the pager's 下一页 link, each checked to say which
 * page it is; the pages' HTML in order.
 */
function pagesOf(b: Built, path: string): string[] {
  const out: string[] = [];
  for (let at: string | undefined = path; at !== undefined;) {
    const h = read(b, pageFile(at));
    out.push(h);
    const next = new RegExp(`<a href="${esc(b.base)}([^"]+)" rel="next">`).exec(h)?.[1];
    expect(next === undefined || next === `${path}${out.length + 1}/`, `${at}: next is ${next}`).toBe(true);
    at = next;
    expect(out.length, `${path}: the pager goes on`).toBeLessThan(10_000);
  }
  // Nothing beyond the last page the pager links to.
  expect(existsSync(join(b.out, `${path}${out.length + 1}/index.html`)), `${path}${out.length + 1}/`).toBe(false);
  if (out.length > 1) {
    out.forEach((h, i) => expect(h, `${path} page ${i + 1}`).toContain(`<span aria-current="page">${i + 1}</span>`));
    // Page 2 links back to page 1 at the list's own address.
    expect(pagerLinks(b, out[1])).toContain(path);
  }
  return out;
}

/** The lists the home page links to, by kind. */
const groupLinks = (b: Built, kind: 'regions' | 'years') =>
  [
    ...read(b, 'index.html').matchAll(
      new RegExp(`<a href="${esc(b.base)}${kind}/([^/]+)/">([^<]+)<span class="count">（(\\d+)）</span>`, 'g'),
    ),
  ].map((m) => ({ id: m[1], name: m[2], count: Number(m[3]) }));

function listChecks(get: () => Built, label: string) {
  describe(`lists of documents (${label})`, () => {
    test('home: the newest documents, and a link with its count to every province and year', () => {
      const b = get();
      expect(cards(b, read(b, 'index.html'))).toEqual(b.docs.slice(0, HOME_NEWEST).map((d) => d.slug));
      for (const kind of ['regions', 'years'] as const)
        expect(
          groupLinks(b, kind).reduce((n, g) => n + g.count, 0),
          kind,
        ).toBe(b.docs.length);
      const provinces = new Set(b.docs.map((d) => d.province ?? '地区未注明'));
      expect(new Set(groupLinks(b, 'regions').map((g) => g.name))).toEqual(provinces);
      expect(new Set(groupLinks(b, 'years').map((g) => g.name))).toEqual(
        new Set(b.docs.map((d) => (d.year ? `${d.year}年` : '年份未注明'))),
      );
    });

    test('every document is on exactly one province list and one year list, newest first, at most PAGE_SIZE a page', () => {
      const b = get();
      for (const kind of ['regions', 'years'] as const) {
        const all: string[] = [];
        for (const g of groupLinks(b, kind)) {
          const pages = pagesOf(b, `${kind}/${g.id}/`).map((h) => cards(b, h));
          for (const p of pages) expect(p.length, `${kind}/${g.id}/`).toBeLessThanOrEqual(PAGE_SIZE);
          expect(
            pages.slice(0, -1).every((p) => p.length === PAGE_SIZE),
            `${kind}/${g.id}/: only the last page is short`,
          ).toBe(true);
          const list = pages.flat();
          expect(list.length, `${kind}/${g.id}/`).toBe(g.count);
          const name =
            kind === 'regions'
              ? (d: Doc) => d.province ?? '地区未注明'
              : (d: Doc) => (d.year ? `${d.year}年` : '年份未注明');
          expect(list, `${kind}/${g.id}/`).toEqual(b.docs.filter((d) => name(d) === g.name).map((d) => d.slug));
          all.push(...list);
        }
        expect(all.sort(), kind).toEqual(b.docs.map((d) => d.slug).sort());
      }
    });

    test('glossary terms: occurrences grouped by document, at most PAGE_SIZE documents a page, each document once, the count on every page', () => {
      const b = get();
      for (const id of readdirSync(join(b.out, 'glossary'), { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)) {
        const pages = pagesOf(b, `glossary/${id}/`);
        const total = Number(/<h2 id="uses">在本库中的出现（(\d+) 处）<\/h2>/.exec(pages[0])![1]);
        const docsOn = pages.map((h) => [
          ...h.split(/<section class="occurrences"/)[1].matchAll(/<h3>([^<]+)<span class="lead">（(\d+) 处）/g),
        ]);
        for (const d of docsOn) expect(d.length, id).toBeLessThanOrEqual(PAGE_SIZE);
        expect(
          docsOn.flat().reduce((n, m) => n + Number(m[2]), 0),
          `glossary/${id}/: the occurrences over all pages`,
        ).toBe(total);
        const names = docsOn.flat().map((m) => m[1]);
        expect(new Set(names).size, id).toBe(names.length);
        // Only the term page itself is in the search index.
        expect(pages[0]).toContain('data-pagefind-body');
        for (const h of pages.slice(1)) expect(h).not.toContain('data-pagefind-body');
        for (const h of pages) expect(h).toContain(`在本库中的出现（${total} 处）`);
      }
    });

    test('agencies: each page at most PAGE_SIZE documents, the index at most TABLE_PAGE_SIZE rows a page, every agency page listed once', () => {
      const b = get();
      const pages = pagesOf(b, 'agencies/');
      const rows = pages.map((h) =>
        [...h.matchAll(new RegExp(`<tr><td><a href="${esc(b.base)}agencies/([^/]+)/">`, 'g'))].map((m) => m[1]),
      );
      for (const r of rows) expect(r.length).toBeLessThanOrEqual(TABLE_PAGE_SIZE);
      const ids = rows.flat();
      expect(new Set(ids).size).toBe(ids.length);
      // Every agency folder (not a page number of the index) is in the index.
      expect(new Set(ids)).toEqual(
        new Set(readdirSync(join(b.out, 'agencies')).filter((d) => !/^\d+$/.test(d) && !d.includes('.'))),
      );
      for (const id of ids) {
        const docs = pagesOf(b, `agencies/${id}/`).map((h) =>
          [...h.matchAll(/<section aria-labelledby="d-([^"]+)">/g)].map((m) => m[1]),
        );
        for (const d of docs) expect(d.length, id).toBeLessThanOrEqual(PAGE_SIZE);
        expect(new Set(docs.flat()).size, id).toBe(docs.flat().length);
        // Newest first, across pages.
        expect(docs.flat(), id).toEqual(b.docs.map((d) => d.slug).filter((s) => docs.flat().includes(s)));
      }
    });

    test('the feed holds the newest documents, at most FEED_SIZE', () => {
      const b = get();
      const ids = [
        ...read(b, 'feed.xml').matchAll(/<link rel="alternate" type="text\/html" href="[^"]*?\/policies\/([^/]+)\/"/g),
      ].map((m) => m[1]);
      expect(ids).toEqual(b.docs.slice(0, FEED_SIZE).map((d) => d.slug));
    });

    test('the catalog: files of at most 1,000 documents linked by next, together every document once, newest first', () => {
      const b = get();
      const seen: string[] = [];
      let file: string | undefined = 'data/catalog.json';
      for (let n = 1; file; n++) {
        const cat = catalogSchema.parse(JSON.parse(read(b, file)));
        expect([cat.page, cat.total]).toEqual([n, b.docs.length]);
        seen.push(...cat.documents.map((d) => d.slug));
        file = cat.next && new URL(cat.next, 'https://h/').pathname.slice(b.base.length);
      }
      expect(seen).toEqual(b.docs.map((d) => d.slug));
    });

    test('the search page filters by region, year and kind, and by document only in a small library', () => {
      const b = get();
      const h = read(b, 'search/index.html');
      const values = (name: string) =>
        new Set([...h.matchAll(new RegExp(`name="${name}" value="([^"]+)"`, 'g'))].map((m) => m[1]));
      expect(values('地区')).toEqual(new Set(b.docs.map((d) => d.province).filter(Boolean)));
      expect(values('年份')).toEqual(
        new Set(
          b.docs
            .map((d) => d.year)
            .filter(Boolean)
            .map(String),
        ),
      );
      expect(values('文种')).toEqual(new Set(b.docs.map((d) => d.kind).filter(Boolean)));
      expect(values('文件').size).toBe(b.docs.length <= 30 ? b.docs.length : 0);
      // Without JavaScript: the outlines of the newest, at most HOME_NEWEST.
      const nojs = h.split('<noscript><div data-search-nojs>')[1].split('</noscript>')[0];
      expect([...nojs.matchAll(/policies\/([^/]+)\/#toc/g)].map((m) => m[1])).toEqual(
        b.docs.slice(0, HOME_NEWEST).map((d) => d.slug),
      );
    });

    test('cited documents: at most ten citing provisions each, with the count of all', () => {
      const b = get();
      const items = read(b, 'cited/index.html').split('<li id="c-').slice(1);
      expect(items.length).toBeGreaterThan(0);
      for (const it of items) {
        const p = /<p>引用处（(?:共 (\d+) 处，列出最新的 (\d+) 处|(\d+) 处)）：([\s\S]*?)<\/p>/.exec(it)!;
        const shown = (p[4].match(/<a /g) ?? []).length;
        expect(shown).toBeLessThanOrEqual(10);
        if (p[3]) expect(shown).toBe(Number(p[3]));
        else expect([shown, Number(p[1]) > shown]).toEqual([Number(p[2]), true]);
      }
    });

    test('every link, pager links included, resolves', () => {
      const b = get();
      expect(checkLinks(b.out, b.base).broken).toEqual([]);
    });
  });
}

const ROOT_BUILD: Built = { out: 'dist', base: '/', docs: libraryOf('.') };
listChecks(() => ROOT_BUILD, 'this library, dist/');

/*
 * 60 synthetic documents, 56 of them in one province and year: that list and
 * the terms most of them use get a second page; the feed and the home page
 * are cut; the search page loses its per-document filter.
 */
const SUB = '/sub/path/';
let lib: SyntheticLibrary | undefined;
let big: Built | undefined;
describe('a library large enough for second pages', () => {
  beforeAll(() => {
    lib = buildSynthetic(60, { crowd: 56, env: { SITE: 'https://policy.test', BASE: SUB } });
    expect(lib.build?.status, log(lib.build ?? lib.ingest)).toBe(0);
    big = { out: join(lib.dir, 'dist'), base: SUB, docs: libraryOf(lib.dir) };
  }, 1_800_000);
  afterAll(() => lib?.remove());

  listChecks(() => big!, 'synthetic library under a sub-path');

  test('the crowded province, its year and at least one glossary term have a second page, in the sitemap too', () => {
    const b = big!;
    for (const path of ['regions/shanxi/', 'years/2024/']) expect(pagesOf(b, path).length, path).toBeGreaterThan(1);
    const terms = readdirSync(join(b.out, 'glossary'), { withFileTypes: true }).filter(
      (e) => e.isDirectory() && existsSync(join(b.out, 'glossary', e.name, '2/index.html')),
    );
    expect(terms.length).toBeGreaterThan(0);
    const maps = [...read(b, 'sitemap.xml').matchAll(/<loc>https:\/\/policy\.test\/sub\/path\/([^<]+)<\/loc>/g)]
      .map((m) => read(b, m[1]))
      .join('');
    expect(maps).toContain(`<loc>https://policy.test${SUB}regions/shanxi/2/</loc>`);
    expect(maps).toContain(`<loc>https://policy.test${SUB}glossary/${terms[0].name}/2/</loc>`);
  });

  describe('in a browser', () => {
    let site: Site;
    beforeAll(async () => {
      site = await openSite({ dir: big!.out, base: SUB });
    });
    afterAll(async () => {
      await site?.close();
    });

    test('on a phone: from the home page to a province, its next page and back, thumb-sized pager links, nothing wider than the screen', async () => {
      const page = await site.page({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
      await page.goto(site.url(''));
      await page.locator('.group-list a[href$="/regions/shanxi/"]').click();
      await page.waitForURL(`**${SUB}regions/shanxi/`);
      await page.locator('.pager a[rel="next"]').click();
      await page.waitForURL(`**${SUB}regions/shanxi/2/`);
      expect(await page.locator('h1').textContent()).toContain('山西省');
      for (const box of await page
        .locator('.pager a, .pager [aria-current]')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.width).toBeGreaterThanOrEqual(44);
        expect(box.height).toBeGreaterThanOrEqual(44);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.locator('.pager a[rel="prev"]').click();
      await page.waitForURL(`**${SUB}regions/shanxi/`);
      expect(await page.locator('.pager [aria-current="page"]').textContent()).toBe('1');
      await page.context().close();
    });

    test.each(['regions/shanxi/2/', 'years/2024/', 'agencies/', ''])(
      'axe: /%s with its pager, phone dark and desktop light: no violations',
      async (path) => {
        for (const mode of [
          { viewport: { width: 375, height: 800 }, colorScheme: 'dark' as const },
          { viewport: { width: 1280, height: 900 }, colorScheme: 'light' as const },
        ]) {
          // bypassCSP: axe is injected as an inline script, which the pages' Content-Security-Policy refuses.
          const page = await site.page({ ...mode, bypassCSP: true });
          await page.goto(site.url(path));
          const violations = await axeViolations(page);
          expect(violations, `${path} ${mode.colorScheme}`).toEqual([]);
          await page.context().close();
        }
      },
    );
  });
});
