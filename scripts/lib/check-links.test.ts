import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { checkLinks, checkLinksOnCores } from './check-links.ts';

/** A built site of a few pages whose links point at each other's fragments, some of them missing. */
function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'links-'));
  const page = (path: string, ids: string[], links: string[]) => {
    mkdirSync(join(dir, path), { recursive: true });
    writeFileSync(
      join(dir, path, 'index.html'),
      `<main>${ids.map((i) => `<p id="${i}">x</p>`).join('')}${links.map((l) => `<a href="${l}">l</a>`).join('')}</main>`,
    );
  };
  page('a', ['a1', 'a2'], ['/b/#b1', '/c/#c1', '/b/#b9']);
  page('b', ['b1'], ['/a/#a2', '/c/#c1', '/a/#a9']);
  page('c', ['c1'], ['/a/#a1', '/b/#b1', '/c/#c9', '/d/']);
  return dir;
}

test('fragments are checked against the target page however few pages the id cache keeps', () => {
  for (const cached of [2000, 1]) {
    const { pages, links, broken } = checkLinks(site(), '/', [], cached);
    expect({ pages, links }).toEqual({ pages: 3, links: 10 });
    expect(broken.map((b) => `${b.page} ${b.link}`).sort()).toEqual([
      'a/index.html /b/#b9',
      'b/index.html /a/#a9',
      'c/index.html /c/#c9',
      'c/index.html /d/',
    ]);
  }
});

test('on two threads the check finds the same links and the same broken ones, in the same order', async () => {
  // Enough pages for several runs of pages (each checked by a worker with its own id cache).
  const dir = mkdtempSync(join(tmpdir(), 'links-many-'));
  for (let i = 0; i < 900; i++) {
    mkdirSync(join(dir, `p${i}`), { recursive: true });
    const next = (i + 1) % 900;
    writeFileSync(
      join(dir, `p${i}`, 'index.html'),
      `<main><p id="x${i}">x</p><a href="/p${next}/#x${next}">n</a><a href="/p${next}/#${i % 97 === 0 ? 'gone' : `x${next}`}">m</a>${i % 250 === 0 ? '<a href="/nowhere/">z</a>' : ''}</main>`,
    );
  }
  const one = checkLinks(dir);
  const two = await checkLinksOnCores(dir, '/', [], 2);
  expect(two.threads).toBe(2);
  expect(one.broken.length).toBeGreaterThan(5);
  expect({ pages: two.pages, links: two.links, broken: two.broken }).toEqual(one);
});

test('non-ASCII addresses and ids are read as their UTF-8 text, written out or percent-encoded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'links-utf8-'));
  mkdirSync(join(dir, '术语'), { recursive: true });
  writeFileSync(
    join(dir, '术语', 'index.html'),
    '<main><p id="两个允许">两个允许</p><a href="/术语/#两个允许">a</a>' +
      '<a href="/%E6%9C%AF%E8%AF%AD/#%E4%B8%A4%E4%B8%AA%E5%85%81%E8%AE%B8">b</a>' +
      '<a href="/术语/#两个不允许">c</a><a href="/术話/">d</a></main>',
  );
  const { links, broken } = checkLinks(dir);
  expect(links).toBe(4);
  expect(broken).toEqual([
    {
      page: join('术语', 'index.html'),
      link: '/术语/#两个不允许',
      problem: 'no element with id "两个不允许" in 术语/index.html',
    },
    { page: join('术语', 'index.html'), link: '/术話/', problem: 'no file for /术話/' },
  ]);
});
