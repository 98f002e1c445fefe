/**
 * npm run bench                 figures for the real site (N = 5): page weight,
 *                               Lighthouse (mobile + desktop), search quality,
 *                               speed and bytes
 * npm run bench -- --docs 1000  a scale run: N documents (5 real + synthetic)
 *                               through ingest, site build and index, with
 *                               times, peak memory, sizes and search cost
 *   --incremental               then change one document, the oldest one,
 *                               add one, and
 *                               time each incremental rebuild
 *   --no-search                 leave out the browser's search figures
 * npm run bench -- --similar    similar-provision and suggestion quality, and
 *                               the similarity step at 1,000 documents
 *   --keep                      keep the run's folder
 * Prints figures; asserts nothing (the tests hold the budgets).
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openSite, DOCS } from '../lib/site.ts';
import { cliArgs } from '../lib/args.ts';
import { measureFirstQuery, measureLoad, measureWarmQueries } from '../lib/measure.ts';
import { runLighthouse } from '../lib/lighthouse.ts';
import { generate } from '../lib/synth.ts';
import { clauseTexts, queryForms } from '../lib/query-truth.ts';
import { similarCost, similarQuality } from './similar.ts';
import { curationQuality } from './curation.ts';
import { readPolicyFrontmatterUnchecked } from '../../src/lib/data/frontmatter.ts';
import { dateKey } from '../../src/lib/data/date-key.ts';

const { values: options } = cliArgs(
  'bench',
  'npm run bench [-- --docs N [--incremental] [--no-search] [--keep] | -- --similar [--docs N]]',
  {
    options: {
      docs: { type: 'string' },
      incremental: { type: 'boolean' },
      'no-search': { type: 'boolean' },
      similar: { type: 'boolean' },
      keep: { type: 'boolean' },
    },
  },
  ({ values }) =>
    values.docs !== undefined && !/^[1-9]\d*$/.test(values.docs)
      ? `--docs takes a whole number of documents, not "${values.docs}"`
      : undefined,
);
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const table = (rows: (string | number)[][]) => {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(w[i])).join('  ')).join('\n');
};
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const p95 = (a: number[]) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * 0.95))];

function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    const s = statSync(p);
    if (s.isDirectory()) {
      const r = dirSize(p);
      bytes += r.bytes;
      files += r.files;
    } else {
      bytes += s.size;
      files++;
    }
  }
  return { bytes, files };
}

/** CPU seconds (user + system) of a process and its reaped children, from /proc. */
const TICK = 100;
function cpuOf(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // Fields 14–17 of stat (utime, stime, cutime, cstime); after the name, index 11–14.
    return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / TICK;
  } catch {
    return 0;
  }
}

/**
 * Runs a command, sampling the resident memory of its whole process tree; keeps its output for figures it logs.
 * A command that logs `build: step <name> started` (scripts/build.ts) gets its time and peak memory per step too;
 * steps that run side by side (an incremental build's index beside the provision pages) each get the whole
 * tree's memory and CPU while they run, so theirs overlap.
 * CPU time is reported beside wall time: the machine is shared, and under
 * load wall time says more about the other processes than about the build.
 */
