/**
 * Where the search index is cut into parts (Node only: the build's
 * src/search-index/build.ts; the client reads only the result,
 * search/indexes.json).
 *
 * A part is written by one Pagefind indexer, whose memory grows with its
 * documents, so a part holds at most DOCS_PER_INDEX of them. Each part is
 * cached by the digest of what is in it, so which documents share a part
 * decides how much an incremental build rewrites. Cut by position (every
 * 250 documents from the oldest end), a document added anywhere but at the
 * newest end moved every newer part's boundary by one: half the parts
 * rewritten on average (3 of 5 at 1,000 documents, 8.9 s; docs/benchmarks.md).
 * So the boundaries are chosen by the documents themselves, as rsync and
 * content-defined chunking do: a part ends after a document whose slug's
 * hash is 0 modulo `every`, once the part has `min` documents (or at `max`
 * regardless). The slug, not the content: editing a document must not move a
 * boundary. An added or removed document then changes its own part and, only
 * if that part was cut at `max`, the next ones up to the first boundary the
 * slugs chose (1.2 parts on average in a simulation at 1,000 and 10,000;
 * 13 % of parts are cut at `max`).
 */
import { createHash } from 'node:crypto';

/**
 * Documents per Pagefind part at most. Pagefind's indexer holds about 2 MiB
 * per document while it writes (two parts of 300 written at once, 1.9 GiB
 * with their Node processes; two of 250 ~1.7 GiB; docs/benchmarks.md).
 * SEARCH_DOCS_PER_INDEX overrides it (the sub-path test build uses 2, so
 * searching over parts is tested on the real documents).
 */
export const DOCS_PER_INDEX = 250;

/** The part sizes for a maximum: at least 70 % of it, and a cut every (max − min) / 2 documents on average beyond that. */
export function partBounds(max: number): { min: number; max: number; every: number } {
  const top = Math.max(1, Math.floor(max));
  const min = Math.max(1, Math.ceil(top * 0.7));
  return { min, max: top, every: Math.max(2, Math.round((top - min) / 2)) };
}

/** A slug's hash: the first 32 bits of its sha256, the same on every machine and in every build. */
const slugHash = (slug: string) => createHash('sha256').update(slug).digest().readUInt32BE(0);

/**
 * The folders of the index and their documents, `docs` given newest first
 * (build.ts newestFirst). A library smaller than one part's minimum is one
 * index, pagefind/, with the glossary and topic pages. A larger one keeps
 * those pages alone in pagefind/ (they change with the topics and glossary,
 * and are cheap to write again) and its documents in pagefind-2/,
 * pagefind-3/ … newest first, cut where partBounds and the slugs say
 * (scanning from the oldest end, so the newest part is the one still
 * filling up).
 */
export function indexGroups<T>(
  docs: T[],
  perIndex: number,
  slug: (doc: T) => string = String,
): { dir: string; docs: T[] }[] {
  const { min, max, every } = partBounds(perIndex);
  if (docs.length < min) return [{ dir: 'pagefind', docs }];
  const parts: T[][] = [];
  let part: T[] = [];
  for (let i = docs.length - 1; i >= 0; i--) {
    part.push(docs[i]);
    if (part.length >= max || (part.length >= min && slugHash(slug(docs[i])) % every === 0)) {
      parts.push(part.reverse());
      part = [];
    }
  }
  if (part.length) parts.push(part.reverse());
  parts.reverse();
  return [{ dir: 'pagefind', docs: [] }, ...parts.map((p, i) => ({ dir: `pagefind-${i + 2}`, docs: p }))];
}
