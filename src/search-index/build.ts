/**
 * After `astro build` (scripts/search-index.ts, part of `npm run build`):
 * writes the Pagefind index to dist/pagefind/ through Pagefind's Node API.
 * A step of its own, not an Astro integration hook, so that Pagefind (about
 * 2 GiB at 1,000 documents) does not run while the Astro build still holds
 * its memory; a large library is split into several indexes (DOCS_PER_INDEX).
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
import TSCharacters from 'opencc-js/dict/TSCharacters';
import { digest, digestFiles } from '../lib/build-cache/digest.ts';
import { buildCacheDir } from '../lib/build-cache/paths.ts';

/**
 * Documents per Pagefind index. Pagefind's indexer holds about 2 MiB per
 * document while it writes (1,000 documents: 2.1 GiB in its own process;
 * two parts of 300 written at once, 1.9 GiB with their Node processes, two of
 * 250 ~1.7 GiB), so
 * a larger library is split into several indexes, written one per core at a
 * time (each in a child process with its own Pagefind backend, which ends
 * before that child takes the next part; write-part.ts) and searched by the
 * client part after part (src/scripts/search/parts.ts; the parts share the
 * first one's WebAssembly, so each adds only its metadata and the chunks a
 * query needs).
 * SEARCH_DOCS_PER_INDEX overrides it (the sub-path test build uses 2, so
 * merging is tested on the real documents).
 */
export const DOCS_PER_INDEX = 250;

/**
 * Documents of the newest index part when the library is not a multiple of
 * the full parts (SEARCH_NEWEST_PART; off by default): a new newest document
 * then rewrites a part of fewer than this many documents, not one of up to
 * DOCS_PER_INDEX. Off because with today's client every part costs the first
 * query its metadata and chunks: at 1,000 documents a third part took the
 * first query from 276 to 312 KiB (budget 300 KiB; docs/benchmarks.md); and a
 * new document that is not the newest still rewrites the middle part. Worth
 * turning on with a client that queries the parts newest first.
 */
export const NEWEST_PART = DOCS_PER_INDEX;

/**
 * The folders of the indexes: pagefind/ (with glossary and topic pages), then
 * pagefind-2/, pagefind-3/ … in the documents' order (newest first). The
 * documents are cut from the OLDEST end: full parts of `perIndex`; of the
 * rest, a middle part of whole multiples of `newest` and the newest part
 * (fewer than `newest`, possibly none: then pagefind/ holds only the pages).
 * With `newest` ≥ `perIndex` there is no middle part.
 * So the older parts stay the same as documents are added: a new newest
 * document changes only pagefind/ (and every `newest` additions the middle
 * part), a changed document only its own part; the others come from the
 * cache (buildSearchIndex).
 */
export function indexGroups<T>(docs: T[], perIndex: number, newest = perIndex): { dir: string; docs: T[] }[] {
  const small = Math.max(1, Math.min(newest, perIndex));
  const rest = docs.length % perIndex;
  const head = rest % small;
  // Sizes from the newest end: the newest part (kept when empty: it holds the glossary and topic
  // pages, which change with many documents, and is then cheap to write again), the middle part,
  // the full parts.
  const sizes = [head, rest - head, ...Array.from({ length: (docs.length - rest) / perIndex }, () => perIndex)].filter(
    (n, i) => n > 0 || i === 0,
  );
  let start = 0;
  return sizes.map((n, g) => ({ dir: g ? `pagefind-${g + 1}` : 'pagefind', docs: docs.slice(start, (start += n)) }));
}

/**
 * Documents newest first (date, else year; then slug). Pagefind returns
 * equally scored results in the order their pages were added, and every
 * exact-phrase match scores the same, so this order is the order in which
 * the client checks exact matches (engine.ts); the first index holds the
 * newest documents.
 */
export function newestFirst<T extends { date: string; year: string; slug: string }>(docs: T[]): T[] {
  const key = (d: { date: string; year: string }) => d.date || `${d.year}-00-00`;
  return [...docs].sort((a, b) => key(b).localeCompare(key(a)) || a.slug.localeCompare(b.slug));
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
  const newest = Number(process.env.SEARCH_NEWEST_PART) || NEWEST_PART;
  const t0 = Date.now();
  const docs = newestFirst(indexDocs(out));
  const groups = indexGroups(docs, perIndex, newest);
  for (const old of readdirSync(out).filter((d) => /^pagefind(-\d+)?$/.test(d)))
    rmSync(join(out, old), { recursive: true, force: true });

  // Each part is cached by the digest of what goes into it: this code (and the records' code),
  // Pagefind's version and options, its documents' clause data and info (in order) and, for the
  // first, the glossary and topic pages.
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
