/**
 * npm run build: `astro build`, the search index and the link check, into a
 * temporary folder that replaces dist/ (or OUT_DIR) only when all three
 * succeed (scripts/build/atomic.ts), with a `_headers` file for static hosts
 * (src/lib/csp/policy.ts). BASE, OUT_DIR, SITE and
 * SEARCH_DOCS_PER_INDEX are honoured as before.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headersFile } from '../src/lib/csp/policy.ts';
import { buildAtomically } from './build/atomic.ts';
import { inputsDigest } from './build/inputs.ts';

const outDir = process.env.OUT_DIR ?? './dist';
const base = process.env.BASE ?? '/';
const digest = inputsDigest();
const run = (args: string[], env: Record<string, string> = {}) =>
  execFileSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });

try {
  await buildAtomically(outDir, (tmp) => {
    run(['node_modules/astro/bin/astro.mjs', 'build'], { OUT_DIR: tmp });
    // Provision pages are cut from the built document pages (src/provision-pages/), before the index.
    run(['scripts/provision-pages.ts', tmp]);
    // Sitemaps from the pages the build wrote (src/sitemap/); only with SITE (they need absolute URLs).
    run(['scripts/sitemap.ts', tmp]);
    run(['scripts/search-index.ts', tmp]);
    // For static hosts that read one: the pages' Content-Security-Policy as a header, nosniff, referrer policy.
    writeFileSync(join(tmp, '_headers'), headersFile(base));
    run(['scripts/check-links.ts', '--dir', tmp, '--base', base]);
  }, digest);
} catch {
  console.error(`build: failed; ${outDir} is unchanged (the previous site, if there was one).`);
  process.exit(1);
}
