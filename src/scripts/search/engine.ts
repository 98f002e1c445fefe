/**
 * Clause search for Chinese, on top of Pagefind.
 *
 * Pagefind's records are documents (and glossary and topic pages); each
 * document's fragment is cut back into its clauses (clauses.ts), and the
 * results are clauses: /policies/<slug>/#<anchor>.
 *
 * Pagefind splits a Chinese query into short pieces and falls back to partial
 * matches, so on its own 双带头人 also finds text with only 双 or 人. Here:
 * - each Chinese run of the query is searched as a quoted phrase, each Latin
 *   word as a word; every part is required (DRG 付费 needs both);
 * - a part that is a glossary term or alias also matches the entry's other
 *   forms (DRG ↔ 按疾病诊断相关分组付费), and the entry is offered first;
 * - candidates are checked best first (exact phrase, then Pagefind's score):
 *   at most maxCandidates documents and maxPages glossary/topic pages, since
 *   each is a download; every clause of a checked document (and every checked
 *   page) is shown only if it really contains each part (or one of its forms);
 * - ranking: title contains the phrase, then number of occurrences, then the
 *   document's date, newest first.
 * The module is pure apart from the Pagefind object it is given.
 */

import { splitClauses, type FragmentText } from './clauses.ts';

export interface PagefindLike {
  search(term: string, options?: { filters?: Record<string, string[]> }): Promise<{ results: { id: string; score: number; data(): Promise<PagefindData> }[] }>;
  /** Downloads the index chunks a term needs, ahead of the search (Pagefind's own). */
  preload?(term: string): Promise<void>;
}
export interface PagefindData extends FragmentText {
  url: string;
  meta: Record<string, string>;
  filters?: Record<string, string[]>;
}
export interface GlossaryForms { id: string; term: string; forms: string[] }

export interface QueryPart {
  /** What the reader typed for this part. */
  text: string;
  /** The strings any of which satisfies the part (the part itself, or a glossary entry's forms). */
  alternatives: string[];
  /** Glossary entry this part names, if any. */
  glossary?: GlossaryForms;
}

export interface Hit {
  url: string;
  title: string;
  /** 'clause' for a provision, 'page' for a glossary or topic page. */
  kind: 'clause' | 'page';
  doc?: string;
  slug?: string;
  anchor?: string;
  cite?: string;
  date?: string;
  titleMatch: boolean;
  count: number;
  /** Text around the first match, split so the match can be highlighted. */
  excerpt: { before: string; match: string; after: string };
}

export interface SearchResult {
  parts: QueryPart[];
  glossary?: GlossaryForms;
  hits: Hit[];
  /** How many checked candidates (documents, pages) had no clause containing the query. */
  dropped: number;
  /** How many candidate documents were not checked (beyond maxCandidates): ask again with a larger maxCandidates. */
  moreDocuments: number;
}

const HAN = /\p{Script=Han}/u;
/**
 * How many documents to check by default (each is one download of about its
 * text's compressed size, 7–15 KB for the real ones): bounds the bytes one
 * query fetches. Documents beyond it are reached with filters or a larger
 * maxCandidates (the search page's “more” button).
 */
export const MAX_CANDIDATES = 8;
/** How many glossary and topic pages to check (small downloads, ranked after clauses). */
export const MAX_PAGES = 10;

const norm = (s: string) => s.normalize('NFKC').toLowerCase();

