/**
 * After `astro build` (scripts/sitemap.ts, part of `npm run build`): the
 * sitemap of every page the build wrote (each `index.html` in the output,
 * not a list kept by hand, so no kind of page can be left out), as a sitemap
 * index (/sitemap.xml) over sitemaps of at most URLS_PER_SITEMAP URLs
 * (/sitemap-1.xml …; the protocol allows 50,000 and 50 MB), and a
 * `Sitemap:` line in robots.txt.
 *
 * Sitemaps need absolute URLs, so they are written only when the site's
 * address is known (SITE=https://…); without it the step writes nothing and
 * says so, rather than inventing a host.
 */
import {
  appendFileSync,
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/** A page that asks not to be indexed (the editors' /curation/ pages) is no page for a sitemap. */
export function noindex(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16384);
    const n = readSync(fd, head, 0, head.length, 0);
    return /<meta name="robots" content="[^"]*noindex/.test(head.subarray(0, n).toString('utf8'));
  } finally {
    closeSync(fd);
  }
}

/** URLs per sitemap file: about 1 MiB each. */
export const URLS_PER_SITEMAP = 10_000;

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * Site-relative paths ('' for the home page, 'policies/x/' …) of every page
 * in the output, and of the open-data files (data/…: catalog, each
 * document's .json/.md/.txt), in a stable order.
 */
export function pagePaths(out: string): string[] {
  const paths: string[] = [];
  const walk = (dir: string, rel: string) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name === 'index.html') && !noindex(join(dir, 'index.html')))
      paths.push(rel);
    if (rel === 'data/') for (const e of entries) if (e.isFile()) paths.push(`${rel}${e.name}`);
    for (const e of entries) {
      // Pagefind's folders and Astro's assets hold no pages.
      if (e.isDirectory() && !/^(_astro|pagefind(-\d+)?)$/.test(e.name)) walk(join(dir, e.name), `${rel}${e.name}/`);
    }
  };
  walk(out, '');
  return paths.sort();
}

/** Splits the URLs into sitemaps and writes them with their index; returns the sitemaps' count. */
export function writeSitemaps(
  out: string,
  site: string,
  base: string,
  perFile = URLS_PER_SITEMAP,
): { urls: number; files: number } {
  for (const f of readdirSync(out)) if (/^sitemap(-\d+)?\.xml$/.test(f)) rmSync(join(out, f));
  const root = new URL(base.replace(/\/?$/, '/'), site);
  // Path segments as the browser would send them (文件 names, if any, percent-encoded).
  const url = (rel: string) => new URL(rel.split('/').map(encodeURIComponent).join('/'), root).toString();
  const paths = pagePaths(out);
  const files = Math.max(1, Math.ceil(paths.length / perFile));
  for (let i = 0; i < files; i++) {
    const locs = paths.slice(i * perFile, (i + 1) * perFile).map((p) => `  <url><loc>${esc(url(p))}</loc></url>`);
    writeFileSync(
      join(out, `sitemap-${i + 1}.xml`),
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${locs.join('\n')}\n</urlset>\n`,
    );
  }
  const index = Array.from(
    { length: files },
    (_, i) => `  <sitemap><loc>${esc(url(`sitemap-${i + 1}.xml`))}</loc></sitemap>`,
  );
  writeFileSync(
    join(out, 'sitemap.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index.join('\n')}\n</sitemapindex>\n`,
  );
  const robots = join(out, 'robots.txt');
  if (existsSync(robots) && !readFileSync(robots, 'utf8').includes('Sitemap:'))
    appendFileSync(robots, `Sitemap: ${url('sitemap.xml')}\n`);
  return { urls: paths.length, files };
}
