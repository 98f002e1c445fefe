/**
 * An incremental build gives exactly what a clean build gives. A small
 * library (a copy of the project: the real documents and two synthetic ones,
 * scripts/bench/synth.ts) is built from scratch; then one document changes
 * (metadata and text), one is added and one removed, and `npm run build`
 * runs again, incrementally. A second copy of the same final library is
 * built from scratch with empty caches. The two output folders must hold the
 * same files, byte for byte (search index included), the incremental build
 * must have kept some documents' pages, and the previous site must not have
 * been written into while the new one was built (its files are hard links
 * of the new one's).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { generate } from '../../scripts/lib/synth.ts';
import { STAMP } from '../../scripts/lib/build-inputs.ts';

const repo = resolve('.');
const pool = join(repo, 'src/content/clauses');
const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A copy of the project with the real documents and `synthetic` generated ones (the first n of one fixed corpus). */
function library(synthetic: number): string {
  const root = mkdtempSync(join(tmpdir(), 'yigai-incremental-'));
  made.push(root);
  for (const p of [
    'src',
    'public',
    'ingest',
    'scripts',
    'seeds',
    'astro.config.mjs',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
  ])
    cpSync(join(repo, p), join(root, p), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  generate(root, synthetic, undefined, pool);
  return root;
}

/** Runs a step in the copy, with its own caches (node_modules is the repository's). */
function run(root: string, args: string[]): string {
  const r = spawnIn(root, args);
  if (r.status !== 0)
    throw new Error(`${args.join(' ')} failed in ${root}:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  return r.stdout;
}

function spawnIn(root: string, args: string[]) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('VITEST') && !['NODE_OPTIONS', 'TEST', 'SITE', 'BASE', 'OUT_DIR'].includes(k),
    ),
  );
  // Small index parts (3–4 documents: src/search-index/part-boundaries.ts), so that several exist and reusing them is tested too.
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...env,
      ASTRO_CACHE_DIR: join(root, '.cache'),
      SEARCH_DOCS_PER_INDEX: '4',
      FORCE_COLOR: '0',
    },
  });
  return r;
}

/** synth-0001's summary changed: metadata only, which no other document's pages show. */
function editSummary(root: string): void {
  const file = join(root, 'ingest/manifests/synth-0001.json');
  const m = JSON.parse(readFileSync(file, 'utf8'));
  m.meta.summary = `${m.meta.summary ?? ''}（已修订）`;
  writeFileSync(file, JSON.stringify(m, null, 2));
}

/** Then synth-0001's text changed, synth-0002 removed; adding synth-0003 is library(3). */
function edit(root: string): void {
  const m = JSON.parse(readFileSync(join(root, 'ingest/manifests/synth-0001.json'), 'utf8'));
  const seed = join(root, 'seeds', m.seed);
  writeFileSync(seed, readFileSync(seed, 'utf8').replace(/\n(\d+)\./, '\n$1.（修订）'));
  rmSync(join(root, 'ingest/manifests/synth-0002.json'));
  rmSync(join(root, 'seeds/synth-0002.txt'));
}

function files(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(dir, `${rel}${e.name}/`) : [`${rel}${e.name}`]))
    .sort();
}
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

test('changing, adding and removing documents, then building incrementally, gives what a clean build gives', () => {
  // Built once with two synthetic documents …
  const a = library(2);
  run(a, ['ingest/cli.ts']);
  run(a, ['scripts/build.ts', '--clean']);
  // The previous site, kept aside as hard links with the digest of every file: it must be the same after.
  const before = join(a, 'before');
  const hashes = new Map<string, string>();
  for (const f of files(join(a, 'dist'))) {
    mkdirSync(dirname(join(before, f)), { recursive: true });
    linkSync(join(a, 'dist', f), join(before, f));
    hashes.set(f, sha(join(a, 'dist', f)));
  }

  // A change to one document's metadata: only its pages are rendered again, the others' are kept.
  editSummary(a);
  run(a, ['ingest/cli.ts']);
  const total0 = readdirSync(join(a, 'src/content/policies')).filter((f) => f.endsWith('.mdx')).length;
  const log0 = run(a, ['scripts/build.ts']);
  expect(log0).toContain(`build: incremental: 1 of ${total0} documents' pages rendered, ${total0 - 1} kept`);
  // Nor are the term and agency pages, which do not show a summary (keyed pages, src/build/changed-documents.ts).
  const keyed = (section: string) =>
    readdirSync(join(a, 'dist', section), { withFileTypes: true }).filter(
      (e) => e.isDirectory() && !/^\d+$/.test(e.name),
    ).length;
  const keptKeyed = Number(/; (\d+) keyed pages kept/.exec(log0)?.[1]);
  expect(keptKeyed).toBeGreaterThanOrEqual(keyed('glossary') + keyed('agencies'));
  for (const [f, h] of hashes) expect(sha(join(before, f)), `the previous site's ${f} was written into`).toBe(h);

  // A broken data file stops an incremental build in the step that reads it first (the similar provisions and
  // the curation report, beside astro build), with the file and a hint; the site is the one built before.
  const rejectedFile = join(a, 'src/content/similar-rejected.json');
  const rejected = readFileSync(rejectedFile, 'utf8');
  const site = new Map(files(join(a, 'dist')).map((f) => [f, sha(join(a, 'dist', f))]));
  writeFileSync(
    rejectedFile,
    '{ "rejected": [ { "pair": ["synth-0001#nope", "synth-0002#s1"], "reason": "测试用例" } ] }',
  );
  const failed = spawnIn(a, ['scripts/build.ts']);
  expect(failed.status).not.toBe(0);
  expect(failed.stderr).toMatch(
    /similar-rejected\.json:1: rejected\[0\] [^\n]*clause "nope" does not exist in synth-0001\n {2}hint: /,
  );
  expect(failed.stderr).toContain('dist is unchanged');
  expect(new Map(files(join(a, 'dist')).map((f) => [f, sha(join(a, 'dist', f))]))).toEqual(site);
  writeFileSync(rejectedFile, rejected);

  // … then synth-0003 added (from the same corpus), synth-0001's text changed, synth-0002 removed, and built again.
  // Their texts are the real documents' provisions, so the similar provisions (自动推荐) of most documents change too.
  const aside = library(3);
  cpSync(join(aside, 'ingest/manifests/synth-0003.json'), join(a, 'ingest/manifests/synth-0003.json'));
  cpSync(join(aside, 'seeds/synth-0003.txt'), join(a, 'seeds/synth-0003.txt'));
  edit(a);
  run(a, ['ingest/cli.ts']);
  const log = run(a, ['scripts/build.ts']);
  const total = readdirSync(join(a, 'src/content/policies')).filter((f) => f.endsWith('.mdx')).length;
  const m = /build: incremental: (\d+) of (\d+) documents' pages rendered, (\d+) kept/.exec(log);
  expect(m, log.slice(-3000)).not.toBeNull();
  const [rendered, of, kept] = m!.slice(1).map(Number);
  expect(of).toBe(total);
  // The changed and the added document at least.
  expect(rendered).toBeGreaterThanOrEqual(2);
  expect(rendered + kept).toBe(total);
  expect(log).toMatch(/Pagefind: .*\d+ from the cache/);
  for (const [f, h] of hashes) expect(sha(join(before, f)), `the previous site's ${f} was written into`).toBe(h);

  // The same final library, from scratch.
  const b = aside;
  editSummary(b);
  edit(b);
  run(b, ['ingest/cli.ts']);
  run(b, ['scripts/build.ts', '--clean']);

  const fa = files(join(a, 'dist')).filter((f) => f !== STAMP);
  expect(fa).toEqual(files(join(b, 'dist')).filter((f) => f !== STAMP));
  expect(fa).toContain('policies/synth-0003/index.html');
  expect(fa.some((f) => f.startsWith('policies/synth-0002/') || f.startsWith('data/synth-0002.'))).toBe(false);
  expect(
    fa.filter((f) => /^pagefind(-\d+)?\/pagefind-entry\.json$/.test(f)).length,
    'pagefind/ and at least two parts of documents',
  ).toBeGreaterThanOrEqual(3);
  const differ = fa.filter((f) => !readFileSync(join(a, 'dist', f)).equals(readFileSync(join(b, 'dist', f))));
  expect(differ).toEqual([]);
  expect(readFileSync(join(a, 'dist/policies/synth-0001/index.html'), 'utf8')).toContain('（修订）');
}, 600_000);
