/** Loads Pagefind, the glossary forms and the list of page results once, from the site's base path. */
import type { GlossaryForms, PagefindLike, SearchPart } from './engine.ts';
import { decodeForms, type FormsRow } from '../../search-index/glossary-forms.ts';
import { readParts } from '../../search-index/index-parts.ts';
import { openParts, type PagefindModule } from './parts.ts';
import { convert, hasTraditional } from '../../search-index/traditional-table.ts';

interface Loaded {
  /** The first part's Pagefind (the newest documents, the glossary and topic pages). */
  pagefind: PagefindLike;
  /** Every part, newest first, each searched only when a query reaches it (parts.ts). */
  parts: SearchPart[];
  glossary: GlossaryForms[];
  pages: Set<string>;
  /** Traditional → Simplified for a query, or null (engine.ts, SearchOptions.simplify). */
  simplify(query: string): Promise<string | null>;
}
let loading: Promise<Loaded> | undefined;
let table: Promise<string> | undefined;

const json = <T>(url: string, fallback: T): Promise<T> =>
  fetch(url)
    .then((r) => (r.ok ? r.json() : fallback))
    .catch(() => fallback);

/**
 * `worker`: run Pagefind in a web worker. The search page does (its query runs
 * while the page loads, so keep the main thread free); the header field does
 * not (the worker is another 43 KB on the reader's first query).
 * Also loads the list of the index's parts (required: without it a large
 * library would be searched only in part), the glossary forms (query
 * expansion) and the ids of the glossary and topic pages in the index (see
 * engine.ts, `pages`); without those two search still works, only less well.
 */
export function loadSearch(base: string, worker = false) {
  loading ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const [pagefind, rows, pageIds, bits, indexes] = await Promise.all([
      import(/* @vite-ignore */ url),
      json<FormsRow[]>(`${base}search/glossary-forms.json`, []),
      json<string[]>(`${base}search/pages.json`, []),
      // Which characters are Traditional (3.4 KB); the table itself only when a query has one.
      fetch(`${base}search/t2s-test.bin`)
        .then((r) => (r.ok ? r.arrayBuffer() : new ArrayBuffer(0)))
        .then((b) => new Uint8Array(b))
        .catch(() => new Uint8Array(0)),
      fetch(`${base}search/indexes.json`).then((r) => {
        if (!r.ok) throw new Error(`search/indexes.json: HTTP ${r.status}`);
        return r.json() as Promise<unknown>;
      }),
    ]);
    const options = { excerptLength: 20, noWorker: !worker };
    await pagefind.options({ baseUrl: base, ...options });
    // A large library is indexed in parts (src/search-index/build.ts), searched newest first as far as a query needs.
    const parts = openParts(pagefind as PagefindModule, base, readParts(indexes), options);
    const glossary = decodeForms(rows);
    const simplify = async (query: string) => {
      if (!hasTraditional(bits, query)) return null;
      table ??= json<string>(`${base}search/t2s.json`, '');
      return convert(await table, query);
    };
    return { pagefind, parts, glossary, pages: new Set(pageIds), simplify };
  })();
  // A failed load (network, server) must not stick: the next keystroke tries again.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/**
 * A result link that also tells the page what to highlight: …/x/?hl=双带头人#s3-6-24,
 * one `hl` for each form that occurs in the clause (the query, else the forms found).
 */
export function hitHref(url: string, query: string, marks: string[] = []): string {
  const [path, hash = ''] = url.split('#');
  const forms = marks.length ? marks : [query];
  return `${path}?${forms.map((f) => `hl=${encodeURIComponent(f)}`).join('&')}${hash ? `#${hash}` : ''}`;
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
