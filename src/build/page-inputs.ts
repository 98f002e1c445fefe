/**
 * What every page of the site is made from besides the documents: the
 * site's code, styles and shared data (glossary, topics, agencies, targets
 * …) and the build options. Its digest is part of every document's pages
 * digest (src/loaders/policies.ts) and of every keyed page's digest
 * (changedPages(), src/build/changed-documents.ts): change any of these and
 * every page is rendered again.
 */
import { digest, digestFiles } from '../lib/build-cache/digest.ts';

export const PAGE_INPUTS = [
  'src',
  'public',
  'ingest/mdx',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];
/** Per-document inputs, digested per document instead (a new document must not change every digest). */
export const PER_DOCUMENT = ['src/content/policies', 'src/content/clauses', 'src/content/reports'];

/** `base` as the site is built (with its trailing slash), `site` the SITE address or ''. */
export function pageSharedDigest(root: string, base: string, site: string): string {
  return digest(digestFiles(root, PAGE_INPUTS, PER_DOCUMENT), base.replace(/\/?$/, '/'), site);
}
