/**
 * Automatic similar provisions (自动推荐) on the built document pages: under
 * their provision, after and apart from the curated block, with the shared
 * terms, linking to anchors that exist. Derived from the built pages and the
 * engine's own output, not from a list of today's documents.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadSimilar, pairKey } from '../../src/lib/similar/library.ts';
import { openSite, type Site } from './harness.ts';

const slugs = readdirSync('dist/policies').filter((s) => existsSync(`dist/policies/${s}/index.html`));
const pages = new Map<string, HTMLElement>();
const page = (slug: string) => {
  if (!pages.has(slug)) {
    const root = parse(readFileSync(`dist/policies/${slug}/index.html`, 'utf8'));
    // Tooltip definitions sit inside the text after their term; the reader's text is without them.
    for (const tip of root.querySelectorAll('.term-tip')) tip.remove();
    pages.set(slug, root);
  }
  return pages.get(slug)!;
};
/** A provision's own text on its page (heading and body, without nested provisions or the blocks under it). */
const ownText = (section: HTMLElement) =>
  section.childNodes
    .filter(
      (n) =>
        !(
          n instanceof Object &&
          'classList' in n &&
          ((n as HTMLElement).classList.contains('provision') ||
            (n as HTMLElement).classList.contains('related') ||
            (n as HTMLElement).classList.contains('similar'))
        ),
    )
    .map((n) => n.textContent)
    .join('');
const lib = loadSimilar();
const curated = lib.curated;

describe('built pages', () => {
  test('every 自动推荐 block sits under its provision, after the curated block, and links to existing anchors in other documents with shared terms', () => {
    let blocks = 0;
    for (const slug of slugs) {
      for (const block of page(slug).querySelectorAll('div.similar')) {
        blocks++;
        const section = block.parentNode as HTMLElement;
        const id = section.getAttribute('data-id')!;
        expect(section.classList.contains('provision'), `${slug}: a 自动推荐 block outside a provision`).toBe(true);
        expect(block.querySelector('.related-label')!.text).toBe('自动推荐：');
        expect(block.closest('.related'), `${slug}#${id}: inside the curated block`).toBeNull();
        const curatedBlock = section.querySelector(':scope > div.related');
        if (curatedBlock)
          expect(section.childNodes.indexOf(curatedBlock)).toBeLessThan(section.childNodes.indexOf(block));
        const own = ownText(section);
        for (const li of block.querySelectorAll('li')) {
          const href = li.querySelector('a')!.getAttribute('href')!;
          const m = /^\/policies\/([^/]+)\/#([a-z0-9-]+)$/.exec(href);
          expect(m, `${slug}#${id}: ${href}`).not.toBeNull();
          const [, other, anchor] = m!;
          expect(other, `${slug}#${id} links to its own document`).not.toBe(slug);
          const target = page(other).querySelector(`section.provision[data-id="${anchor}"]`);
          expect(target, `${slug}#${id} → ${href}: no such provision`).not.toBeNull();
          expect(page(other).getElementById(anchor), `${href}: anchor missing`).not.toBeNull();
          expect(
            curated.has(pairKey(`${slug}#${id}`, `${other}#${anchor}`)),
            `${slug}#${id} ~ ${href} is curated and shown again`,
          ).toBe(false);
          // The reasons shown: each phrase occurs verbatim in both provisions' own text.
          const why = li.querySelector('.similar-why')?.text ?? '';
          expect(why, `${slug}#${id} → ${href}: no shared terms shown`).toMatch(/^（共同：.+）$/);
          for (const [, phrase] of why.matchAll(/“([^”]+)”/g)) {
            expect(own, `${slug}#${id}: “${phrase}”`).toContain(phrase);
            expect(ownText(target!), `${href}: “${phrase}”`).toContain(phrase);
          }
        }
      }
    }
    expect(blocks).toBeGreaterThan(0);
  });
  test('the pages show exactly what the engine computes for each provision', () => {
    for (const slug of slugs) {
      const shown = new Map(
        page(slug)
          .querySelectorAll('div.similar')
          .map((b) => [
            (b.parentNode as HTMLElement).getAttribute('data-id')!,
            b.querySelectorAll('li > a').map((a) => a.getAttribute('href')),
          ]),
      );
      const expected = new Map(
        Object.entries(lib.byDoc(slug)).map(([id, links]) => [id, links.map((l) => `/policies/${l.slug}/#${l.id}`)]),
      );
      expect(Object.fromEntries(shown), slug).toEqual(Object.fromEntries(expected));
    }
  });
});

describe('in the browser', () => {
  let site: Site;
  beforeAll(async () => {
    site = await openSite();
  });
  afterAll(async () => {
    await site?.close();
  });
  test('a 自动推荐 link lands on the other provision', async () => {
    const slug = slugs.find((s) => page(s).querySelector('div.similar'))!;
    const block = page(slug).querySelector('div.similar')!;
    const id = (block.parentNode as HTMLElement).getAttribute('data-id')!;
    const href = block.querySelector('li > a')!.getAttribute('href')!;
    const p = await site.page();
    await p.goto(site.url(`policies/${slug}/#${id}`));
    await p.locator(`section.provision[data-id="${id}"] > div.similar a[href="${href}"]`).click();
    await p.waitForURL((u) => u.pathname + u.hash === href);
    const anchor = href.split('#')[1];
    expect((await p.locator(`[id="${anchor}"]`).boundingBox())!.y).toBeLessThan(200);
    await p.context().close();
  });
});

describe('the curation report in the built site', () => {
  test('a page per document, marked noindex, not in the sitemap, linking to existing anchors', () => {
    const index = readFileSync('dist/curation/index.html', 'utf8');
    expect(index).toContain('<meta name="robots" content="noindex, nofollow">');
    // The sub-path build is made with SITE, so it has sitemaps: none lists a curation page.
    const maps = readdirSync('dist-sub').filter((f) => /^sitemap-\d+\.xml$/.test(f));
    expect(maps.length).toBeGreaterThan(0);
    for (const m of maps) expect(readFileSync(`dist-sub/${m}`, 'utf8')).not.toContain('/curation/');
    for (const slug of slugs) {
      expect(index, slug).toContain(`href="/curation/${slug}/"`);
      const p = parse(readFileSync(`dist/curation/${slug}/index.html`, 'utf8'));
      expect(p.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex, nofollow');
      for (const a of p.querySelectorAll(`a[href^="/policies/${slug}/#"]`)) {
        expect(
          page(slug).getElementById(a.getAttribute('href')!.split('#')[1]),
          a.getAttribute('href')!,
        ).not.toBeNull();
      }
    }
  });
});
