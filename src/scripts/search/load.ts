/** Loads Pagefind and the glossary forms once, from the site's base path. */
import type { GlossaryForms, PagefindLike } from './engine.ts';

let loading: Promise<{ pagefind: PagefindLike & { filters(): Promise<Record<string, Record<string, number>>> }; glossary: GlossaryForms[] }> | undefined;

/**
 * `worker`: run Pagefind in a web worker. The search page does (its query runs
 * while the page loads, so keep the main thread free); the header field does
 * not (the worker is another 43 KB on the reader's first query).
 */
export function loadSearch(base: string, worker = false) {
  loading ??= (async () => {
    const url = `${base}pagefind/pagefind.js`;
    const pagefind = await import(/* @vite-ignore */ url);
    await pagefind.options({ baseUrl: base, excerptLength: 20, noWorker: !worker });
    const rows: string[][] = await fetch(`${base}search/glossary-forms.json`).then((r) => (r.ok ? r.json() : [])).catch(() => []);
    const glossary: GlossaryForms[] = rows.map(([id, term, ...aliases]) => ({ id, term, forms: [term, ...aliases] }));
    return { pagefind, glossary };
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