function timed(
  cmd: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{
  ms: number;
  peakMiB: number;
  cpuS: number;
  out: string;
  steps: Record<string, { ms: number; peakMiB: number; cpuS: number }>;
}> {
  return new Promise((ok, fail) => {
    const t0 = Date.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let out = '';
    const steps: Record<string, { ms: number; peakMiB: number; t0: number; cpu0: number; cpuS: number }> = {};
    const active = new Set<string>();
    let cpu = 0;
    child.stdout.on('data', (d) => {
      out += d;
      for (const m of String(d).matchAll(/build: step (\S+) (started|done)/g)) {
        if (m[2] === 'started') {
          active.add(m[1]);
          steps[m[1]] = { ms: 0, peakMiB: 0, t0: Date.now(), cpu0: cpu, cpuS: 0 };
        } else if (steps[m[1]]) {
          steps[m[1]].ms = Date.now() - steps[m[1]].t0;
          steps[m[1]].cpuS = cpu - steps[m[1]].cpu0;
          active.delete(m[1]);
        }
      }
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    let peak = 0;
    const timer = setInterval(() => {
      try {
        const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
          .trim()
          .split('\n')
          .map((l) => l.trim().split(/\s+/).map(Number));
        const tree = new Set([child.pid!]);
        let grew = true;
        while (grew) {
          grew = false;
          for (const [pid, ppid] of rows)
            if (tree.has(ppid) && !tree.has(pid)) {
              tree.add(pid);
              grew = true;
            }
        }
        const rss = rows.filter(([pid]) => tree.has(pid)).reduce((n, [, , r]) => n + r, 0) / 1024;
        peak = Math.max(peak, rss);
        cpu = Math.max(
          cpu,
          [...tree].reduce((n, pid) => n + cpuOf(pid), 0),
        );
        for (const a of active) steps[a].peakMiB = Math.max(steps[a].peakMiB, Math.round(rss));
      } catch {
        /* process gone */
      }
    }, 200);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0)
        fail(new Error(`${cmd} ${args.join(' ')} failed (${code}):\n${err.slice(-2000)}\n${out.slice(-2000)}`));
      else
        ok({
          ms: Date.now() - t0,
          peakMiB: Math.round(peak),
          cpuS: cpu,
          out,
          steps: Object.fromEntries(
            Object.entries(steps).map(([k, v]) => [k, { ms: v.ms, peakMiB: v.peakMiB, cpuS: v.cpuS }]),
          ),
        });
    });
  });
}

const QUERIES = [
  '薪酬制度改革',
  '双带头人',
  '县域就诊率',
  'DRG',
  '中医 床位',
  '家庭医生',
  '医共体',
  '分级诊疗',
  '日间手术',
  '总会计师',
];

async function searchFigures(dir: string, label: string) {
  const site = await openSite({ dir });
  try {
    const first = await measureFirstQuery(site, '', '薪酬制度改革');
    // A query that finds nothing searches as far as one step goes (engine.ts, STEP_DOCUMENTS): the most a first query costs.
    const none = await measureFirstQuery(site, '', '量子计算');
    const warm = await measureWarmQueries(site, QUERIES);
    const ms = warm.map((w) => w.ms);
    console.log(
      `\nSearch (${label}): first query ${kib(first.bytes)} in ${first.requests} requests (${first.parts} index part${first.parts === 1 ? '' : 's'}), ${first.ms} ms to results; a first query finding nothing ${kib(none.bytes)} in ${none.requests} requests (${none.parts} parts); warm queries median ${median(ms)} ms, p95 ${p95(ms)} ms, max ${Math.max(...ms)} ms`,
    );
    return { first, warm };
  } finally {
    await site.close();
  }
}

