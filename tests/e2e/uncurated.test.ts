/**
 * Curation is help, not a gate: a document with no curation at all (no
 * topics, relations, targets, agency names, glossary entries, short title or
 * summary; tests/e2e/fixtures/uncurated) is added to a temporary copy of the
 * project through ingest, the copy is built with `npm run build` (which runs
 * the link check), and the library-wide site checks (built HTML, open data,
 * search index, glossary, topics) run on the copy. Then its own page, listings
 * and agencies are checked. The real src/content is never written.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { axeViolations } from './axe.ts';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openSite, type Site } from './harness.ts';
import { checkLinks } from '../../scripts/lib/check-links.ts';
import { agencyReview } from '../../src/lib/agencies/review.ts';
import { catalogSchema, openDocumentSchema, type OpenClause } from '../../src/schemas/open-data.ts';

const REPO = resolve('.');
const FIXTURE = join(REPO, 'tests/e2e/fixtures/uncurated');
const manifest = JSON.parse(readFileSync(join(FIXTURE, 'manifest.json'), 'utf8')) as {
  seed: string;
  slug: string;
  meta: { title: string };
};
const SLUG = manifest.slug;
const TITLE = manifest.meta.title;
/** The library-wide checks, run unchanged on the copy. */
const SITE_CHECKS = [
  'tests/e2e/built-html.test.ts',
  'tests/e2e/staff-data.test.ts',
  'tests/e2e/search-index.test.ts',
  'tests/e2e/glossary.test.ts',
  'tests/e2e/topics.test.ts',
  'tests/e2e/budgets.test.ts',
];

let root: string;
let site: Site;
const dist = (p: string) => readFileSync(join(root, 'dist', p), 'utf8');

/** Runs a command in the copy; a failure shows its output. */
function run(cmd: string, args: string[]) {
  // The child is a fresh vitest or build, not a worker of this run.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_OPTIONS' && k !== 'TEST'),
  );
  const r = spawnSync(cmd, args, {
    cwd: root,
    env: { ...env, ASTRO_CACHE_DIR: join(root, '.cache'), FORCE_COLOR: '0' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { ok: r.status === 0, out: `${r.stdout}\n${r.stderr}` };
}

/**
 * Adds the fixture to the copy as an editor would: the raw page into seeds/,
 * a manifest with only what the text gives, then ingest.
 * TODO(issue 12): once `npm run add` exists, run `npm run add -- <raw.txt> --slug <slug>`
 * here instead, so the manifest is drafted rather than written by hand.
 */
function addDocument() {
  copyFileSync(join(FIXTURE, 'raw.txt'), join(root, 'seeds', manifest.seed));
  copyFileSync(join(FIXTURE, 'manifest.json'), join(root, 'ingest', 'manifests', `${SLUG}.json`));
  const ingest = run(process.execPath, ['ingest/cli.ts']);
  if (!ingest.ok) throw new Error(`ingest failed in the copy:\n${ingest.out}`);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'yigai-uncurated-'));
  for (const p of [
    'src',
    'public',
    'ingest',
    'scripts',
    'tests',
    'seeds',
    'astro.config.mjs',
    'package.json',
    'tsconfig.json',
    'vitest.config.ts',
    'vitest.e2e.config.ts',
  ])
    cpSync(join(REPO, p), join(root, p), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  addDocument();
  const build = run('npm', ['run', 'build']);
  if (!build.ok) throw new Error(`npm run build failed in the copy (${root}):\n${build.out.slice(-4000)}`);
}, 600_000);

afterAll(async () => {
  await site?.close();
  if (root && !process.env.KEEP_COPY) rmSync(root, { recursive: true, force: true });
});

