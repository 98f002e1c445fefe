/**
 * Link checker over the built site (dist/). Every internal link, asset and
 * #fragment must resolve: the target file exists and, for a fragment, the
 * target page has an element with that id. Failures name the page and link.
 * The command is scripts/check-links.ts; the tests call checkLinks() directly.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { safeDecode } from '../../src/lib/decode.ts';

export interface Broken {
  page: string;
  link: string;
  problem: string;
}

function htmlFiles(dir: string, skip: Set<string> = new Set()): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (skip.has(p)) return [];
    return statSync(p).isDirectory() ? htmlFiles(p, skip) : p.endsWith('.html') ? [p] : [];
  });
}

/** How many linked pages' ids are kept (least recently used dropped first). */
export const IDS_CACHED = 2000;

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/** `skip`: folders (relative to `dir`) whose pages are not read as sources; links into them are still checked. */
export function checkLinks(
  dir: string,
  base = '/',
  skip: string[] = [],
  idsCached = IDS_CACHED,
): { pages: number; links: number; broken: Broken[] } {
  const prefix = `/${base.replace(/^\/|\/$/g, '')}/`.replace('//', '/');
  const files = htmlFiles(dir, new Set(skip.map((f) => join(dir, f))));
  // The ids of the pages linked to, for the most recently used IDS_CACHED pages only: holding every
  // page's ids ran out of heap at 10,000 documents (~450,000 pages). Pages are read folder by folder,
  // and a document's provision pages link mostly to each other and to their document, so the cache
  // keeps nearly every hit.
  const idsCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let found = idsCache.get(file);
    if (found) {
      idsCache.delete(file);
    } else {
      const html = readFileSync(file, 'utf8');
      found = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1])));
      if (idsCache.size >= idsCached) idsCache.delete(idsCache.keys().next().value!);
    }
    idsCache.set(file, found);
    return found;
  };
  /** URL path of a page file: dist/policies/x/index.html → /base/policies/x/ */
  const urlOf = (file: string) =>
    prefix +
    relative(dir, file)
      .replace(/\\/g, '/')
      .replace(/index\.html$/, '');
  const fileOf = (pathname: string): string | null => {
    if (!pathname.startsWith(prefix)) return null;
    const decoded = safeDecode(pathname.slice(prefix.length));
    if (decoded === null) return null;
    let p = join(dir, decoded);
    if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
    return existsSync(p) ? p : null;
  };
  const broken: Broken[] = [];
  let links = 0;
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const page = relative(dir, file);
    const pageUrl = new URL(urlOf(file), 'http://site.invalid');
    for (const m of html.matchAll(/<(?:a|link|script|img|source)\b[^>]*?\s(?:href|src)="([^"]*)"/g)) {
      const raw = decode(m[1]);
      if (/^(mailto:|tel:|data:|javascript:)/i.test(raw)) continue;
      const url = new URL(raw, pageUrl);
      if (url.origin !== pageUrl.origin) continue; // external: not ours to check offline
      links++;
      const target = fileOf(url.pathname);
      if (!target) {
        broken.push({
          page,
          link: raw,
          problem: `no file for ${url.pathname}${url.pathname.startsWith(prefix) ? '' : ` (outside the base path ${prefix})`}`,
        });
        continue;
      }
      if (url.hash && target.endsWith('.html')) {
        const id = safeDecode(url.hash.slice(1)) ?? url.hash.slice(1);
        if (!ids(target).has(id)) {
          const near = [...ids(target)].filter((x) => x.startsWith(id.split('-')[0])).slice(0, 8);
          broken.push({
            page,
            link: raw,
            problem: `no element with id "${id}" in ${relative(dir, target)}${near.length ? `; ids there include ${near.join(', ')}` : ''}`,
          });
        }
      }
    }
  }
  return { pages: files.length, links, broken };
}
