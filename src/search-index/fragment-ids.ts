/**
 * Reads back which Pagefind fragment is which page: a search result gives
 * only its fragment id until its fragment is downloaded, and the client wants
 * to tell documents (large fragments, checked a few at a time) from glossary
 * and topic pages (small ones) before it downloads anything.
 * A fragment file is gzip of "pagefind_dcd" + JSON (Pagefind 1.x); every
 * fragment is its own file (search-index.ts sets maxFragments above the page count).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';

/** Fragment id (the file name without extension, as `result.id`) → the page's URL. */
export function fragmentUrls(pagefindDir: string): Map<string, string> {
  const dir = join(pagefindDir, 'fragment');
  const urls = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.pf_fragment'))) {
    const raw = gunzipSync(readFileSync(join(dir, file)));
    const json = raw.subarray(0, SIGNATURE.length).toString() === SIGNATURE ? raw.subarray(SIGNATURE.length) : raw;
    const fragment = JSON.parse(json.toString('utf8')) as { url?: string };
    if (typeof fragment.url !== 'string')
      throw new Error(
        `Pagefind fragment ${file} has no url: has Pagefind's fragment format changed (fragment groups)?`,
      );
    urls.set(file.replace(/\.pf_fragment$/, ''), fragment.url);
  }
  return urls;
}
