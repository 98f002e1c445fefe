/**
 * Link checker over the built site (dist/). Every internal link, asset and
 * #fragment must resolve: the target file exists and, for a fragment, the
 * target page has an element with that id. Failures name the page and link.
 *
 *   node scripts/check-links.ts [--dir dist] [--base /sub/path/] [--skip <file>]
 * Exit code 1 when anything is broken.
 *
 * --skip names a JSON array of folders (relative to --dir, e.g.
 * "policies/x/") whose pages are not read as sources: an incremental build
 * (scripts/build.ts) passes the documents it kept from the previous site,
 * which that site's check already passed and whose links cannot have broken
 * since (what they link to is part of their pages digest:
 * src/loaders/policies.ts). Links into them are still checked.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { safeDecode } from '../src/lib/decode.ts';

export interface Broken { page: string; link: string; problem: string }

function htmlFiles(dir: string, skip: Set<string> = new Set()): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (skip.has(p)) return [];
    return statSync(p).isDirectory() ? htmlFiles(p, skip) : p.endsWith('.html') ? [p] : [];
  });
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

export function checkLinks(dir: string, base = '/', skip: string[] = []): { pages: number; links: number; broken: Broken[] } {
  const prefix = `/${base.replace(/^\/|\/$/g, '')}/`.replace('//', '/');
  const skipped = new Set(skip.map((f) => join(dir, f)));
  const files = htmlFiles(dir, skipped);
  const idsCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    if (!idsCache.has(file)) {
      const html = readFileSync(file, 'utf8');
      idsCache.set(file, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]))));
    }
    return idsCache.get(file)!;
  };
  /** URL path of a page file: dist/policies/x/index.html → /base/policies/x/ */
  const urlOf = (file: string) => prefix + relative(dir, file).replace(/\\/g, '/').replace(/index\.html$/, '');
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
        broken.push({ page, link: raw, problem: `no file for ${url.pathname}${url.pathname.startsWith(prefix) ? '' : ` (outside the base path ${prefix})`}` });
        continue;
      }
      if (url.hash && target.endsWith('.html')) {
        const id = safeDecode(url.hash.slice(1)) ?? url.hash.slice(1);
        if (!ids(target).has(id)) {
          const near = [...ids(target)].filter((x) => x.startsWith(id.split('-')[0])).slice(0, 8);
          broken.push({ page, link: raw, problem: `no element with id "${id}" in ${relative(dir, target)}${near.length ? `; ids there include ${near.join(', ')}` : ''}` });
        }
      }
    }
  }
  return { pages: files.length, links, broken };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' }, base: { type: 'string' }, skip: { type: 'string' } } });
  const dir = values.dir;
  const base = values.base ?? process.env.BASE ?? '/';
  const skip = values.skip ? (JSON.parse(readFileSync(values.skip, 'utf8')) as string[]).map((f) => f.replace(/\/$/, '')) : [];
  const { pages, links, broken } = checkLinks(dir, base, skip);
  for (const b of broken) console.error(`${b.page}: broken link ${b.link} — ${b.problem}`);
  console.log(`check-links: ${pages} pages${skip.length ? ` (${skip.length} kept documents' pages not read)` : ''}, ${links} internal links, ${broken.length} broken`);
  process.exit(broken.length ? 1 : 0);
}