describe('a document without curation', () => {
  test('was added to the copy only: the real content does not hold it', () => {
    expect(existsSync(join(root, 'src/content/policies', `${SLUG}.mdx`))).toBe(true);
    expect(existsSync(join(REPO, 'src/content/policies', `${SLUG}.mdx`))).toBe(false);
    for (const f of ['topic-map.json', 'relations.json', 'targets.json'])
      expect(readFileSync(join(root, 'src/content', f), 'utf8'), f).not.toContain(SLUG);
  });

  test('builds, and every link and fragment of the copy resolves (npm run build ran the link check too)', () => {
    const { pages, broken } = checkLinks(join(root, 'dist'));
    expect(broken).toEqual([]);
    expect(pages).toBeGreaterThan(1);
    expect(existsSync(join(root, 'dist/policies', SLUG, 'index.html'))).toBe(true);
  });

  test('the library-wide site checks pass on the copy with it', () => {
    const r = run(process.execPath, [
      join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '-c',
      'vitest.e2e.config.ts',
      '--reporter=verbose',
      ...SITE_CHECKS,
    ]);
    expect(r.ok, r.out.slice(-6000)).toBe(true);
    // They did run over the new document.
    expect(r.out).toContain(SLUG);
  }, 600_000);

  test('its page shows what the text gives and says what it does not give, never "undefined"', () => {
    const h = dist(`policies/${SLUG}/index.html`);
    expect(h).toContain(`<h1 id="doc-title" class="doc-title">${TITLE}</h1>`);
    expect(h).toMatch(/<dt>发文机关<\/dt><dd><span class="lead">原文未载<\/span><\/dd>/);
    expect(h).toMatch(/<dt>文号<\/dt><dd><span class="lead">原文未载<\/span><\/dd>/);
    expect(h).toMatch(/<dt>日期<\/dt><dd><span>2023年<span class="lead">（原文未载日期）<\/span><\/span><\/dd>/);
    expect(h).toContain('<dt>地区</dt><dd>青海省海南藏族自治州共和县</dd>');
    // A description for search engines even without a summary.
    expect(h).toMatch(
      new RegExp(`<meta name="description" content="《${TITLE}》（青海省海南藏族自治州共和县）的全文整理本`),
    );
    expect(h).not.toMatch(/undefined|>null</);
    // Its provisions are anchored and its agencies are labels, as written: a link to the agency's page where the name was read, plain where not.
    expect(h).toMatch(/<h3 id="s2-3"[^>]*>（三）改革医保支付方式。/);
    expect(h).toMatch(
      /<li class="lead"><span class="role">牵头<\/span><a href="\/agencies\/[a-z0-9-]+\/">县医保局<\/a><\/li>/,
    );
    expect(h).toMatch(/<li><span class="role">参与<\/span><a href="\/agencies\/[a-z0-9-]+\/">州卫健委<\/a><\/li>/);
  });

  test('the home page, the search filters and the feed list it under its title, without a summary', () => {
    const home = dist('index.html');
    const card = home.split(`href="/policies/${SLUG}/"`)[1].split('</li></ul></li>')[0];
    expect(card).toContain(TITLE);
    expect(card).not.toContain('<p>');
    expect(card).toContain('<li>发文机关未注明</li>');
    expect(card).toContain('<li>2023年</li>');
    // Its province and year have lists of their own, linked from the home page, which hold it.
    expect(home).toContain('<a href="/regions/qinghai/">青海省<span class="count">（1）</span></a>');
    expect(dist('regions/qinghai/index.html')).toContain(`href="/policies/${SLUG}/"`);
    expect(home).toMatch(/<a href="\/years\/2023\/">2023年<span class="count">（\d+）<\/span><\/a>/);
    expect(dist('years/2023/index.html')).toContain(`href="/policies/${SLUG}/"`);
    expect(dist('search/index.html')).toContain(`<input type="checkbox" name="文件" value="${TITLE}"`);
    const feed = dist('feed.xml');
    const entry = feed.split('<entry>').find((e) => e.includes(`/policies/${SLUG}/`))!;
    expect(entry).toContain(`<title>${TITLE}</title>`);
    expect(entry).not.toContain('<summary>');
    const cat = catalogSchema.parse(JSON.parse(dist('data/catalog.json')));
    const meta = cat.documents.find((d) => d.slug === SLUG)!;
    expect(meta).not.toHaveProperty('shortTitle');
    expect(meta).not.toHaveProperty('summary');
    expect(meta).not.toHaveProperty('issuer');
  });

  test('agencies of the unseen region: read by pattern where regular (pages of their own), kept as written where not', () => {
    const doc = openDocumentSchema.parse(JSON.parse(dist(`data/${SLUG}.json`)));
    const all: OpenClause[] = [];
    const walk = (l: OpenClause[]) =>
      l.forEach((c) => {
        all.push(c);
        walk(c.children);
      });
    walk(doc.clauses);
    const agencies = all.flatMap((c) => [...(c.agencies?.lead ?? []), ...(c.agencies?.partners ?? [])]);
    const byWritten = (w: string) => agencies.find((a) => a.asWritten === w)!;
    expect(byWritten('县卫健局')).toMatchObject({ name: '共和县卫生健康局', match: 'pattern' });
    expect(byWritten('州卫健委')).toMatchObject({ name: '海南藏族自治州卫生健康委员会', match: 'pattern' });
    expect(byWritten('县委编办')).toMatchObject({ name: '中共共和县委机构编制委员会办公室', match: 'pattern' });
    expect(byWritten('县人民医院')).toEqual({ name: '县人民医院', asWritten: '县人民医院', match: 'unresolved' });
    expect(byWritten('各乡镇人民政府')).toMatchObject({ match: 'unresolved' });
    const page = dist(`agencies/${byWritten('县医保局').id}/index.html`);
    expect(page).toContain('<h1>共和县医疗保障局</h1>');
    expect(page).toContain(`href="/policies/${SLUG}/#s2-3"`);
    expect(dist('agencies/index.html')).toContain(
      '<h2 id="r-青海省海南藏族自治州共和县">青海省海南藏族自治州共和县</h2>',
    );
    // For the curation report: what was read by pattern and what was not, with the clauses.
    const review = agencyReview(join(root, 'src/content')).find((d) => d.slug === SLUG)!;
    expect(review.names.filter((n) => n.match === 'unresolved').map((n) => [n.asWritten, n.clauses])).toEqual([
      ['县人民医院', ['s2-2']],
      ['各乡镇人民政府', ['s2-4']],
    ]);
    expect(review.names.find((n) => n.asWritten === '州卫健委')).toMatchObject({ match: 'pattern', clauses: ['s2-3'] });
  });

  test('its page and the home page pass axe in the browser', async () => {
    site = await openSite({ dir: join(root, 'dist') });
    for (const path of [`policies/${SLUG}/`, '', 'agencies/']) {
      // bypassCSP: axe is injected as an inline script, which the pages' Content-Security-Policy refuses.
      const page = await site.page({ bypassCSP: true });
      await page.goto(site.url(path));
      const violations = await axeViolations(page);
      expect(violations, path).toEqual([]);
      await page.context().close();
    }
  });
});
