/**
 * npm run build              the site in dist/ (OUT_DIR), incrementally when it can
 * npm run build -- --clean   from scratch
 *
 * Steps: `astro build`, the provision pages, the sitemaps, the search index,
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
 * provision-page shell changed). The result equals a clean build's
 * (tests/incremental/). A removed document's files are simply not carried over.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { headersFile } from '../src/lib/csp/policy.ts';
import { buildCacheDir, PAGES_MANIFEST, UNCHANGED_ENV, type PagesManifest } from '../src/lib/build-cache/paths.ts';
import { digest } from '../src/lib/build-cache/digest.ts';
import { linkKept } from '../src/build/link-kept.ts';
import { buildAtomically } from './build/atomic.ts';
import { inputsDigest, STAMP } from './build/inputs.ts';

const clean = process.argv.includes('--clean');
const outDir = process.env.OUT_DIR ?? './dist';
const out = resolve(outDir);
const base = process.env.BASE ?? '/';
const cache = buildCacheDir();
mkdirSync(cache, { recursive: true });

/** What a build leaves for the next: which site it describes (its stamp's time), each document's pages digest, the provision-page shell's digest. */
interface BuildState { builtAt: string; docs: PagesManifest; shell: string }
// One state per output folder (dist/ and the sub-path test build's dist-sub/ share the cache).
const stateFile = join(cache, `site-build-${digest(out).slice(0, 12)}.json`);
const readJson = <T>(file: string): T | undefined => { try { return JSON.parse(readFileSync(file, 'utf8')) as T; } catch { return undefined; } };
const stamp = readJson<{ builtAt?: string }>(join(out, STAMP));
const kept = readJson<BuildState>(stateFile);
// Only the state of the site that is there now: any other (a failed build's, a hand-edited output) means a clean build.
const previous = !clean && kept && stamp?.builtAt === kept.builtAt ? kept : undefined;

/** Runs one step; the `build: step …` lines let the benchmark time the steps and their memory apart. */
const run = (args: string[], env: Record<string, string> = {}, step = '') => {
  const t = Date.now();
  if (step) console.log(`build: step ${step} started`);
  execFileSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (step) console.log(`build: step ${step} done in ${Date.now() - t} ms`);
};
const shellDigest = (dir: string) => { try { return digest(readFileSync(join(dir, 'provision-shell', 'index.html'))); } catch { return ''; } };

const t0 = Date.now();
let state: BuildState | undefined;
try {
  const builtAt = await buildAtomically(outDir, (tmp) => {
    // Documents whose pages are in the previous output, with the digest they were made from.
    const unchanged: PagesManifest = {};
    for (const [slug, d] of Object.entries(previous?.docs ?? {})) if (existsSync(join(out, 'policies', slug, 'index.html'))) unchanged[slug] = d;
    const unchangedFile = join(cache, `unchanged-pages-${digest(out).slice(0, 12)}.json`);
    writeFileSync(unchangedFile, JSON.stringify(unchanged));
    run(['node_modules/astro/bin/astro.mjs', 'build'], { OUT_DIR: tmp, ...(previous ? { [UNCHANGED_ENV]: unchangedFile } : {}) }, 'site');
    const pages = JSON.parse(readFileSync(join(cache, PAGES_MANIFEST), 'utf8')) as PagesManifest;
    const keep = Object.keys(pages).filter((slug) => unchanged[slug] === pages[slug]);
    const linked = linkKept(out, tmp, keep);
    const shell = shellDigest(tmp);
    const changed = Object.keys(pages).filter((slug) => unchanged[slug] !== pages[slug]);
    if (previous) console.log(`build: incremental: ${changed.length} of ${Object.keys(pages).length} documents' pages rendered, ${keep.length} kept (${linked} files linked from the previous site)`);
    // Provision pages are cut from the built document pages (src/provision-pages/), before the index;
    // only the rendered documents' unless the shell they are put into changed.
    const onlyFile = join(cache, `provision-only-${digest(out).slice(0, 12)}.json`);
    writeFileSync(onlyFile, JSON.stringify(changed));
    run(['scripts/provision-pages.ts', tmp, ...(previous && previous.shell === shell ? ['--only', onlyFile] : [])], {}, 'provisions');
    // Sitemaps from the pages the build wrote (src/sitemap/); only with SITE (they need absolute URLs).
    run(['scripts/sitemap.ts', tmp], {}, 'sitemap');
    // The index step holds little (a digest per document; records are read when their part is written),
    // but reads every page once: without a cap V8 keeps that garbage beside Pagefind's own process.
    run(['--max-old-space-size=512', 'scripts/search-index.ts', tmp], {}, 'index');
    // For static hosts that read one: the pages' Content-Security-Policy as a header, nosniff, referrer policy.
    writeFileSync(join(tmp, '_headers'), headersFile(base));
    // Every page on a clean build; on an incremental one, every page but the kept documents' (scripts/check-links.ts --skip).
    const skipFile = join(cache, `links-skip-${digest(out).slice(0, 12)}.json`);
    writeFileSync(skipFile, JSON.stringify(previous && previous.shell === shell ? keep.map((slug) => `policies/${slug}`) : []));
    run(['scripts/check-links.ts', '--dir', tmp, '--base', base, '--skip', skipFile], {}, 'links');
    state = { builtAt: '', docs: pages, shell };
  }, inputsDigest());
  // Written after the swap, naming the site it describes: a build stopped before leaves the old state, which no longer matches.
  writeFileSync(stateFile, JSON.stringify({ ...state!, builtAt }));
  console.log(`build: ${previous ? 'incremental' : 'clean'} build in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
} catch (e) {
  console.error(`build: failed${e instanceof Error && !('status' in e) ? ` (${e.message})` : ''}; ${outDir} is unchanged (the previous site, if there was one).`);
  process.exit(1);
} finally {
  rmSync(join(cache, `unchanged-pages-${digest(out).slice(0, 12)}.json`), { force: true });
}
