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
 * - the query is normalised first (normalize.ts: full-width letters and
 *   digits, [2021] → 〔2021〕); an English name of a glossary entry (one part
 *   even when it has several words) or an abbreviation from it leads to the
 *   entry's forms; Traditional characters are searched as Simplified when
 *   the caller gives a converter (options.simplify);
 * - a clause also satisfies a part that is the full name of one of its
 *   responsible agencies (the document's `agencies` meta, search-document.ts);
 * - ranking: clauses containing what was typed (not only another form), then
 *   title contains the phrase, then number of occurrences, then the
 *   document's date (or year), newest first;
 * - a query that finds no clause and is one character away from a glossary
 *   form gets that form as a suggestion.
 * The module is pure apart from the Pagefind object it is given.
 */

import { splitClauses, type FragmentText } from './clauses.ts';
import { normalizeQuery, withinOneEdit } from './normalize.ts';
import type { GlossaryForms } from '../../search-index/glossary-forms.ts';
import { AGENCIES_META, type AgencyMeta } from '../../search-index/agency-meta.ts';
import { partCanMatch, type IndexPart } from '../../search-index/index-parts.ts';

export type { GlossaryForms };

export interface PagefindLike {
  search(
    term: string,
    options?: { filters?: Record<string, string[]> },
  ): Promise<{ results: { id: string; score: number; data(): Promise<PagefindData> }[] }>;
  /** Downloads the index chunks a term needs, ahead of the search (Pagefind's own). */
  preload?(term: string): Promise<void>;
}
export interface PagefindData extends FragmentText {
  url: string;
  meta: Record<string, string>;
  filters?: Record<string, string[]>;
}

export interface QueryPart {
  /** What the reader typed for this part. */
  text: string;
  /** The strings any of which satisfies the part (the part itself, or a glossary entry's forms). */
  alternatives: string[];
  /** Glossary entry this part names, if any. */
  glossary?: GlossaryForms;
}

/** A responsible agency (src/lib/agencies): its page is /agencies/<id>/. */
export interface AgencyRef {
  id: string;
  name: string;
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
  /** How many parts the clause contains as typed (not only as another form of a glossary term). */
  typed: number;
  count: number;
  /** Every form that occurs in the clause (what the landing page marks). */
  marks: string[];
  /** Text around the first match, split so the match can be highlighted. */
  excerpt: { before: string; match: string; after: string };
}

export interface SearchResult {
  parts: QueryPart[];
  glossary?: GlossaryForms;
  /** The agency a one-part query names in full (its clauses are among the hits). */
  agency?: AgencyRef;
  hits: Hit[];
  /** How many of the hits are clauses (the count readers see; glossary and topic pages are not counted). */
  clauses: number;
  /** The query as searched when it differs from what was typed only by Traditional → Simplified. */
  simplified?: string;
  /** Glossary forms one character away from a part, offered when nothing was found. */
  suggestions: string[];
  /** How many checked candidates (documents, pages) had no clause containing the query. */
  dropped: number;
  /** How many candidate documents were not checked (beyond maxCandidates): ask again with a larger maxCandidates. */
  moreDocuments: number;
  /** How many of those were found by the exact phrase of every part (the rest are loose matches only). */
  moreSure: number;
  /** How many index parts after those searched could still hold matches (0: the whole library was searched). */
  olderParts: number;
  /** Documents in the parts searched or passed over by the filters: the newest ones (0 when the index does not say). */
  searchedDocuments: number;
  /** Documents in the parts after those (older ones, not searched). */
  olderDocuments: number;
}

/**
 * One part of a large library's index (src/search-index/index-parts.ts),
 * newest first: its figures and its Pagefind, created on first use.
 */
export interface SearchPart extends IndexPart {
  pagefind(): Promise<PagefindLike>;
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
/**
 * How many documents one query searches at most before it stops to ask (the
 * search page's 在更早的文件中继续检索) when the newest do not fill what is
 * shown: each part costs its metadata and word chunks, so a query that finds
 * little does not download the whole library at once. Four parts of the
 * index at their smallest (175 documents: partBounds in
 * src/search-index/part-boundaries.ts), so a step opens pagefind/ (the
 * glossary and topic pages), the newest part (still filling up, possibly
 * small) and at most four more: a query that finds nothing costs
 * 270–280 KiB at 10,000 documents (docs/benchmarks.md; the budget is
 * 300 KiB).
 */
export const STEP_DOCUMENTS = 700;

const norm = (s: string) => s.normalize('NFKC').toLowerCase();

/** Splits a query into required parts: 中医 床位 → two parts; DRG付费 stays one; an English glossary name is one part. */
export function parseQuery(query: string, glossary: GlossaryForms[] = []): QueryPart[] {
  const formsOf = new Map<string, GlossaryForms>();
  for (const g of glossary)
    for (const f of [...g.forms, ...(g.english ?? [])]) if (!formsOf.has(norm(f))) formsOf.set(norm(f), g);
  const part = (text: string): QueryPart => {
    const g = formsOf.get(norm(text));
    const alternatives = g ? [...new Set([text, ...g.forms])] : [text];
    return { text, alternatives, ...(g ? { glossary: g } : {}) };
  };
  let rest = normalizeQuery(query);
  // English names with spaces first, longest first, as whole words: each is one part wherever it stands.
  const named: { at: number; part: QueryPart }[] = [];
  const multi = glossary
    .flatMap((g) => (g.english ?? []).filter((e) => /\s/.test(e)))
    .sort((a, b) => b.length - a.length);
  for (const name of multi) {
    const i = findWord(rest, name);
    if (i === -1) continue;
    named.push({ at: i, part: part(rest.slice(i, i + name.length)) });
    rest = `${rest.slice(0, i)}${'\u0000'.repeat(name.length)}${rest.slice(i + name.length)}`;
  }
  const split = [...rest.replace(/["“”'‘’]/g, ' ').matchAll(/[^\s\u3000,，、;；\u0000]+/gu)].map((m) => ({
    at: m.index,
    part: part(m[0]),
  }));
  return [...named, ...split].sort((a, b) => a.at - b.at).map((x) => x.part);
}

/** Where `name` stands in `text` as whole words (case-insensitive), or -1. */
function findWord(text: string, name: string): number {
  const t = text.toLowerCase();
  const n = name.toLowerCase();
  for (let i = t.indexOf(n); i !== -1; i = t.indexOf(n, i + 1)) {
    const before = t[i - 1];
    const after = t[i + n.length];
    if ((!before || !/[a-z0-9]/.test(before)) && (!after || !/[a-z0-9]/.test(after))) return i;
  }
  return -1;
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
  for (const p of parts)
    for (const a of p.alternatives) {
      const i = h.indexOf(norm(a));
      if (i !== -1 && (best === -1 || i < best)) {
        best = i;
        len = a.length;
      }
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
  if (a.typed !== b.typed) return b.typed - a.typed;
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
  /** Parts are searched further only while those searched hold fewer documents than this (STEP_DOCUMENTS). */
  maxDocuments?: number;
  /** Pagefind ids of the glossary and topic pages (search/pages.json); any other result is taken for a document. */
  pages?: ReadonlySet<string>;
  /**
   * Traditional → Simplified for the query, or null when it has no Traditional
   * characters (load.ts: its table is downloaded only for such a query).
   */
  simplify?: (query: string) => Promise<string | null>;
}

/** The clauses of one candidate that contain every part, as hits (a page is one hit). */
export function hitsOf(d: PagefindData, parts: QueryPart[]): Hit[] {
  const has = (text: string, alt: string) => occurrences(text, alt) > 0;
  const titleMatch = (title: string) => parts.some((p) => p.alternatives.some((a) => has(title, a)));
  const count = (text: string) =>
    parts.reduce((n, p) => n + Math.max(...p.alternatives.map((a) => occurrences(text, a))), 0);
  const typed = (text: string) => parts.filter((p) => has(text, p.text)).length;
  const marks = (text: string) => [...new Set(parts.flatMap((p) => p.alternatives.filter((a) => has(text, a))))];
  if (d.meta.kind !== 'document') {
    if (!containsAll(d.content, parts)) return [];
    const title = d.meta.title ?? d.url;
    return [
      {
        url: d.url,
        title,
        kind: 'page',
        titleMatch: titleMatch(title),
        typed: typed(d.content),
        count: count(d.content),
        marks: marks(d.content),
        excerpt: excerpt(d.content, parts),
      },
    ];
  }
  const cites = parseJson<Record<string, string>>(d.meta.cites, {});
  const agencies = parseJson<AgencyMeta>(d.meta[AGENCIES_META], []);
  const path = d.url.split('#')[0];
  return splitClauses(d).flatMap((c) => {
    // The full names of the clause's responsible agencies count as its text for a part that names one.
    const names = agencies.filter(([, , ...anchors]) => anchors.includes(c.anchor)).map(([, name]) => norm(name));
    const satisfied = parts.every((p) => p.alternatives.some((a) => has(c.text, a) || names.includes(norm(a))));
    if (!satisfied) return [];
    return [
      {
        url: `${path}#${c.anchor}`,
        title: c.title,
        kind: 'clause' as const,
        doc: d.meta.doc,
        slug: d.meta.slug,
        anchor: c.anchor,
        cite: cites[c.anchor] ?? '',
        date: d.meta.date ?? '',
        titleMatch: titleMatch(c.title),
        typed: parts.filter((p) => has(c.text, p.text) || names.includes(norm(p.text))).length,
        count: count(c.text),
        marks: marks(c.text),
        excerpt: excerpt(c.text, parts),
      },
    ];
  });
}

/** The agency a part names in full, among a document's agencies. */
function agencyNamed(d: PagefindData, part: QueryPart): AgencyRef | undefined {
  const found = parseJson<AgencyMeta>(d.meta[AGENCIES_META], []).find(([, name]) => norm(name) === norm(part.text));
  return found && { id: found[0], name: found[1] };
}

/** A JSON meta of the document (search-document.ts); a broken one only loses what it carries. */
function parseJson<T>(json: string | undefined, fallback: T): T {
  try {
    return json ? (JSON.parse(json) as T) : fallback;
  } catch {
    return fallback;
  }
}

export async function search(
  source: PagefindLike | SearchPart[],
  query: string,
  glossary: GlossaryForms[] = [],
  options: SearchOptions = {},
): Promise<SearchResult> {
  const simplified = options.simplify ? await options.simplify(query) : null;
  const parts = Array.isArray(source) ? source : [{ dir: 'pagefind/', pagefind: async () => source }];
  const res = await searchParts(parts, simplified ?? query, glossary, options);
  return simplified !== null && simplified !== query ? { ...res, simplified } : res;
}

/** Glossary forms one character away from a part that is not itself a form (three characters or more: shorter ones are near everything). */
export function suggest(parts: QueryPart[], glossary: GlossaryForms[], limit = 5): string[] {
  const out = new Set<string>();
  for (const p of parts) {
    if (p.glossary || [...p.text].length < 3) continue;
    for (const g of glossary)
      for (const f of g.forms)
        if ([...f].length >= 3 && norm(f) !== norm(p.text) && withinOneEdit(norm(p.text), norm(f))) out.add(f);
  }
  return [...out].slice(0, limit);
}

/** A candidate document or page of one index part. `sure`: every part of the query found by its exact phrase (or word). */
type Candidate = {
  part: number;
  score: number;
  exact: boolean;
  typed: boolean;
  sure: boolean;
  data(): Promise<PagefindData>;
};

/**
 * The candidates of one index part: for each query part, the union over its
 * alternatives; then the intersection over the query parts. `need`: how many
 * more documents would fill the documents to be checked (loose queries, below).
 */
async function candidatesIn(
  pagefind: PagefindLike,
  parts: QueryPart[],
  index: number,
  need: number,
  filters: Record<string, string[]> | undefined,
  pages: ReadonlySet<string> | undefined,
): Promise<Map<string, Candidate>> {
  let candidates: Map<string, Candidate> | null = null;
  for (const part of parts) {
    const found = new Map<string, Candidate>();
    const merge = (
      queries: { alt: string; q: string; i: number }[],
      responses: Awaited<ReturnType<PagefindLike['search']>>[],
    ) => {
      for (const [n, { alt, i }] of queries.entries()) {
        for (const r of responses[n].results) {
          const prev = found.get(r.id);
          const exact = i === 0 && HAN.test(alt);
          const typed = exact && alt === part.text;
          // The best score of any query: Pagefind scores every exact-phrase match alike (1), the loose query does not.
          found.set(r.id, {
            part: index,
            score: Math.max(r.score, prev?.score ?? 0),
            exact: exact || !!prev?.exact,
            typed: typed || !!prev?.typed,
            sure: i === 0 || !!prev?.sure,
            data: prev?.data ?? r.data,
          });
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
    if (parts.length > 1 || exactDocs < need) await run(part.alternatives.flatMap((alt) => all(alt).slice(1)));
    if (candidates === null) candidates = found;
    else {
      // Every part is required: keep the candidates this part found too.
      const next = new Map<string, Candidate>();
      for (const [id, c] of candidates as Map<string, Candidate>) {
        const f = found.get(id);
        if (f)
          next.set(id, {
            ...c,
            exact: c.exact && f.exact,
            typed: c.typed && f.typed,
            sure: c.sure && f.sure,
            score: c.score + f.score,
          });
      }
      candidates = next;
    }
  }
  return candidates ?? new Map<string, Candidate>();
}

/**
 * A large library's index is in parts, newest first (src/search-index/build.ts),
 * searched one after another: the next part only while the documents found
 * for sure (every query part by its exact phrase or word) do not fill the
 * documents to be checked (maxCandidates) and the parts searched hold fewer
 * than maxDocuments documents. The first query thus costs one part however
 * large the library. A part whose documents cannot match the filters
 * (index-parts.ts) is passed over. Candidates are checked exact first, then
 * typed, then newest part first, then by Pagefind's score; the hits of every
 * part searched are ranked together (compareHits).
 */
async function searchParts(
  index: SearchPart[],
  query: string,
  glossary: GlossaryForms[],
  options: SearchOptions,
): Promise<SearchResult> {
  const {
    filters,
    maxCandidates = MAX_CANDIDATES,
    maxPages = MAX_PAGES,
    maxDocuments = STEP_DOCUMENTS,
    pages,
  } = options;
  const parts = parseQuery(query, glossary);
  // How far the search went: the parts up to `searched` were searched or cannot match.
  const scope = (searched: number) => {
    const docs = (ps: SearchPart[]) => ps.reduce((n, p) => n + (p.docs ?? 0), 0);
    return {
      searchedDocuments: docs(index.slice(0, searched)),
      olderDocuments: docs(index.slice(searched)),
      olderParts: index.slice(searched).filter((p) => partCanMatch(p, filters)).length,
    };
  };
  if (!parts.length)
    return {
      parts,
      hits: [],
      clauses: 0,
      suggestions: [],
      dropped: 0,
      moreDocuments: 0,
      moreSure: 0,
      ...scope(index.length),
    };
  // Glossary and topic pages are in the first part only (search/pages.json lists their ids there).
  const isPage = (c: Candidate, id: string) => c.part === 0 && (pages?.has(id) ?? false);
  const all: { id: string; c: Candidate }[] = [];
  const docsFound = (sure: boolean) => all.filter(({ id, c }) => !isPage(c, id) && (!sure || c.sure)).length;
  let searched = 0;
  // Documents of the parts really searched (not of those passed over): what the step downloaded.
  let searchedDocs = 0;
  // A part's candidates, asked for once (a part searched ahead is not searched again).
  const asked = new Map<number, Promise<Map<string, Candidate>>>();
  const ask = (i: number, need: number) => {
    let p = asked.get(i);
    if (!p) {
      p = index[i].pagefind().then((pf) => candidatesIn(pf, parts, i, need, filters, i === 0 ? pages : undefined));
      // One searched ahead and then not needed (the parts before it filled the results) fails quietly.
      p.catch(() => {});
      asked.set(i, p);
    }
    return p;
  };
  for (const [i, part] of index.entries()) {
    if (i > 0 && (docsFound(true) >= maxCandidates || searchedDocs >= maxDocuments)) break;
    searched = i + 1;
    if (!partCanMatch(part, filters)) continue;
    const before = searchedDocs;
    searchedDocs += part.docs ?? 0;
    const need = Math.max(1, maxCandidates - docsFound(false));
    const pending = ask(i, need);
    if (before > 0) {
      // Searched one after another, each part costs its own round trips (metadata, index chunks),
      // and a rare query needs every part of the step. So the parts ahead are searched at once with
      // this one, as many as the results still need if they match as often as the parts searched
      // so far (all of the step when those found nothing); what they find is still taken part by
      // part, in order. Not for the first part with documents, nor when this part is likely to fill
      // the results: a query the newest parts answer downloads nothing of the older ones.
      const sure = docsFound(true);
      const expected = sure > 0 ? ((maxCandidates - sure) * before) / sure : Infinity;
      let ahead = part.docs ?? 0;
      let reach = searchedDocs;
      for (let j = i + 1; j < index.length && reach < maxDocuments && ahead < expected; j++) {
        if (!partCanMatch(index[j], filters)) continue;
        reach += index[j].docs ?? 0;
        ahead += index[j].docs ?? 0;
        ask(j, need);
      }
    }
    const found = await pending;
    // Pagefind's ids are unique within a part only: the part number (c.part) keeps them apart.
    for (const [id, c] of found) all.push({ id, c });
  }
  const ranked = all.sort(
    ({ c: a }, { c: b }) =>
      Number(b.exact) - Number(a.exact) || Number(b.typed) - Number(a.typed) || a.part - b.part || b.score - a.score,
  );
  // Documents (large downloads) and pages (small ones) are limited separately; the build lists
  // which results are pages (search/pages.json), so nothing is fetched only to be left out.
  const docCandidates = ranked.filter(({ id, c }) => !isPage(c, id));
  const pageCandidates = ranked.filter(({ id, c }) => isPage(c, id));
  const chosen = [...docCandidates.slice(0, maxCandidates), ...pageCandidates.slice(0, maxPages)];
  const hits: Hit[] = [];
  let dropped = 0;
  let agency: AgencyRef | undefined;
  for (const d of await Promise.all(chosen.map(({ c }) => c.data()))) {
    const found = hitsOf(d, parts);
    if (!found.length) dropped++;
    hits.push(...found);
    if (parts.length === 1 && d.meta.kind === 'document') agency ??= agencyNamed(d, parts[0]);
  }
  hits.sort(compareHits);
  const glossaryEntry = parts.length === 1 ? parts[0].glossary : undefined;
  const clauses = hits.filter((h) => h.kind === 'clause').length;
  // The entry is offered on its own at the top; do not list its page again.
  if (glossaryEntry) {
    const own = hits.findIndex(
      (h) => h.kind === 'page' && h.url.replace(/\/$/, '').endsWith(`/glossary/${glossaryEntry.id}`),
    );
    if (own !== -1) hits.splice(own, 1);
  }
  return {
    parts,
    ...(glossaryEntry ? { glossary: glossaryEntry } : {}),
    ...(agency ? { agency } : {}),
    hits,
    clauses,
    suggestions: clauses ? [] : suggest(parts, glossary),
    dropped,
    moreDocuments: Math.max(0, docCandidates.length - maxCandidates),
    moreSure: docCandidates.slice(maxCandidates).filter(({ c }) => c.sure).length,
    ...scope(searched),
  };
}

/**
 * How many clauses of a document are shown before its other ones fold away:
 * a document's best clause must not come after ten weaker ones of another
 * document only because that document's best clause was better.
 */
export const GROUP_SHOWN = 3;

/** Clause hits grouped by document (by slug: two documents may share a short title), documents in the order of their best hit. */
export function groupByDocument(hits: Hit[]): { doc: string; hits: Hit[] }[] {
  const groups = new Map<string, { doc: string; hits: Hit[] }>();
  for (const h of hits) {
    const key = h.kind === 'clause' ? `doc:${h.slug ?? h.doc ?? ''}` : 'pages';
    const g = groups.get(key) ?? { doc: h.kind === 'clause' ? (h.doc ?? '') : '术语与专题', hits: [] };
    g.hits.push(h);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/**
 * The hits the header shows: best first, at most `perDocument` of one
 * document while others are waiting, so every checked document gets a place.
 */
export function pickShown(hits: Hit[], max: number, perDocument = GROUP_SHOWN): Hit[] {
  const first: Hit[] = [];
  const later: Hit[] = [];
  const per = new Map<string, number>();
  for (const h of hits) {
    const key = h.slug ?? h.url;
    const n = per.get(key) ?? 0;
    (n < perDocument ? first : later).push(h);
    per.set(key, n + 1);
  }
  const chosen = new Set([...first, ...later].slice(0, max));
  return hits.filter((h) => chosen.has(h));
}
