/**
 * The one way this project decodes a %-escaped URL part. decodeURIComponent
 * throws on a malformed escape (`#%`, `#s3-1%`, `/%E4`), and a URL is input
 * anyone can write: in a page script the throw disabled every tool after it,
 * in the server it killed the process. Bundle-safe (no Node, no DOM).
 */

/** The decoded text, or null when `raw` has a malformed %-escape. */
export function safeDecode(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The element id a fragment (`#s3-4-15`, `#%E4%B8%80`) points to; a malformed one is taken as written. */
export function fragmentId(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  return safeDecode(raw) ?? raw;
}
