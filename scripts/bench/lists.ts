/**
 * List pages at scale: `node scripts/bench/lists.ts 1000 [2000 …]` builds a
 * library of N documents (the real ones and synthetic ones,
 * scripts/bench/synth.ts; ingest and `astro build` only, as list pages are
 * Astro routes) and prints, per kind of list page, how many pages there are
 * and the largest one. Bounded lists keep the largest page the same size
 * as N grows; only the number of pages grows.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSynthetic, log } from '../lib/synthetic-library.ts';

/** Kinds of list page: a pattern over the site-relative file. */
const KINDS: [string, RegExp][] = [
  ['home', /^index\.html$/],
  ['region lists', /^regions\//],
  ['year lists', /^years\//],
  ['glossary term pages', /^glossary\/[^/]+\/(\d+\/)?index\.html$/],
  ['agency pages', /^agencies\/[^/]+-[^/]+\/(\d+\/)?index\.html$/],
  ['agency index', /^agencies\/(\d+\/)?index\.html$/],
  ['curation index', /^curation\/(\d+\/)?index\.html$/],
  ['cited', /^cited\/index\.html$/],
  ['search page', /^search\/index\.html$/],
  ['404', /^404\.html$/],
  ['feed', /^feed\.xml$/],
  ['catalog files', /^data\/catalog(-\d+)?\.json$/],
];

function files(dir: string, rel = ''): { path: string; bytes: number }[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? /^(_astro|pagefind)/.test(e.name)
        ? []
        : files(dir, `${rel}${e.name}/`)
      : [{ path: `${rel}${e.name}`, bytes: statSync(join(dir, rel, e.name)).size }],
  );
}

const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
for (const n of process.argv.slice(2).map(Number)) {
  const t0 = Date.now();
  // The real documents count towards N (5 today).
  const real = readdirSync('src/content/policies').filter((f) => f.endsWith('.mdx')).length;
  const lib = buildSynthetic(Math.max(0, n - real), { astroOnly: true });
  try {
    if (lib.build?.status !== 0) throw new Error(`the build of N = ${n} failed:\n${log(lib.build ?? lib.ingest)}`);
    const all = files(join(lib.dir, 'dist'));
    console.log(`\nN = ${n} (${((Date.now() - t0) / 1000).toFixed(0)} s to generate, ingest and build)`);
    console.log('| list pages | files | largest | largest file |\n| --- | ---: | ---: | --- |');
    for (const [name, re] of KINDS) {
      const mine = all.filter((f) => re.test(f.path));
      const top = mine.reduce((a, b) => (b.bytes > a.bytes ? b : a), { path: '—', bytes: 0 });
      console.log(`| ${name} | ${mine.length} | ${kib(top.bytes)} | ${top.path} |`);
    }
  } finally {
    lib.remove();
  }
}
