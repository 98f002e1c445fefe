/**
 * Where the build's caches live and what the build steps hand each other
 * through them (Node only). Astro's cache folder (astro.config.mjs
 * `cacheDir`: ASTRO_CACHE_DIR, else node_modules/.astro) is shared by the
 * content loader and the steps after `astro build`.
 */
import { isAbsolute, join, resolve } from 'node:path';

export function buildCacheDir(root = process.cwd()): string {
  const dir = process.env.ASTRO_CACHE_DIR;
  return dir ? (isAbsolute(dir) ? dir : resolve(root, dir)) : join(root, 'node_modules', '.astro');
}

/**
 * Written by the policy loader, read by scripts/build.ts: for each document,
 * the digest of everything its own pages (policies/<slug>/…, data/<slug>.*)
 * are made from. Equal digests, equal pages: an incremental build keeps
 * those pages from the previous output.
 */
export const PAGES_MANIFEST = 'policy-pages.json';
export type PagesManifest = Record<string, string>;

/** Written by the policy loader beside PAGES_MANIFEST: the digest of what every page is made from (src/build/page-inputs.ts). */
export const PAGES_SHARED = 'pages-shared.txt';

/**
 * Written by the policy loader beside PAGES_MANIFEST, read by the open-data
 * step after `astro build` (src/open-data/): the site's base path and address
 * as Astro built it, and each document's rendering data file (what
 * policyRendering() reads: the glossary occurrences of its open data).
 */
export const RENDERINGS_MANIFEST = 'policy-renderings.json';
export interface RenderingsManifest {
  /** The base path, e.g. / or /sub/path/. */
  base: string;
  /** SITE, when set. */
  site?: string;
  /** slug → the rendering cache's data file of the document (src/loaders/policies.ts `rendering.dataFile`). */
  dataFiles: Record<string, string>;
}

/**
 * Keyed pages (changedPages(), src/build/changed-documents.ts): a folder
 * (set by scripts/build.ts) where each route writes `<route>.json`, its
 * pages' digests by key, during `astro build`.
 */
export const ROUTE_DIGESTS_ENV = 'YIGAI_ROUTE_DIGESTS';
/** And the folder of the previous build's digests of the keyed pages still in its output (`<route>.json`), for an incremental build. */
export const UNCHANGED_ROUTES_ENV = 'YIGAI_UNCHANGED_ROUTES';

/**
 * What an incremental build does not render again (set by scripts/build.ts
 * for `astro build`): the path of a PagesManifest of the documents whose
 * pages are already in the previous output.
 */
export const UNCHANGED_ENV = 'YIGAI_UNCHANGED_PAGES';

/**
 * The outputs that belong to one document and to no other page (its page,
 * its provision pages, its open-data files), as paths relative to the output
 * folder; undefined for a shared page (lists, glossary, agencies, assets …),
 * which every build renders again.
 */
export function documentOf(path: string): string | undefined {
  return /^policies\/([^/]+)\//.exec(path)?.[1] ?? /^data\/([^/]+)\.(?:json|md|txt)$/.exec(path)?.[1];
}

/**
 * The folder of the pages' 自动推荐 files (src/lib/similar/doc-files.ts) that
 * `npm run build`'s curation step writes (src/lib/curation/write-report-files.ts
 * --similar), for the policy loader to read instead of computing them again;
 * unset (astro build or dev alone), the loader runs write-doc-files.ts itself.
 */
export const SIMILAR_FILES_ENV = 'YIGAI_SIMILAR_FILES';