async function benchSite() {
  if (!existsSync('dist/index.html')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  const site = await openSite();
  const rows: (string | number)[][] = [
    ['page', 'HTML', 'visible text', 'tooltips', 'HTML ÷ text', 'CSS', 'JS', 'requests'],
  ];
  for (const slug of DOCS) {
    const m = await measureLoad(site, `policies/${slug}/`);
    rows.push([
      slug,
      kib(m.htmlBytes),
      kib(m.visibleTextBytes),
      kib(m.tooltipTextBytes),
      (m.htmlBytes / (m.visibleTextBytes + m.tooltipTextBytes)).toFixed(2),
      kib(m.cssBytes),
      kib(m.jsBytes),
      m.requests,
    ]);
  }
  console.log(
    'Document pages, first load (budgets: HTML ≤ 2.5 × text + 8 KiB frame, CSS ≤ 20 KiB, JS ≤ 9 KiB)\n' + table(rows),
  );

  // Search quality on the query set.
  const queries = JSON.parse(readFileSync('tests/e2e/search-queries.json', 'utf8')) as {
    q: string;
    expect: string[];
  }[];
  const texts = clauseTexts();
  const alts = queryForms();
  let expected = 0,
    found = 0,
    shown = 0,
    relevant = 0;
  const times: number[] = [];
  for (const { q, expect } of queries) {
    const page = await site.page();
    const t0 = Date.now();
    await page.goto(site.url(`search/?q=${encodeURIComponent(q)}`));
    await page.waitForFunction(() =>
      /找到|没有/.test(document.querySelector('[data-search-page-status]')?.textContent ?? ''),
    );
    times.push(Date.now() - t0);
    const keys = await page.locator('[data-search-page-results] li[data-kind="clause"]').evaluateAll((els) =>
      els
        .map((e) => ({
          r: Number((e as HTMLElement).dataset.rank),
          k: `${(e as HTMLElement).dataset.slug}#${(e as HTMLElement).dataset.anchor}`,
        }))
        .sort((a, b) => a.r - b.r)
        .map((x) => x.k),
    );
    expected += expect.length;
    found += expect.filter((e) => keys.slice(0, 10).includes(e)).length;
    shown += keys.length;
    relevant += keys.filter((k) => q.split(/\s+/).every((p) => alts(p).some((a) => texts.get(k)?.includes(a)))).length;
    await page.context().close();
  }
  await site.close();
  console.log(
    `\nSearch quality on ${queries.length} queries: recall@10 ${((100 * found) / expected).toFixed(1)} % (${found}/${expected}), precision ${((100 * relevant) / shown).toFixed(1)} % (${relevant}/${shown} results contain the query); search page load + query median ${median(times)} ms`,
  );
  await searchFigures('dist', 'N = 5');

  const lh = await runLighthouse({ presets: ['mobile', 'desktop'] });
  const lrows: (string | number)[][] = [
    ['page', 'preset', 'perf', 'a11y', 'best pr.', 'SEO', 'LCP ms', 'TBT ms', 'CLS'],
  ];
  for (const r of lh)
    lrows.push([r.page, r.preset, r.performance, r.accessibility, r.bestPractices, r.seo, r.lcp, r.tbt, r.cls]);
  console.log('\nLighthouse (Debian Chromium, local server)\n' + table(lrows));
}

async function benchScale(n: number) {
  const root = mkdtempSync(join(tmpdir(), `yigai-bench-${n}-`));
  const repo = resolve('.');
  for (const p of [
    'src',
    'public',
    'ingest',
    'scripts',
    'tests',
    'astro.config.mjs',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
  ])
    cpSync(join(repo, p), join(root, p), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  mkdirSync(join(root, 'seeds'), { recursive: true });
  cpSync(join(repo, 'seeds'), join(root, 'seeds'), { recursive: true });
  const synthetic = Math.max(0, n - DOCS.length);
  const t0 = Date.now();
  process.chdir(root);
  generate(root, synthetic);
  process.chdir(repo);
  const genMs = Date.now() - t0;
  const node = process.execPath;
  // The build's own caches stay in the run's folder (node_modules is the repository's).
  const env = { ASTRO_CACHE_DIR: join(root, '.cache') };
  const ingest = await timed(node, ['ingest/cli.ts'], root, env);
  // `npm run build` from scratch (without the link check), each step timed with its memory.
  const build = await timed(node, ['scripts/build.ts', '--clean'], root, env);
  const { curation, site, provisions, 'open-data': openData, index: search, links } = build.steps;
  const out = dirSize(join(root, 'dist'));
  const index = readdirSync(join(root, 'dist'))
    .filter((d) => /^pagefind(-\d+)?$/.test(d))
    .reduce((n, d) => n + dirSize(join(root, 'dist', d)).bytes, 0);
  const indexes = readdirSync(join(root, 'dist')).filter((d) => /^pagefind(-\d+)?$/.test(d)).length;
  const pages = readdirSync(join(root, 'dist', 'policies')).length;
  // The search step logs its own figures (src/search-index/build.ts); pf_meta is fetched by every first query.
  const indexLine =
    build.out
      .split('\n')
      .find((l) => l.includes('Pagefind:'))
      ?.replace(/^.*Pagefind:/, 'Pagefind:')
      .trim() ?? 'Pagefind: (no log line)';
  const pfMeta = readdirSync(join(root, 'dist', 'pagefind')).find((f) => f.endsWith('.pf_meta'));
  const pfMetaBytes = pfMeta ? statSync(join(root, 'dist', 'pagefind', pfMeta)).size : 0;
  const largest = largestFiles(join(root, 'dist'), 5);
  console.log(
    table([
      [
        'documents',
        'generate',
        'ingest',
        'curation report',
        'site build',
        'provision pages',
        'open data',
        'search index',
        'link check',
        'total',
        'CPU (ingest / build)',
        'peak memory (ingest / curation / site / index)',
        'output',
        'files',
        'index',
      ],
      [
        n,
        `${genMs} ms`,
        `${(ingest.ms / 1000).toFixed(1)} s`,
        `${(curation.ms / 1000).toFixed(1)} s`,
        `${(site.ms / 1000).toFixed(1)} s`,
        `${(provisions.ms / 1000).toFixed(1)} s`,
        `${(openData.ms / 1000).toFixed(1)} s`,
        `${(search.ms / 1000).toFixed(1)} s`,
        `${(links.ms / 1000).toFixed(1)} s`,
        `${((ingest.ms + build.ms) / 1000).toFixed(1)} s`,
        `${ingest.cpuS.toFixed(0)} / ${build.cpuS.toFixed(0)} s`,
        `${Math.max(ingest.peakMiB, build.peakMiB)} MiB (${ingest.peakMiB} / ${curation.peakMiB} / ${site.peakMiB} / ${search.peakMiB})`,
        kib(out.bytes),
        out.files,
        `${kib(index)} (${indexes} ${indexes === 1 ? 'index' : 'indexes'})`,
      ],
    ]),
  );
  console.log(
    `per step CPU: ${Object.entries(build.steps)
      .map(([k, v]) => `${k} ${v.cpuS.toFixed(1)} s`)
      .join(', ')}`,
  );
  // The curation step computes the similar provisions first (src/lib/curation/write-report-files.ts);
  // the loader logs how long it waited for them (src/loaders/policies.ts).
  const lines = build.out.split('\n');
  const similarLine = lines.find((l) => /^similar provisions of/.test(l.trim()));
  const waitLine = lines.find((l) => l.includes('waited for)'));
  const curationLine = lines.find((l) => l.includes('curation report of'));
  if (similarLine) console.log(`curation step, ${similarLine.trim()}`);
  if (curationLine) console.log(`curation step, ${curationLine.trim()} (the similar provisions included)`);
  if (waitLine) console.log(waitLine.replace(/^.*\] /, 'site build, the loader: '));
  console.log(`document pages built: ${pages}\n${indexLine}; first index's pf_meta ${kib(pfMetaBytes)}`);
  console.log(`load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  console.log(`largest files: ${largest.map(([f, b]) => `${f} ${kib(b)}`).join(', ')}`);
  if (options.incremental) await benchIncremental(root, env, n);
  if (!options['no-search']) await searchFigures(join(root, 'dist'), `N = ${n}`);
  if (!options.keep) rmSync(root, { recursive: true, force: true });
  else console.log(`kept ${root}`);
}

/** The largest files of a folder: pages that grow with the library show up here. */
function largestFiles(dir: string, count: number): [string, number][] {
  const all: [string, number][] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, f.name);
      if (f.isDirectory()) walk(p);
      else all.push([p.slice(dir.length + 1), statSync(p).size]);
    }
  };
  walk(dir);
  return all.sort((a, b) => b[1] - a[1]).slice(0, count);
}

/**
 * With the library built: change one document (its summary and one
 * provision's text), then the oldest synthetic one the same way, and add one,
 * each time `npm run build` again (incremental), each through ingest; times
 * and memory of each step.
 */
async function benchIncremental(root: string, env: Record<string, string>, n: number) {
  const node = process.execPath;
  const rows: (string | number)[][] = [
    [
      'change',
      'ingest',
      'curation',
      'site build',
      'provision pages',
      'search index',
      'link check',
      'build total',
      'build CPU',
      'peak memory',
      'log',
    ],
  ];
  const step = async (label: string, edit: () => void) => {
    edit();
    const ingest = await timed(node, ['ingest/cli.ts'], root, env);
    const build = await timed(node, ['scripts/build.ts'], root, env);
    const log = build.out
      .split('\n')
      .filter((l) => /build: incremental:|policy documents:|Pagefind:/.test(l))
      .map((l) => l.replace(/^.*?(build: incremental: |\[yigai-policies\] |search-index: )/, '').trim())
      .join(' | ');
    const s = build.steps;
    const sec = (x: { ms: number; cpuS: number }) => `${(x.ms / 1000).toFixed(1)} s (CPU ${x.cpuS.toFixed(1)})`;
    rows.push([
      label,
      `${(ingest.ms / 1000).toFixed(1)} s`,
      sec(s.curation),
      sec(s.site),
      sec(s.provisions),
      sec(s.index),
      sec(s.links),
      `${(build.ms / 1000).toFixed(1)} s`,
      `${build.cpuS.toFixed(1)} s`,
      `${build.peakMiB} MiB`,
      log,
    ]);
  };
  const manifests = join(root, 'ingest', 'manifests');
  const synthetic = readdirSync(manifests)
    .filter((f) => f.startsWith('synth-'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
  const change = (slug: string) => () => {
    const file = join(manifests, `${slug}.json`);
    const m = JSON.parse(readFileSync(file, 'utf8'));
    m.meta.summary = `${m.meta.summary}（已修订）`;
    writeFileSync(file, JSON.stringify(m, null, 2));
    const seed = join(root, 'seeds', m.seed);
    writeFileSync(seed, readFileSync(seed, 'utf8').replace(/\n(\d+)\./, '\n$1.（修订）'));
  };
  await step(`change ${synthetic[0]}`, change(synthetic[0]));
  // The worst case: the oldest document holds the oldest copy of text many others repeat, and equally similar
  // provisions link to the oldest copies first (src/lib/similar/library.ts), so its change reaches their pages.
  const dated = (slug: string) =>
    `${dateKey(readPolicyFrontmatterUnchecked(join(root, 'src', 'content', 'policies', `${slug}.mdx`)) as { date?: string; year?: number })} ${slug}`;
  const oldest = synthetic.map(dated).sort()[0].split(' ')[1];
  await step(`change the oldest, ${oldest}`, change(oldest));
  await step('add one document', () => {
    // The same corpus with one more document; only the new one is copied in (the changed one stays changed).
    const aside = mkdtempSync(join(tmpdir(), 'yigai-bench-add-'));
    const [added] = generate(
      aside,
      n - DOCS.length + 1,
      undefined,
      join(resolve('.'), 'src', 'content', 'clauses'),
    ).slice(-1);
    cpSync(join(aside, 'ingest', 'manifests', `${added}.json`), join(manifests, `${added}.json`));
    cpSync(join(aside, 'seeds', `${added}.txt`), join(root, 'seeds', `${added}.txt`));
    rmSync(aside, { recursive: true, force: true });
  });
  console.log(`\nIncremental builds (N = ${n})\n${table(rows)}`);
}

const docs = options.docs;
if (options.similar) console.log(`${similarQuality()}\n\n${curationQuality()}\n\n${similarCost(Number(docs ?? 1000))}`);
else if (docs) await benchScale(Number(docs));
else {
  console.log(`${similarQuality()}\n\n${curationQuality()}\n`);
  await benchSite();
}
