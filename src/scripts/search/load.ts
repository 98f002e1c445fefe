/** Loads Pagefind, the glossary forms and the list of page results once, from the site's base path. */
import type { GlossaryForms, PagefindLike } from './engine.ts';

let loading: Promise<{ pagefind: PagefindLike & { filters(): Promise<Record<string, Record<string, number>>> }; glossary: GlossaryForms[]; pages: Set<string> }> | undefined;

const json = <T>(url: string, fallback: T): Promise<T> => fetch(url).then((r) => (r.ok ? r.json() : fallback)).catch(() => fallback);

/**
 * `worker`: run Pagefind in a web worker. The search page does (its query runs
 * while the page loads, so keep the main thread free); the header field does
 * not (the worker is another 43 KB on the reader's first query).
 * Also loads the list of extra indexes to merge (required: without it a large
 * library would be searched only in part), the glossary forms (query
 * expansion) and the ids of the glossary and topic pages in the index (see
 * engine.ts, `pages`); without those two search still works, only less well.
 */
export function loadSearch(base: string, worker = false) {
  loading ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const [pagefind, rows, pageIds, indexes] = await Promise.all([
      import(/* @vite-ignore */ url),
      json<string[][]>(`${base}search/glossary-forms.json`, []),
      json<string[]>(`${base}search/pages.json`, []),
      fetch(`${base}search/indexes.json`).then((r) => { if (!r.ok) throw new Error(`search/indexes.json: HTTP ${r.status}`); return r.json() as Promise<string[]>; }),
    ]);
    await pagefind.options({ baseUrl: base, excerptLength: 20, noWorker: !worker });
    // A large library is indexed in parts (src/search-index/build.ts); searches run over all of them.
    for (const dir of indexes) await pagefind.mergeIndex(`${base}${dir}`, { baseUrl: base });
    const glossary: GlossaryForms[] = rows.map(([id, term, ...aliases]) => ({ id, term, forms: [term, ...aliases] }));
    return { pagefind, glossary, pages: new Set(pageIds) };
  })();
  // A failed load (network, server) must not stick: the next keystroke tries again.
  loading.catch(() => { loading = undefined; });
  return loading;
}

/** A result link that also tells the page what to highlight: …/x/?hl=双带头人#s3-6-24 */
export function hitHref(url: string, query: string): string {
  const [path, hash = ''] = url.split('#');
  return `${path}?hl=${encodeURIComponent(query)}${hash ? `#${hash}` : ''}`;
}

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
