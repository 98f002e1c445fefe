/**
 * npm run build              the site in dist/ (OUT_DIR), incrementally when it can
 * npm run build -- --clean   from scratch
 *
 * Steps: the similar provisions and the curation report (one process), `astro build`, the provision pages, the open-data files, the sitemaps, the search index,
 * `_headers` (src/lib/csp/policy.ts) and the link check, all into a
 * temporary folder that replaces the output only when every step succeeded
 * (scripts/build/atomic.ts): the site served is the old one or the new one,
 * never half of each. BASE, OUT_DIR, SITE and SEARCH_DOCS_PER_INDEX are
 * honoured.
 *
 * Incremental: each document's rendering and search-index part are cached by
 * content digest (src/lib/build-cache/), and each document has a pages digest
 * (src/loaders/policies.ts: everything its own pages are made from). When the
 * output holds a previous build whose state this script kept, `astro build`
 * renders only the pages of documents whose pages digest changed, plus every
 * shared page (src/build/changed-documents.ts); the unchanged documents' own
 * files are hard-linked from the previous output (src/build/link-kept.ts);
 * provision pages are written for the changed documents only (for all if the
 * provision-page shell changed), and so are the open-data files. The result equals a clean build's
 * (tests/incremental/). A removed document's files are simply not carried over.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { headersFile } from '../src/lib/csp/policy.ts';
import {
  buildCacheDir,
  PAGES_MANIFEST,
  ROUTE_DIGESTS_ENV,
  SIMILAR_FILES_ENV,
  UNCHANGED_ENV,
  UNCHANGED_ROUTES_ENV,
  type PagesManifest,
} from '../src/lib/build-cache/paths.ts';
import { digest } from '../src/lib/build-cache/digest.ts';
import { dropDocuments, linkKeptFolders, mergeRendered } from '../src/build/link-kept.ts';
import { buildAtomically } from './build/atomic.ts';
import { CURATION_REPORT_ENV } from '../src/lib/curation/report-files.ts';
import { clearPending, markPending } from '../src/lib/build-cache/pending.ts';
import { inputsDigest, STAMP } from './lib/build-inputs.ts';

const clean = process.argv.includes('--clean');
const outDir = process.env.OUT_DIR ?? './dist';
const out = resolve(outDir);
const base = process.env.BASE ?? '/';
const cache = buildCacheDir();
mkdirSync(cache, { recursive: true });

/**
 * What a build leaves for the next: which site it describes (its stamp's
 * time), each document's pages digest, the provision-page shell's digest,
 * and the keyed pages' digests by route (src/build/changed-documents.ts).
 */
interface BuildState {
  builtAt: string;
  docs: PagesManifest;
  shell: string;
  routes: Record<string, Record<string, string>>;
}
// One state and one set of scratch files per output folder (dist/ and the sub-path test build's dist-sub/ share the cache).
const id = digest(out).slice(0, 12);
const stateFile = join(cache, `site-build-${id}.json`);
const readJson = <T>(file: string): T | undefined => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
};
const stamp = readJson<{ builtAt?: string }>(join(out, STAMP));
const kept = readJson<BuildState>(stateFile);
// Only the state of the site that is there now: any other (a failed build's, a hand-edited output) means a clean build.
const previous = !clean && kept && stamp?.builtAt === kept.builtAt ? kept : undefined;

/**
 * Runs one step in a process of its own; resolves when it exited with 0. The `build: step …` lines let the
 * benchmark time the steps and their memory apart. `started` gets the process id (for the steps an
 * incremental build runs side by side).
 */
const run = (args: string[], step: string, env: Record<string, string> = {}, started?: (pid: number) => void) =>
  new Promise<void>((resolve, reject) => {
    const t = Date.now();
    console.log(`build: step ${step} started`);
    const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    if (child.pid) started?.(child.pid);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code !== 0) return reject(new Error(`step ${step} stopped (${signal ?? `code ${code}`})`));
      console.log(`build: step ${step} done in ${Date.now() - t} ms`);
      resolve();
    });
  });
const readJsonOr = (file: string): Record<string, string> => readJson<Record<string, string>>(file) ?? {};
const routesDir = join(cache, `route-digests-${id}`);
const unchangedRoutesDir = join(cache, `unchanged-routes-${id}`);
const shellDigest = (dir: string) => {
  try {
    return digest(readFileSync(join(dir, 'provision-shell', 'index.html')));
  } catch {
    return '';
  }
};

/**
 * An incremental build of a library this size runs the curation step beside `astro build`. Both hold
 * the whole library (the similar-provision index, the collection), and side by side they peaked at
 * 1.2–1.5 GiB with 1,000 documents and 2.6–2.9 GiB with 10,000 (docs/benchmarks.md), linear in between:
 * past ~4,000 documents they would pass the 2 GiB a build is to stay under, so larger libraries run them
 * one after the other, as a clean build always does.
 */
const SIDE_BY_SIDE_MAX_DOCS = 4000;
const sideBySide = !!previous && Object.keys(previous.docs).length <= SIDE_BY_SIDE_MAX_DOCS;

