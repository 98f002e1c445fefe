/**
 * After `astro build` (scripts/search-index.ts, part of `npm run build`):
 * writes the Pagefind index to dist/pagefind/ through Pagefind's Node API.
 * A step of its own, not an Astro integration hook, so that Pagefind (about
 * 2 GiB at 1,000 documents) does not run while the Astro build still holds
 * its memory; a large library is split into several indexes (DOCS_PER_INDEX).
 * Each document is ONE record, a minimal page made from its clause records
 * (search-document.ts) in which
 * every clause starts at its anchor, so the client can still show clauses;
 * one record per clause made Pagefind's pf_meta (fetched by every first
 * query) and the indexing time grow with the number of clauses (41 000 at
 * 1 000 documents). Glossary and topic pages are indexed as pages. Every
 * response's `errors` is checked; the index is closed in `finally`. Also
 * writes search/glossary-forms.json (glossary forms for query expansion),
 * search/pages.json (the fragment ids of glossary and topic pages),
 * search/indexes.json (the parts, newest first, which the client searches
 * one after another; index-parts.ts) and the
 * Traditional → Simplified tables (traditional-table.ts).
 */
import { readFileSync, readdirSync, existsSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { transform } from 'esbuild';
import { readDocument } from './clause-records.ts';
import { searchDocument } from './search-document.ts';
import { fragmentUrls } from './fragment-ids.ts';
import { loadGlossary } from '../lib/glossary/load.ts';
import { encodeForms, glossaryForms } from './glossary-forms.ts';
import { agenciesByDocument } from './agencies.ts';
import { buildTables } from './traditional-table.ts';
import type { AgencyMeta } from './agency-meta.ts';
import { partEntry } from './index-parts.ts';
import TSCharacters from 'opencc-js/dict/TSCharacters';

function check(step: string, res: { errors: string[] }): void {
  if (res.errors.length) throw new Error(`Pagefind ${step} failed:\n  ${res.errors.join('\n  ')}`);
}

/** Pagefind index chunk size (its unit): chunks of about 13 KB at N = 5, against about 30 KB by default. */
const INDEX_CHUNK_SIZE = 8000;
/** Documents handed to Pagefind before waiting for the oldest. */
const IN_FLIGHT = 4;
/** Above any page count we expect (documents + glossary + topics). */
const MAX_FRAGMENTS = 1_000_000;

const pagesIn = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(dir, d.name, 'index.html')).filter(existsSync) : [];

/**
 * Documents per Pagefind index. Pagefind's indexer holds about 2 MiB per
 * document while it writes (1,000 documents: 2.1 GiB in its own process), so
 * a larger library is split into several indexes, written one after another
 * (each Pagefind process ends before the next starts) and merged by the
 * client (Pagefind's mergeIndex; merged indexes share the first one's
 * WebAssembly, so each adds only its metadata and the chunks a query needs).
 * SEARCH_DOCS_PER_INDEX overrides it (the sub-path test build uses 2, so
 * merging is tested on the real documents).
 */
export const DOCS_PER_INDEX = 600;

/** The folders of the indexes: pagefind/ (with glossary and topic pages), then pagefind-2/, pagefind-3/ … */
export function indexGroups<T>(docs: T[], perIndex: number): { dir: string; docs: T[] }[] {
  const groups: { dir: string; docs: T[] }[] = [];
  for (let i = 0; i === 0 || i < docs.length; i += perIndex) groups.push({ dir: groups.length ? `pagefind-${groups.length + 1}` : 'pagefind', docs: docs.slice(i, i + perIndex) });
  return groups;
}

/**
 * Documents newest first (date, else year; then slug). Pagefind returns
 * equally scored results in the order their pages were added, and every
 * exact-phrase match scores the same, so this order is the order in which
 * the client checks exact matches (engine.ts); the first index holds the
 * newest documents.
 */
export function newestFirst(docs: { file: string; date: string; year: string; slug: string }[]): string[] {
  const key = (d: { date: string; year: string }) => d.date || `${d.year}-00-00`;
  return [...docs].sort((a, b) => key(b).localeCompare(key(a)) || a.slug.localeCompare(b.slug)).map((d) => d.file);
}

interface DocDate { file: string; date: string; year: string; slug: string; region: string; kind: string }

