/**
 * npm run bench                 figures for the real site (N = 5): page weight,
 *                               Lighthouse (mobile + desktop), search quality,
 *                               speed and bytes
 * npm run bench -- --docs 1000  a scale run: N documents (5 real + synthetic)
 *                               through ingest, site build and index, with
 *                               times, peak memory, sizes and search cost
 * Prints figures; asserts nothing (the tests hold the budgets).
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openSite, DOCS } from '../lib/site.ts';
import { measureFirstQuery, measureLoad, measureWarmQueries } from '../lib/measure.ts';
import { runLighthouse } from '../lib/lighthouse.ts';
import { generate } from '../lib/synth.ts';
import { clauseTexts, queryForms } from '../lib/query-truth.ts';
import { similarCost, similarQuality } from './similar.ts';
import { curationQuality } from './curation.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > -1 ? process.argv[i + 1] : undefined;
};
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
    if (s.isDirectory()) { const r = dirSize(p); bytes += r.bytes; files += r.files; } else { bytes += s.size; files++; }
  }
  return { bytes, files };
}

/** Runs a command, sampling the resident memory of its whole process tree; keeps its output for figures it logs. */
function timed(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ ms: number; peakMiB: number; out: string }> {
  return new Promise((ok, fail) => {
    const t0 = Date.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    let peak = 0;
    const timer = setInterval(() => {
      try {
        const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' }).trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
        const tree = new Set([child.pid!]);
        let grew = true;
        while (grew) { grew = false; for (const [pid, ppid] of rows) if (tree.has(ppid) && !tree.has(pid)) { tree.add(pid); grew = true; } }
        const rss = rows.filter(([pid]) => tree.has(pid)).reduce((n, [, , r]) => n + r, 0) / 1024;
        peak = Math.max(peak, rss);
      } catch { /* process gone */ }
    }, 200);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) fail(new Error(`${cmd} ${args.join(' ')} failed (${code}):\n${err.slice(-2000)}`));
      else ok({ ms: Date.now() - t0, peakMiB: Math.round(peak), out });
    });
  });
}

const QUERIES = ['薪酬制度改革', '双带头人', '县域就诊率', 'DRG', '中医 床位', '家庭医生', '医共体', '分级诊疗', '日间手术', '总会计师'];

async function searchFigures(dir: string, label: string) {
  const site = await openSite({ dir });
  try {
    const first = await measureFirstQuery(site, '', '薪酬制度改革');
    // A query that finds nothing searches as far as one step goes (engine.ts, STEP_DOCUMENTS): the most a first query costs.
    const none = await measureFirstQuery(site, '', '量子计算');
    const warm = await measureWarmQueries(site, QUERIES);
    const ms = warm.map((w) => w.ms);
    console.log(`\nSearch (${label}): first query ${kib(first.bytes)} in ${first.requests} requests (${first.parts} index part${first.parts === 1 ? '' : 's'}), ${first.ms} ms to results; a first query finding nothing ${kib(none.bytes)} in ${none.requests} requests (${none.parts} parts); warm queries median ${median(ms)} ms, p95 ${p95(ms)} ms, max ${Math.max(...ms)} ms`);
    return { first, warm };
  } finally {
    await site.close();
  }
}