const t0 = Date.now();
let state: BuildState | undefined;
try {
  const builtAt = await buildAtomically(
    outDir,
    async (tmp) => {
      // Documents whose pages are in the previous output, with the digest they were made from.
      const unchanged: PagesManifest = {};
      for (const [slug, d] of Object.entries(previous?.docs ?? {}))
        if (existsSync(join(out, 'policies', slug, 'index.html'))) unchanged[slug] = d;
      const unchangedFile = join(cache, `unchanged-pages-${id}.json`);
      writeFileSync(unchangedFile, JSON.stringify(unchanged));
      // Keyed pages: the routes write their digests into one folder; the previous build's (of the pages still there) are in the other.
      for (const d of [routesDir, unchangedRoutesDir]) {
        rmSync(d, { recursive: true, force: true });
        mkdirSync(d, { recursive: true });
      }
      for (const [route, digests] of Object.entries(previous?.routes ?? {})) {
        const there = Object.fromEntries(
          Object.entries(digests).filter(([key]) => existsSync(join(out, route, key, 'index.html'))),
        );
        writeFileSync(join(unchangedRoutesDir, `${route.replace(/\//g, '__')}.json`), JSON.stringify(there));
      }
      // The previous documents' own files, hard-linked into the new folder in a process of its own while
      // the curation step and `astro build` run (into a folder beside it); those whose pages are rendered
      // again, or that were removed, are dropped afterwards (src/build/link-kept.ts).
      const astroOut = `${tmp}.astro`;
      rmSync(astroOut, { recursive: true, force: true });
      const aheadFile = join(cache, `link-ahead-${id}.json`);
      writeFileSync(aheadFile, JSON.stringify(Object.keys(unchanged)));
      const ahead = Object.keys(unchanged).length
        ? spawn(process.execPath, ['src/build/link-kept-cli.ts', out, tmp, aheadFile], { stdio: 'inherit' })
        : undefined;
      const aheadDone = new Promise<void>((resolve, reject) => {
        if (!ahead) return resolve();
        ahead.once('error', reject);
        ahead.once('exit', (code, signal) =>
          code === 0
            ? resolve()
            : reject(new Error(`linking the kept documents stopped (${signal ?? `code ${code}`})`)),
        );
      });
      aheadDone.catch(() => {});
      let pages: PagesManifest;
      let keep: string[];
      try {
        // The curation report's files, in a process of its own: the /curation/ pages read them one at a time
        // (src/lib/curation/report-files.ts). The same process writes the pages' 自动推荐 files first, from
        // the one similar-provision index both need (src/lib/similar/doc-files.ts), for the policy loader.
        const reportDir = join(cache, `curation-report-${id}`);
        const similarDir = join(cache, `similar-${id}`);
        for (const d of [reportDir, similarDir]) rmSync(d, { recursive: true, force: true });
        const curationArgs = ['src/lib/curation/write-report-files.ts', reportDir, '--similar', similarDir];
        const siteArgs = ['node_modules/astro/bin/astro.mjs', 'build'];
        const siteEnv = {
          OUT_DIR: astroOut,
          [CURATION_REPORT_ENV]: reportDir,
          [SIMILAR_FILES_ENV]: similarDir,
          [ROUTE_DIGESTS_ENV]: routesDir,
          ...(previous ? { [UNCHANGED_ENV]: unchangedFile, [UNCHANGED_ROUTES_ENV]: unchangedRoutesDir } : {}),
        };
        if (sideBySide) {
          // Incremental: the similar provisions and the report (library-wide, seconds) are written while
          // Astro starts; the loader and the /curation/ pages wait for them (src/lib/build-cache/pending.ts).
          const curation = run(curationArgs, 'curation', {}, (pid) => {
            markPending(reportDir, pid);
            markPending(similarDir, pid);
          }).finally(() => {
            clearPending(reportDir);
            clearPending(similarDir);
          });
          let sitePid: number | undefined;
          // A failed report: Astro would only stop later for want of it, after more output.
          curation.catch(() => {
            try {
              if (sitePid) process.kill(sitePid);
            } catch {
              /* already stopped */
            }
          });
          const site = run(siteArgs, 'site', siteEnv, (pid) => (sitePid = pid));
          const [c, s] = await Promise.allSettled([curation, site]);
          // The report's failure first: the site's is then only that the report is missing.
          if (c.status === 'rejected') throw c.reason;
          if (s.status === 'rejected') throw s.reason;
        } else {
          await run(curationArgs, 'curation');
          await run(siteArgs, 'site', siteEnv);
        }
        await aheadDone;
        pages = JSON.parse(readFileSync(join(cache, PAGES_MANIFEST), 'utf8')) as PagesManifest;
        keep = Object.keys(pages).filter((slug) => unchanged[slug] === pages[slug]);
        const kept = new Set(keep);
        dropDocuments(
          tmp,
          Object.keys(unchanged).filter((slug) => !kept.has(slug)),
        );
        mergeRendered(astroOut, tmp);
      } finally {
        // A failed step: the linking must not go on writing into the folder about to be removed.
        if (ahead && ahead.exitCode === null && ahead.signalCode === null) {
          ahead.kill();
          await aheadDone.catch(() => {});
        }
        rmSync(astroOut, { recursive: true, force: true });
        rmSync(aheadFile, { force: true });
      }
      // The keyed pages whose digest did not change: their folders from the previous site.
      const routes: BuildState['routes'] = {};
      const keptFolders: string[] = [];
      for (const f of readdirSync(routesDir)) {
        const route = f.replace(/\.json$/, '').replace(/__/g, '/');
        routes[route] = JSON.parse(readFileSync(join(routesDir, f), 'utf8')) as Record<string, string>;
        if (!previous) continue;
        const before = readJsonOr(join(unchangedRoutesDir, f));
        for (const [key, d] of Object.entries(routes[route]))
          if (before[key] === d) keptFolders.push(`${route}/${key}`);
      }
      const linked = linkKeptFolders(out, tmp, keptFolders);
      const shell = shellDigest(tmp);
      const changed = Object.keys(pages).filter((slug) => unchanged[slug] !== pages[slug]);
      if (previous)
        console.log(
          `build: incremental: ${changed.length} of ${Object.keys(pages).length} documents' pages rendered, ${keep.length} kept; ${keptFolders.length} keyed pages kept (${linked} of their files linked from the previous site; the documents' files were linked ahead)`,
        );
      // Provision pages are cut from the built document pages (src/provision-pages/);
      // only the rendered documents' unless the shell they are put into changed.
      const onlyFile = join(cache, `provision-only-${id}.json`);
      writeFileSync(onlyFile, JSON.stringify(changed));
      const provisionsArgs = [
        'scripts/provision-pages.ts',
        tmp,
        ...(previous && previous.shell === shell ? ['--only', onlyFile] : []),
      ];
      // The documents' open-data files (src/open-data/), outside Astro; only the rendered documents' (the others' are linked above).
      const openDataArgs = ['scripts/open-data.ts', tmp, ...(previous ? ['--only', onlyFile] : [])];
      // Sitemaps from the pages the build wrote (src/sitemap/); only with SITE (they need absolute URLs).
      const sitemapArgs = ['scripts/sitemap.ts', tmp];
      // The index step holds little (a digest per document; records are read when their part is written),
      // but reads every page once: without a cap V8 keeps that garbage beside Pagefind's own process.
      // It reads the clause data and the glossary and topic pages, none of the three steps above writes.
      const indexArgs = ['--max-old-space-size=256', 'scripts/search-index.ts', tmp];
      if (previous) {
        // Incremental: little to do in each, mostly process start and reading; the index beside the other three
        // uses the second core. (A clean build runs them one after another: at 10,000 documents the index and
        // the provision pages each take both cores and together would pass 2 GiB.)
        const pages = (async () => {
          await run(provisionsArgs, 'provisions');
          await run(openDataArgs, 'open-data');
          await run(sitemapArgs, 'sitemap');
        })();
        const index = run(indexArgs, 'index');
        const settled = await Promise.allSettled([pages, index]);
        for (const r of settled) if (r.status === 'rejected') throw r.reason;
      } else {
        await run(provisionsArgs, 'provisions');
        await run(openDataArgs, 'open-data');
        await run(sitemapArgs, 'sitemap');
        await run(indexArgs, 'index');
      }
      // For static hosts that read one: the pages' Content-Security-Policy as a header, nosniff, referrer policy.
      writeFileSync(join(tmp, '_headers'), headersFile(base));
      // Every page on a clean build; on an incremental one, every page but the kept documents' (scripts/check-links.ts --skip).
      const skipFile = join(cache, `links-skip-${id}.json`);
      writeFileSync(
        skipFile,
        JSON.stringify(
          previous && previous.shell === shell ? [...keep.map((slug) => `policies/${slug}`), ...keptFolders] : [],
        ),
      );
      await run(['scripts/check-links.ts', '--dir', tmp, '--base', base, '--skip', skipFile], 'links');
      state = { builtAt: '', docs: pages, shell, routes };
    },
    inputsDigest(),
  );
  // Written after the swap, naming the site it describes: a build stopped before leaves the old state, which no longer matches.
  writeFileSync(stateFile, JSON.stringify({ ...state!, builtAt }));
  console.log(`build: ${previous ? 'incremental' : 'clean'} build in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
} catch (e) {
  console.error(
    `build: failed${e instanceof Error ? ` (${e.message})` : ''}; ${outDir} is unchanged (the previous site, if there was one).`,
  );
  process.exit(1);
} finally {
  for (const f of [
    `unchanged-pages-${id}.json`,
    `provision-only-${id}.json`,
    `links-skip-${id}.json`,
    `route-digests-${id}`,
    `unchanged-routes-${id}`,
    `curation-report-${id}`,
    `similar-${id}`,
  ])
    rmSync(join(cache, f), { recursive: true, force: true });
}
