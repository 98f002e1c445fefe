/**
 * Link checker over the built site (dist/). Every internal link, asset and
 * #fragment must resolve: the target file exists and, for a fragment, the
 * target page has an element with that id. Failures name the page and link.
 * The command is scripts/check-links.ts (checkLinksOnCores(): on every core
 * for a large site); the tests call checkLinks() directly.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LRUCache } from 'lru-cache';
import { safeDecode } from '../../src/lib/decode.ts';
import { poolThreads, runPool } from '../../src/lib/worker-pool.ts';

export interface Broken {
  page: string;
  link: string;
  problem: string;
}

function htmlFiles(dir: string, skip: Set<string> = new Set()): string[] {
  // Entries with their types: one system call per folder, not a stat per file (~480,000 pages at 10,000 documents).
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (skip.has(p)) return [];
    return e.isDirectory() ? htmlFiles(p, skip) : e.name.endsWith('.html') ? [p] : [];
  });
}

/** How many linked pages' ids are kept (least recently used dropped first). */
export const IDS_CACHED = 2000;

/**
 * Pages are read as Latin-1 (one character per byte: several times faster to
 * decode than UTF-8 for Chinese text, and the markup searched is ASCII);
 * what a pattern captures is turned back into its UTF-8 text.
 */
const text = (latin1: string) =>
  /[^\x00-\x7f]/.test(latin1) ? Buffer.from(latin1, 'latin1').toString('utf8') : latin1;
const decode = (s: string) =>
  text(s)
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

export interface LinkSetup {
  dir: string;
  base: string;
  /** How many linked pages' ids each checker keeps. */
  idsCached: number;
}

/** How many link targets' files each checker keeps looked up (least recently used dropped first). */
const FILES_CACHED = 20_000;

/** Pages per task on the worker pool: consecutive files, so a document's pages (which link to each other) stay together. */
const PAGES_PER_TASK = 400;
/** Below this many pages the check stays in one thread. */
const MIN_PAGES_FOR_THREADS = 4000;

/**
 * A checker of source pages against the site at `dir` (a worker-pool
 * handler: src/lib/worker-pool.ts): given pages, their internal links and the
 * broken ones, in page order.
 */
export function linkChecker({ dir, base, idsCached }: LinkSetup): (files: string[]) => {
  links: number;
  broken: Broken[];
} {
  const prefix = `/${base.replace(/^\/|\/$/g, '')}/`.replace('//', '/');
  // The ids of the pages linked to, for the most recently used `idsCached` pages only: holding every
  // page's ids ran out of heap at 10,000 documents (~450,000 pages). Pages are read folder by folder,
  // and a document's provision pages link mostly to each other and to their document, so the cache
  // keeps nearly every hit. A page read as a source leaves its ids here, so it is not read again as a target.
  const idsCache = new LRUCache<string, Set<string>>({ max: idsCached });
  const idsIn = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1])));
  const ids = (file: string) => {
    let found = idsCache.get(file);
    if (!found) idsCache.set(file, (found = idsIn(readFileSync(file, 'latin1'))));
    return found;
  };
  /** URL path of a page file: dist/policies/x/index.html → /base/policies/x/ */
  const urlOf = (file: string) =>
    prefix +
    relative(dir, file)
      .replace(/\\/g, '/')
      .replace(/index\.html$/, '');
  const resolveFile = (pathname: string): string | null => {
    if (!pathname.startsWith(prefix)) return null;
    const decoded = safeDecode(pathname.slice(prefix.length));
    if (decoded === null) return null;
    let p = join(dir, decoded);
    if (existsSync(p) && statSync(p).isDirectory()) p = join(p, 'index.html');
    return existsSync(p) ? p : null;
  };
  // Pages link to the same targets over and over (their document, its provisions, terms, agencies,
  // the site's assets): each target's file is looked up once while it stays among the recent ones,
  // not with two or three file-system calls per link (~17 million links at 10,000 documents).
  // ('' for no file: the cache holds no empty values.)
  const files = new LRUCache<string, string>({ max: FILES_CACHED });
  const fileOf = (pathname: string): string | null => {
    let found = files.get(pathname);
    if (found === undefined) files.set(pathname, (found = resolveFile(pathname) ?? ''));
    return found || null;
  };
  return (files) => {
    const broken: Broken[] = [];
    let links = 0;
    for (const file of files) {
      const html = readFileSync(file, 'latin1');
      idsCache.set(file, idsIn(html));
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
            problem: `no file for ${safeDecode(url.pathname) ?? url.pathname}${url.pathname.startsWith(prefix) ? '' : ` (outside the base path ${prefix})`}`,
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
    return { links, broken };
  };
}

/** `skip`: folders (relative to `dir`) whose pages are not read as sources; links into them are still checked. */
export function checkLinks(
  dir: string,
  base = '/',
  skip: string[] = [],
  idsCached = IDS_CACHED,
): { pages: number; links: number; broken: Broken[] } {
  const files = htmlFiles(dir, new Set(skip.map((f) => join(dir, f))));
  return { pages: files.length, ...linkChecker({ dir, base, idsCached })(files) };
}

/**
 * The same check on every core (`threads`, default BUILD_THREADS or every
 * core, from MIN_PAGES_FOR_THREADS pages): the pages cut into runs of
 * consecutive files, each run checked by a worker with its own ids cache.
 * The same links and the same broken ones, in the same order, as checkLinks().
 */
export async function checkLinksOnCores(
  dir: string,
  base = '/',
  skip: string[] = [],
  threads?: number,
): Promise<{ pages: number; links: number; broken: Broken[]; threads: number }> {
  const files = htmlFiles(dir, new Set(skip.map((f) => join(dir, f))));
  const runs: string[][] = [];
  for (let i = 0; i < files.length; i += PAGES_PER_TASK) runs.push(files.slice(i, i + PAGES_PER_TASK));
  const n = threads ?? poolThreads(files.length, MIN_PAGES_FOR_THREADS);
  const results = await runPool(runs, {
    worker: new URL('./check-links-worker.ts', import.meta.url),
    handler: linkChecker,
    setup: { dir, base, idsCached: IDS_CACHED },
    threads: n,
    batch: 1,
    heapMb: 512,
  });
  return {
    pages: files.length,
    links: results.reduce((a, r) => a + r.links, 0),
    broken: results.flatMap((r) => r.broken),
    threads: Math.max(1, Math.min(n, runs.length)),
  };
}
