/**
 * After `astro build` (scripts/search-index.ts, part of `npm run build`):
 * writes the Pagefind index to dist/pagefind/ through Pagefind's Node API.
 * A step of its own, not an Astro integration hook, so that Pagefind (about
 * 2 GiB at 1,000 documents) does not run while the Astro build still holds
 * its memory. Each document is ONE record,
 * a minimal page made from its clause records (search-document.ts) in which
 * every clause starts at its anchor, so the client can still show clauses;
 * one record per clause made Pagefind's pf_meta (fetched by every first
 * query) and the indexing time grow with the number of clauses (41 000 at
 * 1 000 documents). Glossary and topic pages are indexed as pages. Every
 * response's `errors` is checked; the index is closed in `finally`. Also
 * writes search/glossary-forms.json (glossary forms for query expansion) and
 * search/pages.json (the fragment ids of glossary and topic pages).
 */
import { readFileSync, readdirSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { transform } from 'esbuild';
import { readDocument } from './clause-records.ts';
import { searchDocument } from './search-document.ts';
import { fragmentUrls } from './fragment-ids.ts';
import { loadGlossary } from '../lib/glossary/load.ts';

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

export async function buildSearchIndex(out: string, log: (message: string) => void = console.log): Promise<void> {
  // Smaller index chunks: a query downloads one chunk per word, and with one record per document
  // the default chunks (~30 KB) would take most of the first query's budget. Unstable in Pagefind
  // (environment only); tests/e2e/budgets.test.ts notices if it stops working.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_SIZE);
  // Every fragment its own file: bundled fragments would make one result download many documents.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn', maxFragments: MAX_FRAGMENTS });
  check('createIndex', { errors });
  if (!index) throw new Error('Pagefind createIndex returned no index');
  let docs = 0;
  let clauses = 0;
  const t0 = Date.now();
  try {
    // Pagefind indexes in its own process: keep a few documents in flight while the next page is read.
    const inFlight = new Set<Promise<void>>();
    const failures: unknown[] = [];
    for (const file of pagesIn(join(out, 'policies'))) {
      const page = readDocument(readFileSync(file, 'utf8'));
      if (!page) continue;
      const { doc, records } = page;
      // Site-relative: the Pagefind client prefixes the base path (baseUrl).
      const added: Promise<void> = index.addHTMLFile({ url: `/policies/${doc.slug}/`, content: searchDocument(doc, records) })
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
    let pages = 0;
    for (const section of ['glossary', 'topics']) {
      for (const file of pagesIn(join(out, section))) {
        const res = await index.addHTMLFile({ url: `/${file.slice(out.length).replace(/index\.html$/, '').replace(/^\/+/, '')}`, content: readFileSync(file, 'utf8') });
        check(`addHTMLFile(${file})`, res);
        pages++;
      }
    }
    check('writeFiles', await index.writeFiles({ outputPath: join(out, 'pagefind') }));
    // Which results are glossary and topic pages, known before their fragments are fetched (engine.ts).
    const pageIds = [...fragmentUrls(join(out, 'pagefind'))].filter(([, url]) => !url.startsWith('/policies/')).map(([id]) => id);
    mkdirSync(join(out, 'search'), { recursive: true });
    writeFileSync(join(out, 'search', 'pages.json'), JSON.stringify(pageIds));
    // Pagefind ships its loader unminified; the first search downloads it, so minify it (≈ 30 % smaller).
    const loader = join(out, 'pagefind', 'pagefind.js');
    const min = await transform(readFileSync(loader, 'utf8'), { minify: true, format: 'esm', target: 'es2022' });
    writeFileSync(loader, min.code);
    log(`Pagefind: ${docs} documents (${clauses} clauses) and ${pages} pages indexed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await pagefind.close();
  }
  // Glossary forms for query expansion (DRG ↔ 按疾病诊断相关分组付费).
  // [id, term, ...aliases]: compact, it is fetched with the first query.
  const forms = loadGlossary().map((e) => [e.id, e.term, ...e.aliases]);
  mkdirSync(join(out, 'search'), { recursive: true });
  writeFileSync(join(out, 'search', 'glossary-forms.json'), JSON.stringify(forms));
}
