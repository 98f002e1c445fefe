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
): { pages: number; links: number; broken: Broken[] } {
  const prefix = `/${base.replace(/^\/|\/$/g, '')}/`.replace('//', '/');
  const files = htmlFiles(dir, new Set(skip.map((f) => join(dir, f))));
  const idsCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    if (!idsCache.has(file)) {
      const html = readFileSync(file, 'utf8');
      idsCache.set(file, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]))));
    }
    return idsCache.get(file)!;
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
