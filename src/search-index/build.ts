/**
 * After `astro build` (scripts/search-index.ts, part of `npm run build`):
 * writes the Pagefind index to dist/pagefind/ through Pagefind's Node API.
 * A step of its own, not an Astro integration hook, so that Pagefind (about
 * 2 GiB at 1,000 documents) does not run while the Astro build still holds
 * its memory; a large library is split into several indexes (part-boundaries.ts).
 * Each document is ONE record, a minimal page made from its clause data
 * (src/lib/clauses/search-records.ts, search-document.ts; no built page is
 * read back) in which
 * every clause starts at its anchor, so the client can still show clauses;
 * one record per clause made Pagefind's pf_meta (fetched by every first
 * query) and the indexing time grow with the number of clauses (41 000 at
 * 1 000 documents). Glossary and topic pages are indexed as pages. Every
 * response's `errors` is checked; the index is closed in `finally`. The
 * parts not in the cache are written on every core (write-part.ts). Also
 * writes search/glossary-forms.json (glossary forms for query expansion),
 * search/pages.json (the fragment ids of glossary and topic pages),
 * search/indexes.json (the parts, newest first, which the client searches
 * one after another; index-parts.ts) and the
 * Traditional → Simplified tables (traditional-table.ts).
 */
import { readFileSync, readdirSync, existsSync, writeFileSync, mkdirSync, rmSync, cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transform } from 'esbuild';
import { docInfo, type DocInfo } from '../lib/clauses/search-records.ts';
import { CONTENT, PROJECT_ROOT, contentFiles } from '../lib/data/paths.ts';
import { readPolicyFrontmatter } from '../lib/data/frontmatter.ts';
import { CHARS_FILE, INDEX_CHUNK_SIZE, pagesIn, partWriter, type PartCounts, type PartTask } from './write-part.ts';
import { poolThreads, runPool } from '../lib/worker-pool.ts';
import { fragmentUrls } from './fragment-ids.ts';
import { loadGlossary } from '../lib/glossary/load.ts';
import { encodeForms, glossaryForms } from './glossary-forms.ts';
import { buildTables } from './traditional-table.ts';
import type { Region } from '../lib/agencies/normalize.ts';
import { partEntry } from './index-parts.ts';
import { DOCS_PER_INDEX, indexGroups } from './part-boundaries.ts';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import { digest, digestFiles } from '../lib/build-cache/digest.ts';
import { dateKey } from '../lib/data/date-key.ts';
import { buildCacheDir } from '../lib/build-cache/paths.ts';

/**
 * Documents newest first (date, else year; then slug). Pagefind returns
 * equally scored results in the order their pages were added, and every
 * exact-phrase match scores the same, so this order is the order in which
 * the client checks exact matches (engine.ts); the first index holds the
 * newest documents.
 */
export function newestFirst<T extends { date: string; year: string; slug: string }>(docs: T[]): T[] {
  return [...docs].sort((a, b) => dateKey(b).localeCompare(dateKey(a)) || a.slug.localeCompare(b.slug));
}

/**
 * A document for the index: its search info (from the frontmatter), where its
 * clause data is, its region, and the digest of what its record is made from
 * (the clause file, the info, the region its agency names are read in; the
 * agency-name table is in the shared digest). The clauses are read only when its part of
 * the index is written (and not held: at 10,000 documents they are the whole
 * library's text).
 */
interface IndexDoc extends DocInfo {
  clauseFile: string;
  place: Region;
  digest: string;
}

/** The library's documents that the built site `out` has pages of. */
function indexDocs(out: string): IndexDoc[] {
  const files = contentFiles(CONTENT.content);
  const slugs = existsSync(files.policies)
    ? readdirSync(files.policies)
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => f.slice(0, -'.mdx'.length))
    : [];
  return slugs
    .filter((slug) => existsSync(join(out, 'policies', slug, 'index.html')))
    .map((slug) => {
      const frontmatter = readPolicyFrontmatter(files.policyFile(slug));
      const info = docInfo(slug, frontmatter);
      const clauseFile = files.clauseFile(slug);
      const place: Region = frontmatter.region ?? { province: '' };
      return {
        ...info,
        clauseFile,
        place,
        digest: digest(readFileSync(clauseFile), JSON.stringify(info), JSON.stringify(place)),
      };
    });
}

/**
 * An extra part's WebAssembly: none. Pagefind's glue keeps the first module it
 * instantiates on a page and hands it to every later instance, so a part's
 * own copy would be 55 KB fetched for nothing; this stub (Pagefind's
 * signature and no bytes) is what the part's instance fetches instead. The
 * client creates a part's instance only after the first part has searched
 * (src/scripts/search/parts.ts), so the module is loaded by then.
 */
function stubWasm(dir: string): void {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { wasm: string | null }>;
  };
  for (const { wasm } of Object.values(entry.languages))
    writeFileSync(join(dir, `wasm.${wasm ?? 'unknown'}.pagefind`), 'pagefind_dcd');
}

/** What the client needs of an extra index's folder (Pagefind also writes its UI and loader into each). */
const INDEX_FILES = /^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/;