async function benchSite() {
  if (!existsSync('dist/index.html')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  const site = await openSite();
  const rows: (string | number)[][] = [['page', 'HTML', 'visible text', 'tooltips', 'HTML ÷ text', 'CSS', 'JS', 'requests']];
  for (const slug of DOCS) {
    const m = await measureLoad(site, `policies/${slug}/`);
    rows.push([slug, kib(m.htmlBytes), kib(m.visibleTextBytes), kib(m.tooltipTextBytes), (m.htmlBytes / (m.visibleTextBytes + m.tooltipTextBytes)).toFixed(2), kib(m.cssBytes), kib(m.jsBytes), m.requests]);
  }
  console.log('Document pages, first load (budgets: HTML ≤ 2.5 × text + 8 KiB frame, CSS ≤ 20 KiB, JS ≤ 9 KiB)\n' + table(rows));

  // Search quality on the query set.
  const queries = JSON.parse(readFileSync('tests/e2e/search-queries.json', 'utf8')) as { q: string; expect: string[] }[];
  const texts = clauseTexts();
  const alts = queryForms();
  let expected = 0, found = 0, shown = 0, relevant = 0;
  const times: number[] = [];
  for (const { q, expect } of queries) {
    const page = await site.page();
    const t0 = Date.now();
    await page.goto(site.url(`search/?q=${encodeURIComponent(q)}`));
    await page.waitForFunction(() => /找到|没有/.test(document.querySelector('[data-search-page-status]')?.textContent ?? ''));
    times.push(Date.now() - t0);
    const keys = await page.locator('[data-search-page-results] li[data-kind="clause"]').evaluateAll((els) =>
      els.map((e) => ({ r: Number((e as HTMLElement).dataset.rank), k: `${(e as HTMLElement).dataset.slug}#${(e as HTMLElement).dataset.anchor}` })).sort((a, b) => a.r - b.r).map((x) => x.k));
    expected += expect.length;
    found += expect.filter((e) => keys.slice(0, 10).includes(e)).length;
    shown += keys.length;
    relevant += keys.filter((k) => q.split(/\s+/).every((p) => alts(p).some((a) => texts.get(k)?.includes(a)))).length;
    await page.context().close();
  }
  await site.close();
  console.log(`\nSearch quality on ${queries.length} queries: recall@10 ${(100 * found / expected).toFixed(1)} % (${found}/${expected}), precision ${(100 * relevant / shown).toFixed(1)} % (${relevant}/${shown} results contain the query); search page load + query median ${median(times)} ms`);
  await searchFigures('dist', 'N = 5');

  const lh = await runLighthouse({ presets: ['mobile', 'desktop'] });
  const lrows: (string | number)[][] = [['page', 'preset', 'perf', 'a11y', 'best pr.', 'SEO', 'LCP ms', 'TBT ms', 'CLS']];
  for (const r of lh) lrows.push([r.page, r.preset, r.performance, r.accessibility, r.bestPractices, r.seo, r.lcp, r.tbt, r.cls]);
  console.log('\nLighthouse (Debian Chromium, local server)\n' + table(lrows));
}

async function benchScale(n: number) {
  const root = mkdtempSync(join(tmpdir(), `yigai-bench-${n}-`));
  const repo = resolve('.');
  for (const p of ['src', 'public', 'ingest', 'scripts', 'tests', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(repo, p), join(root, p), { recursive: true });
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
  const ingest = await timed(node, ['ingest/cli.ts'], root);
  // The same steps as `npm run build` (without the link check), each timed with its memory.
  const site = await timed(node, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], root, { ASTRO_CACHE_DIR: join(root, '.cache') });
  const provisions = await timed(node, ['scripts/provision-pages.ts', 'dist'], root);
  const search = await timed(node, ['scripts/search-index.ts', 'dist'], root);
  const buildMs = site.ms + provisions.ms + search.ms;
  const out = dirSize(join(root, 'dist'));
  const index = dirSize(join(root, 'dist', 'pagefind'));
  const pages = readdirSync(join(root, 'dist', 'policies')).length;
  // The search step logs its own figures (src/search-index/build.ts); pf_meta is fetched by every first query.
  const indexLine = search.out.split('\n').find((l) => l.includes('Pagefind:'))?.replace(/^.*Pagefind:/, 'Pagefind:').trim() ?? 'Pagefind: (no log line)';
  const pfMeta = readdirSync(join(root, 'dist', 'pagefind')).find((f) => f.endsWith('.pf_meta'));
  const pfMetaBytes = pfMeta ? statSync(join(root, 'dist', 'pagefind', pfMeta)).size : 0;
  console.log(table([
    ['documents', 'generate', 'ingest', 'site build', 'search index', 'total', 'peak memory (ingest / site / index)', 'output', 'files', 'index'],
    [n, `${genMs} ms`, `${(ingest.ms / 1000).toFixed(1)} s`, `${(site.ms / 1000).toFixed(1)} s`, `${(search.ms / 1000).toFixed(1)} s`, `${((ingest.ms + buildMs) / 1000).toFixed(1)} s`, `${Math.max(ingest.peakMiB, site.peakMiB, provisions.peakMiB, search.peakMiB)} MiB (${ingest.peakMiB} / ${site.peakMiB} / ${search.peakMiB})`, kib(out.bytes), out.files, kib(index.bytes)],
  ]));
  console.log(`document pages built: ${pages}\n${provisions.out.trim()} (step: ${(provisions.ms / 1000).toFixed(1)} s, peak ${provisions.peakMiB} MiB; in the total and the peak, not in the site build column)\n${indexLine}; pf_meta ${kib(pfMetaBytes)}`);
  // The loader logs the similar-provisions step (src/loaders/policies.ts); part of the site build above.
  const similarLine = site.out.split('\n').find((l) => l.includes('similar provisions of'));
  if (similarLine) console.log(similarLine.replace(/^.*\] /, 'site build, '));
  const curationLine = site.out.split('\n').find((l) => l.includes('curation report of'));
  if (curationLine) console.log(`site build, ${curationLine.trim()}`);
  await searchFigures(join(root, 'dist'), `N = ${n}`);
  if (!process.argv.includes('--keep')) rmSync(root, { recursive: true, force: true });
  else console.log(`kept ${root}`);
}

const docs = arg('docs');
if (process.argv.includes('--similar')) console.log(`${similarQuality()}\n\n${curationQuality()}\n\n${similarCost(Number(docs ?? 1000))}`);
else if (docs) await benchScale(Number(docs));
else { console.log(`${similarQuality()}\n\n${curationQuality()}\n`); await benchSite(); }