/** Splits a query into required parts: 中医 床位 → two parts; DRG付费 stays one. */
export function parseQuery(query: string, glossary: GlossaryForms[] = []): QueryPart[] {
  const formsOf = new Map<string, GlossaryForms>();
  for (const g of glossary) for (const f of g.forms) formsOf.set(norm(f), g);
  return query
    .replace(/["“”'‘’]/g, ' ')
    .split(/[\s\u3000,，、;；]+/u)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((text) => {
      const g = formsOf.get(norm(text));
      const alternatives = g ? [...new Set([text, ...g.forms])] : [text];
      return { text, alternatives, ...(g ? { glossary: g } : {}) };
    });
}

/**
 * The Pagefind queries for one alternative. Chinese goes in as an exact
 * phrase (split at punctuation, so a long spelled-out form still works) and
 * also unquoted: Pagefind's segmenter sometimes cuts the phrase differently
 * from the text (总会计师), and the loose query then still finds it. Loose
 * matches without the phrase are removed later by the text check.
 */
export function pagefindQueries(alt: string): string[] {
  if (!HAN.test(alt)) return [alt];
  const pieces = alt.split(/[\s，。、；：,.;:“”"‘’（）()《》]+/u).filter(Boolean);
  const quoted = pieces.map((p) => `"${p}"`).join(' ');
  return [...new Set([quoted, pieces.join(' ')])];
}

export function occurrences(haystack: string, needle: string): number {
  const h = norm(haystack);
  const n = norm(needle);
  if (!n) return 0;
  let count = 0;
  for (let i = h.indexOf(n); i !== -1; i = h.indexOf(n, i + n.length)) count++;
  return count;
}

/** True when the text contains every part (any of its alternatives). */
export function containsAll(text: string, parts: QueryPart[]): boolean {
  return parts.every((p) => p.alternatives.some((a) => occurrences(text, a) > 0));
}

export function excerpt(content: string, parts: QueryPart[], radius = 28): Hit['excerpt'] {
  const h = norm(content);
  let best = -1;
  let len = 0;
  for (const p of parts) for (const a of p.alternatives) {
    const i = h.indexOf(norm(a));
    if (i !== -1 && (best === -1 || i < best)) { best = i; len = a.length; }
  }
  if (best === -1) return { before: content.slice(0, radius * 2), match: '', after: '' };
  const start = Math.max(0, best - radius);
  return {
    before: (start > 0 ? '…' : '') + content.slice(start, best),
    match: content.slice(best, best + len),
    after: content.slice(best + len, best + len + radius) + (best + len + radius < content.length ? '…' : ''),
  };
}

export function compareHits(a: Hit, b: Hit): number {
  if (a.kind !== b.kind) return a.kind === 'clause' ? -1 : 1;
  if (a.titleMatch !== b.titleMatch) return a.titleMatch ? -1 : 1;
  if (a.count !== b.count) return b.count - a.count;
  return (b.date ?? '').localeCompare(a.date ?? '');
}

export interface SearchOptions {
  filters?: Record<string, string[]>;
  /** How many documents to fetch and check, best Pagefind matches first (each is one download). */
  maxCandidates?: number;
  /** How many glossary and topic pages to fetch and check. */
  maxPages?: number;
  /** Pagefind ids of the glossary and topic pages (search/pages.json); any other result is taken for a document. */
  pages?: ReadonlySet<string>;
}

/** The clauses of one candidate that contain every part, as hits (a page is one hit). */
export function hitsOf(d: PagefindData, parts: QueryPart[]): Hit[] {
  const has = (text: string, alt: string) => occurrences(text, alt) > 0;
  const titleMatch = (title: string) => parts.some((p) => p.alternatives.some((a) => has(title, a)));
  const count = (text: string) => parts.reduce((n, p) => n + Math.max(...p.alternatives.map((a) => occurrences(text, a))), 0);
  if (d.meta.kind !== 'document') {
    if (!containsAll(d.content, parts)) return [];
    const title = d.meta.title ?? d.url;
    return [{ url: d.url, title, kind: 'page', titleMatch: titleMatch(title), count: count(d.content), excerpt: excerpt(d.content, parts) }];
  }
  const cites = parseCites(d.meta.cites);
  const path = d.url.split('#')[0];
  return splitClauses(d)
    .filter((c) => containsAll(c.text, parts))
    .map((c) => ({
      url: `${path}#${c.anchor}`,
      title: c.title,
      kind: 'clause' as const,
      doc: d.meta.doc,
      slug: d.meta.slug,
      anchor: c.anchor,
      cite: cites[c.anchor] ?? '',
      date: d.meta.date ?? '',
      titleMatch: titleMatch(c.title),
      count: count(c.text),
      excerpt: excerpt(c.text, parts),
    }));
}

/** The document's anchor → citation label map (search-document.ts); a broken one only loses the labels. */
function parseCites(json: string | undefined): Record<string, string> {
  try {
    return json ? JSON.parse(json) : {};
  } catch {
    return {};
  }
}

export async function search(pagefind: PagefindLike, query: string, glossary: GlossaryForms[] = [], options: SearchOptions = {}): Promise<SearchResult> {
  const { filters, maxCandidates = MAX_CANDIDATES, maxPages = MAX_PAGES, pages } = options;
  const parts = parseQuery(query, glossary);
  if (!parts.length) return { parts, hits: [], dropped: 0, moreDocuments: 0 };
  // Candidates: for each part, the union over its alternatives; then the intersection over parts.
  type Candidate = { score: number; exact: boolean; data(): Promise<PagefindData> };
  let candidates: Map<string, Candidate> | null = null;
  for (const part of parts) {
    const found = new Map<string, Candidate>();
    const merge = (queries: { alt: string; q: string; i: number }[], responses: Awaited<ReturnType<PagefindLike['search']>>[]) => {
      for (const [n, { alt, i }] of queries.entries()) {
        for (const r of responses[n].results) {
          const prev = found.get(r.id);
          const exact = i === 0 && HAN.test(alt);
          // The best score of any query: Pagefind scores every exact-phrase match alike (1), the loose query does not.
          found.set(r.id, { score: Math.max(r.score, prev?.score ?? 0), exact: exact || !!prev?.exact, data: prev?.data ?? r.data });
        }
      }
    };
    const run = async (queries: { alt: string; q: string; i: number }[]) =>
      // All at once: their index chunks download in parallel; merged in a fixed order.
      merge(queries, await Promise.all(queries.map(({ q }) => pagefind.search(q, filters ? { filters } : undefined))));
    const all = (alt: string) => pagefindQueries(alt).map((q, i) => ({ alt, q, i }));
    // First the exact phrase of every form. When those already fill the documents to be checked,
    // that is all: loose queries are slow on a large index (hundreds of ms when most documents
    // match) and would only add documents ranked after the exact matches. The exact matches then
    // keep Pagefind's order, which is newest document first (src/search-index/build.ts adds the
    // documents in that order), with the matches of what was typed ahead of its other forms.
    // Otherwise the loose queries run too: for recall (Pagefind may segment a phrase in the query
    // differently from the text) and for their scores, which rank the exact matches.
    await run(part.alternatives.map((alt) => all(alt)[0]));
    const exactDocs = [...found].filter(([id, c]) => c.exact && !(pages?.has(id) ?? false)).length;
    if (parts.length > 1 || exactDocs < maxCandidates) await run(part.alternatives.flatMap((alt) => all(alt).slice(1)));
    if (candidates === null) candidates = found;
    else {
      // Every part is required: keep the candidates this part found too.
      const next = new Map<string, Candidate>();
      for (const [id, c] of candidates as Map<string, Candidate>) {
        const f = found.get(id);
        if (f) next.set(id, { ...c, exact: c.exact && f.exact });
      }
      candidates = next;
    }
  }
  const ranked = [...(candidates ?? new Map<string, Candidate>())]
    .sort(([, a], [, b]) => Number(b.exact) - Number(a.exact) || b.score - a.score);
  // Documents (large downloads) and pages (small ones) are limited separately; the build lists
  // which results are pages (search/pages.json), so nothing is fetched only to be left out.
  const isPage = (id: string) => pages?.has(id) ?? false;
  const docCandidates = ranked.filter(([id]) => !isPage(id));
  const pageCandidates = ranked.filter(([id]) => isPage(id));
  const chosen = [...docCandidates.slice(0, maxCandidates), ...pageCandidates.slice(0, maxPages)];
  const hits: Hit[] = [];
  let dropped = 0;
  for (const d of await Promise.all(chosen.map(([, c]) => c.data()))) {
    const found = hitsOf(d, parts);
    if (!found.length) dropped++;
    hits.push(...found);
  }
  hits.sort(compareHits);
  const glossaryEntry = parts.length === 1 ? parts[0].glossary : undefined;
  // The entry is offered on its own at the top; do not list its page again.
  if (glossaryEntry) {
    const own = hits.findIndex((h) => h.kind === 'page' && h.url.replace(/\/$/, '').endsWith(`/glossary/${glossaryEntry.id}`));
    if (own !== -1) hits.splice(own, 1);
  }
  return { parts, ...(glossaryEntry ? { glossary: glossaryEntry } : {}), hits, dropped, moreDocuments: Math.max(0, docCandidates.length - maxCandidates) };
}

/** Clause hits grouped by document, documents in the order of their best hit. */
export function groupByDocument(hits: Hit[]): { doc: string; hits: Hit[] }[] {
  const groups = new Map<string, Hit[]>();
  for (const h of hits) {
    const key = h.kind === 'clause' ? h.doc ?? '' : '术语与专题';
    groups.set(key, [...(groups.get(key) ?? []), h]);
  }
  return [...groups].map(([doc, list]) => ({ doc, hits: list }));
}
