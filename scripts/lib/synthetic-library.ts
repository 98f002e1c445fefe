/**
 * A temporary copy of the project whose library holds the real documents and
 * `count` synthetic ones (scripts/bench/synth.ts: real provisions in a fresh
 * outline), most of them in one province and one year, so that list pages
 * get a second page. Ingested and built with `npm run build` (with the given
 * environment: SITE, BASE …). Used by tests of pages that list documents
 * (tests/e2e/lists.test.ts) and by the list-page bench (./lists.ts),
 * which must hold for a library of any size.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generate } from './synth.ts';

export const ROOT = join(import.meta.dirname, '../..');
const SKIP = new Set(['node_modules', 'dist', 'dist-sub', '.git', 'screenshots', '.astro', '.dist.building']);

export interface SyntheticLibrary {
  dir: string;
  slugs: string[];
  ingest: SpawnSyncReturns<string>;
  build?: SpawnSyncReturns<string>;
  remove(): void;
}

/**
 * `count` synthetic documents; `crowd` of them moved to one region and year
 * (山西省朔州市, 2024), the others where synth.ts put them.
 */
export function buildSynthetic(
  count: number,
  opts: {
    crowd?: number;
    env?: Record<string, string>;
    /** `astro build` only: no provision pages, search index or link check. */ astroOnly?: boolean;
  } = {},
): SyntheticLibrary {
  const dir = mkdtempSync(join(tmpdir(), 'lists-'));
  cpSync(ROOT, dir, { recursive: true, filter: (src) => !SKIP.has(relative(ROOT, src).split('/')[0]) });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  // synth.ts draws its provisions from the clause data of the working directory (this project's).
  const slugs = generate(dir, count);
  for (const slug of slugs.slice(0, opts.crowd ?? 0)) {
    const file = join(dir, 'ingest/manifests', `${slug}.json`);
    const m = JSON.parse(readFileSync(file, 'utf8'));
    m.meta.region = { province: '山西省', city: '朔州市' };
    m.meta.year = 2024;
    writeFileSync(file, JSON.stringify(m, null, 2));
  }
  // Not the test runner's own environment (vitest sets BASE_URL, MODE, NODE_ENV …, which Vite would take for the site's).
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(k)),
  );
  const run = (args: string[]) =>
    spawnSync('npm', ['run', ...args], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 1_800_000,
      maxBuffer: 256 * 1024 * 1024,
      // Astro's cache (the content store, the rendered texts) in the copy: node_modules is shared with this project, and so would be its .astro.
      env: {
        ...env,
        ASTRO_CACHE_DIR: join(dir, '.cache'),
        ...opts.env,
        PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`,
      },
    });
  const ingest = run(['ingest']);
  const build = ingest.status === 0 ? run(opts.astroOnly ? ['astro', '--', 'build'] : ['build']) : undefined;
  return { dir, slugs, ingest, build, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const log = (r?: SpawnSyncReturns<string>) =>
  r ? `${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}` : 'not run';
