/**
 * Incremental builds (scripts/build.ts): which pages `astro build` renders.
 *
 * The pages that belong to one document (policies/<slug>/, data/<slug>.*;
 * documentOf() in src/lib/build-cache/paths.ts) are rendered only for the
 * documents whose pages digest (src/loaders/policies.ts) differs from that
 * of the pages already in the previous output: a route that makes a page
 * per document passes its documents through changedDocuments() in
 * getStaticPaths (the steps after `astro build`, provision pages and open
 * data, are handed the same documents by scripts/build.ts).
 *
 * Other pages made one per item from library-wide data are keyed too (a
 * curation page per document, made from the whole library's report; a
 * glossary term's, an agency's, a region's or a year's pages): the route
 * passes its items through changedPages() with what each page shows, and
 * only the pages whose content digest changed are rendered; the build keeps
 * the others' `<route>/<key>/` folders from the previous output.
 *
 * Every other page (home, the lists' indexes, targets, topics …) is rendered
 * every time, as it may show any document. Outside an incremental build both functions
 * return all items (and changedPages() still records the digests, for the
 * next build, when scripts/build.ts asks it to).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { digest } from '../lib/build-cache/digest.ts';
import {
  buildCacheDir,
  PAGES_SHARED,
  ROUTE_DIGESTS_ENV,
  UNCHANGED_ENV,
  UNCHANGED_ROUTES_ENV,
  type PagesManifest,
} from '../lib/build-cache/paths.ts';

let unchanged: PagesManifest | undefined;

export function changedDocuments<T extends { id: string; data: { rendering: { pages: string } } }>(docs: T[]): T[] {
  const file = process.env[UNCHANGED_ENV];
  if (!file) return docs;
  unchanged ??= JSON.parse(readFileSync(file, 'utf8')) as PagesManifest;
  return docs.filter((d) => unchanged![d.id] !== d.data.rendering.pages);
}

/**
 * A document as a keyed page's content: its id and its pages digest, which
 * changes whenever anything shown of the document does (its frontmatter,
 * text, clause data, rendering). For pages that list documents.
 */
export const listedDocument = (d: { id: string; data: { rendering: { pages: string } } }): string =>
  `${d.id}:${d.data.rendering.pages}`;

/**
 * The items of `route` (its pages are `<route>/<key>/`) whose page must be
 * rendered: those whose `content` (everything the page shows besides the
 * site's code and shared data, e.g. its JSON) differs from the previous
 * build's. `content` must cover all the page depends on, or a kept page goes stale.
 */
export function changedPages<T>(
  route: string,
  items: T[],
  key: (item: T) => string,
  content: (item: T) => string,
): T[] {
  const record = process.env[ROUTE_DIGESTS_ENV];
  if (!record) return items;
  // With the digest of the site's code and shared data, written by the policy loader earlier in this build.
  const shared = readFileSync(join(buildCacheDir(), PAGES_SHARED), 'utf8');
  const digests: Record<string, string> = Object.fromEntries(items.map((i) => [key(i), digest(shared, content(i))]));
  writeFileSync(join(record, `${route.replace(/\//g, '__')}.json`), JSON.stringify(digests));
  const previousDir = process.env[UNCHANGED_ROUTES_ENV];
  const previousFile = previousDir && join(previousDir, `${route.replace(/\//g, '__')}.json`);
  if (!previousFile || !existsSync(previousFile)) return items;
  const previous = JSON.parse(readFileSync(previousFile, 'utf8')) as Record<string, string>;
  return items.filter((i) => previous[key(i)] !== digests[key(i)]);
}