export async function buildSearchIndex(out: string, log: (message: string) => void = console.log): Promise<void> {
  // Smaller index chunks: a query downloads one chunk per word, and with one record per document
  // the default chunks (~30 KB) would take most of the first query's budget. Unstable in Pagefind
  // (environment only); tests/e2e/budgets.test.ts notices if it stops working.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_SIZE);
  const perIndex = Number(process.env.SEARCH_DOCS_PER_INDEX) || DOCS_PER_INDEX;
  const t0 = Date.now();
  const docs = newestFirst(indexDocs(out));
  const groups = indexGroups(docs, perIndex, (d) => d.slug);
  for (const old of readdirSync(out).filter((d) => /^pagefind(-\d+)?$/.test(d)))
    rmSync(join(out, old), { recursive: true, force: true });

  // Each part is cached by the digest of what goes into it: this code (and the records' code),
  // Pagefind's version and options, its documents' clause data and info (in order) and, for
  // pagefind/, the glossary and topic pages.
  // One cache folder per output folder, so the sub-path test build does not prune dist's parts.
  const cacheDir = join(buildCacheDir(), 'search-index', digest(resolve(out)).slice(0, 12));
  mkdirSync(cacheDir, { recursive: true });
  const shared = digest(
    digestFiles(PROJECT_ROOT, [
      'src/search-index',
      'src/lib/agencies',
      'src/content/agency-names.json',
      'src/lib/clauses',
      'src/lib/data',
      'src/schemas/clauses.ts',
      'src/schemas/policy.ts',
      'node_modules/pagefind/package.json',
    ]),
    String(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE),
  );
  const pagesDigest = digest(
    ...['glossary', 'topics'].flatMap((section) =>
      pagesIn(join(out, section)).flatMap((f) => [f.slice(out.length), readFileSync(f)]),
    ),
  );
  const keys = new Set<string>();
  let clauses = 0;
  let pages = 0;
  // The characters the library's texts use: the Traditional → Simplified table leaves them alone.
  const used = new Set<string>();
  // The parts not in the cache, written on every core: each in a child process with its own
  // Pagefind backend (write-part.ts), at most one part per core at a time.
  const keyed = groups.map((group, i) => {
    const key = digest(shared, i === 0 ? `first:${pagesDigest}` : 'rest', ...group.docs.map((d) => d.digest));
    keys.add(key);
    return { group, i, cached: join(cacheDir, key) };
  });
  const pending: PartTask[] = keyed
    .filter(({ cached }) => !existsSync(join(cached, CHARS_FILE)))
    .map(({ group, i, cached }) => ({
      out,
      dir: cached,
      withPages: i === 0,
      docs: group.docs.map(({ digest: _, ...d }) => d),
    }));
  await runPool(pending, {
    worker: new URL('./part-worker.ts', import.meta.url),
    handler: partWriter,
    setup: undefined,
    threads: poolThreads(pending.length, 2),
    processes: true,
    batch: 1,
    // A child holds one part's records at a time; Pagefind's own memory is in its backend process.
    heapMb: 128,
    name: (t) => `search-index part of ${t.docs.length} documents (${t.docs[0]?.slug ?? 'glossary and topic pages'} …)`,
  });
  const written = pending.length;
  for (const { group, i, cached } of keyed) {
    const info = JSON.parse(readFileSync(join(cached, CHARS_FILE), 'utf8')) as PartCounts;
    for (const ch of info.chars) used.add(ch);
    clauses += info.clauses;
    pages += info.pages;
    // Pagefind also writes its UI and loader into each folder; the extra indexes need only their data.
    cpSync(cached, join(out, group.dir), {
      recursive: true,
      filter: (src) =>
        src === cached ||
        (!src.endsWith(CHARS_FILE) && (i === 0 || INDEX_FILES.test(src.slice(cached.length + 1).split('/')[0]))),
    });
    if (i > 0) stubWasm(join(out, group.dir));
  }
  for (const d of readdirSync(cacheDir)) if (!keys.has(d)) rmSync(join(cacheDir, d), { recursive: true, force: true });
  mkdirSync(join(out, 'search'), { recursive: true });
  // Which results are glossary and topic pages, known before their fragments are fetched (engine.ts).
  const pageIds = [...fragmentUrls(join(out, 'pagefind'))]
    .filter(([, url]) => !url.startsWith('/policies/'))
    .map(([id]) => id);
  writeFileSync(join(out, 'search', 'pages.json'), JSON.stringify(pageIds));
  // The parts the client searches newest first (src/scripts/search/parts.ts), relative to the site's base.
  const entries = groups.map((g) =>
    partEntry(
      `${g.dir}/`,
      g.docs.map((d) => ({ 地区: d.region, 年份: d.year, 文种: d.kind })),
    ),
  );
  writeFileSync(join(out, 'search', 'indexes.json'), JSON.stringify(entries));
  // Pagefind ships its loader unminified; the first search downloads it, so minify it (≈ 30 % smaller).
  const loader = join(out, 'pagefind', 'pagefind.js');
  const min = await transform(readFileSync(loader, 'utf8'), { minify: true, format: 'esm', target: 'es2022' });
  writeFileSync(loader, min.code);
  log(
    `Pagefind: ${docs.length} documents (${clauses} clauses) and ${pages} pages in ${groups.length} ${groups.length === 1 ? 'index' : 'indexes'} (${groups.map((g) => g.docs.length).join(' + ')} documents; ${written} written, ${groups.length - written} from the cache) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  // Glossary forms for query expansion (DRG ↔ 按疾病诊断相关分组付费).
  // [id, term, ...aliases]: compact, it is fetched with the first query.
  // With the abbreviations and English names of each entry (glossary-forms.ts).
  writeFileSync(join(out, 'search', 'glossary-forms.json'), JSON.stringify(encodeForms(glossaryForms(loadGlossary()))));
  for (const e of loadGlossary()) for (const f of [e.term, ...e.aliases]) for (const ch of f) used.add(ch);
  const tables = buildTables(
    TSCharacters.split('|').map((p) => p.split(' ') as [string, string]),
    used,
  );
  writeFileSync(join(out, 'search', 't2s-test.bin'), tables.bits);
  writeFileSync(join(out, 'search', 't2s.json'), JSON.stringify(tables.pairs));
}