/** The date and filter attributes of a built document page, read without parsing the whole page. */
function docDate(file: string): DocDate {
  const html = readFileSync(file, 'utf8');
  const attr = (name: string) => decodeAttr(new RegExp(`data-doc-${name}="([^"]*)"`).exec(html)?.[1] ?? '');
  return { file, date: attr('date'), year: attr('year'), slug: attr('slug'), region: attr('region'), kind: attr('kind') };
}
const decodeAttr = (s: string) => s.replace(/&(amp|quot|lt|gt|#39);/g, (_, e: string) => ({ amp: '&', quot: '"', lt: '<', gt: '>', '#39': "'" })[e] ?? _);

/**
 * An extra part's WebAssembly: none. Pagefind's glue keeps the first module it
 * instantiates on a page and hands it to every later instance, so a part's
 * own copy would be 55 KB fetched for nothing; this stub (Pagefind's
 * signature and no bytes) is what the part's instance fetches instead. The
 * client creates a part's instance only after the first part has searched
 * (src/scripts/search/parts.ts), so the module is loaded by then.
 */
function stubWasm(dir: string): void {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { wasm: string | null }> };
  for (const { wasm } of Object.values(entry.languages)) writeFileSync(join(dir, `wasm.${wasm ?? 'unknown'}.pagefind`), 'pagefind_dcd');
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
  const dated = pagesIn(join(out, 'policies')).map(docDate);
  const groups = indexGroups(newestFirst(dated), perIndex);
  const byFile = new Map(dated.map((d) => [d.file, d]));
  for (const old of readdirSync(out).filter((d) => /^pagefind-\d+$/.test(d))) rmSync(join(out, old), { recursive: true, force: true });
  let docs = 0;
  let clauses = 0;
  let pages = 0;
  const agencies = agenciesByDocument(out);
  // The characters the library's texts use: the Traditional → Simplified table leaves them alone.
  const used = new Set<string>();
  for (const [i, group] of groups.entries()) {
    const counts = await writeIndex(out, group.dir, group.docs, i === 0, agencies, used);
    docs += counts.docs;
    clauses += counts.clauses;
    pages += counts.pages;
    if (i > 0) {
      for (const f of readdirSync(join(out, group.dir))) if (!INDEX_FILES.test(f)) rmSync(join(out, group.dir, f), { recursive: true, force: true });
      stubWasm(join(out, group.dir));
    }
  }
  mkdirSync(join(out, 'search'), { recursive: true });
  // Which results are glossary and topic pages, known before their fragments are fetched (engine.ts).
  const pageIds = [...fragmentUrls(join(out, 'pagefind'))].filter(([, url]) => !url.startsWith('/policies/')).map(([id]) => id);
  writeFileSync(join(out, 'search', 'pages.json'), JSON.stringify(pageIds));
  // The parts the client searches newest first (src/scripts/search/parts.ts), relative to the site's base.
  const entries = groups.map((g) => partEntry(`${g.dir}/`, g.docs.map((f) => byFile.get(f)!).map((d) => ({ 地区: d.region, 年份: d.year, 文种: d.kind }))));
  writeFileSync(join(out, 'search', 'indexes.json'), JSON.stringify(entries));
  // Pagefind ships its loader unminified; the first search downloads it, so minify it (≈ 30 % smaller).
  const loader = join(out, 'pagefind', 'pagefind.js');
  const min = await transform(readFileSync(loader, 'utf8'), { minify: true, format: 'esm', target: 'es2022' });
  writeFileSync(loader, min.code);
  log(`Pagefind: ${docs} documents (${clauses} clauses) and ${pages} pages indexed in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${groups.length} ${groups.length === 1 ? 'index' : 'indexes'}`);
  // Glossary forms for query expansion (DRG ↔ 按疾病诊断相关分组付费).
  // [id, term, ...aliases]: compact, it is fetched with the first query.
  // With the abbreviations and English names of each entry (glossary-forms.ts).
  writeFileSync(join(out, 'search', 'glossary-forms.json'), JSON.stringify(encodeForms(glossaryForms(loadGlossary()))));
  for (const e of loadGlossary()) for (const f of [e.term, ...e.aliases]) for (const ch of f) used.add(ch);
  const tables = buildTables(TSCharacters.split('|').map((p) => p.split(' ') as [string, string]), used);
  writeFileSync(join(out, 'search', 't2s-test.bin'), tables.bits);
  writeFileSync(join(out, 'search', 't2s.json'), JSON.stringify(tables.pairs));
}

/** One Pagefind index: its documents (and, for the first, the glossary and topic pages), in a Pagefind process of its own. */
async function writeIndex(out: string, dir: string, files: string[], withPages: boolean, agencies: Map<string, AgencyMeta>, used: Set<string>): Promise<{ docs: number; clauses: number; pages: number }> {
  // Every fragment its own file: bundled fragments would make one result download many documents.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn', maxFragments: MAX_FRAGMENTS });
  check('createIndex', { errors });
  if (!index) throw new Error('Pagefind createIndex returned no index');
  let docs = 0;
  let clauses = 0;
  let pages = 0;
  try {
    // Pagefind indexes in its own process: keep a few documents in flight while the next page is read.
    const inFlight = new Set<Promise<void>>();
    const failures: unknown[] = [];
    for (const file of files) {
      const page = readDocument(readFileSync(file, 'utf8'));
      if (!page) continue;
      const { doc, records } = page;
      for (const r of records) for (const ch of r.content) used.add(ch);
      // Site-relative: the Pagefind client prefixes the base path (baseUrl).
      const added: Promise<void> = index.addHTMLFile({ url: `/policies/${doc.slug}/`, content: searchDocument(doc, records, agencies.get(doc.slug) ?? []) })
        .then((res) => check(`addHTMLFile(/policies/${doc.slug}/)`, res))
        .catch((e: unknown) => { failures.push(e); })
        .finally(() => inFlight.delete(added));
      inFlight.add(added);
      docs++;
      clauses += records.length;
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
      if (failures.length) throw failures[0];
    }
    await Promise.all(inFlight);
    if (failures.length) throw failures[0];
    for (const section of withPages ? ['glossary', 'topics'] : []) {
      for (const file of pagesIn(join(out, section))) {
        const res = await index.addHTMLFile({ url: `/${file.slice(out.length).replace(/index\.html$/, '').replace(/^\/+/, '')}`, content: readFileSync(file, 'utf8') });
        check(`addHTMLFile(${file})`, res);
        pages++;
      }
    }
    check('writeFiles', await index.writeFiles({ outputPath: join(out, dir) }));
  } finally {
    // Ends the Pagefind process, and with it the memory this index took.
    await pagefind.close();
  }
  return { docs, clauses, pages };
}
