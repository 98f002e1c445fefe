/**
 * The contract between the index build (build.ts writes search/indexes.json)
 * and the client (src/scripts/search/parts.ts reads it): the Pagefind parts
 * of a large library, newest first, each with what the client needs to
 * search it only when it must. Pure, bundle-safe.
 *
 * - `dir`: the part's folder, relative to the site's base (pagefind/ holds
 *   the newest documents and the glossary and topic pages).
 * - `docs`: how many documents it holds (the client says how many it has
 *   searched, and bounds how many one query searches).
 * - `filters`: the values of the search page's filters (地区, 年份, 文种) its
 *   documents have; a query filtered to other values skips the part. A
 *   filter not listed (文件: thousands of values) skips nothing.
 *
 * Older builds wrote only the folders of the extra parts (["pagefind-2/", …]);
 * readParts still reads that form (the parts then have no figures).
 */

export interface IndexPart {
  dir: string;
  docs?: number;
  filters?: Record<string, string[]>;
}

/** The filters whose values a part lists: few values each, so the list stays small at any size. */
export const PART_FILTERS = ['地区', '年份', '文种'] as const;
export type PartFilter = (typeof PART_FILTERS)[number];

/** The entry of one part, from the filter values of its documents (a value a document lacks is left out). */
export function partEntry(dir: string, docs: Record<PartFilter, string>[]): IndexPart {
  const filters: Record<string, string[]> = {};
  for (const key of PART_FILTERS) filters[key] = [...new Set(docs.map((d) => d[key]).filter(Boolean))].sort();
  return { dir, docs: docs.length, filters };
}

/** The parts as indexes.json gives them, the first (pagefind/) always first; the old list of extra folders too. */
export function readParts(json: unknown): IndexPart[] {
  if (!Array.isArray(json)) throw new Error('search/indexes.json is not a list of index parts');
  const parts = json.map((e: unknown): IndexPart => {
    if (typeof e === 'string') return { dir: e };
    if (e && typeof e === 'object' && typeof (e as IndexPart).dir === 'string') return e as IndexPart;
    throw new Error(`search/indexes.json: ${JSON.stringify(e)} is no index part (expected { dir, docs, filters })`);
  });
  return parts[0]?.dir === 'pagefind/' ? parts : [{ dir: 'pagefind/' }, ...parts.filter((p) => p.dir !== 'pagefind/')];
}

/** False when the part's documents cannot match the selected filters (a filter it does not list always can). */
export function partCanMatch(part: IndexPart, selected: Record<string, string[]> = {}): boolean {
  return Object.entries(selected).every(([key, values]) => {
    const has = part.filters?.[key];
    return !has || !values.length || values.some((v) => has.includes(v));
  });
}
