/**
 * Content digests for the build's caches (Node only). A cached result is
 * found by the digest of everything it was made from: a document's own
 * file, the shared data its step reads (glossary, topics …) and the code of
 * the step. Change any of them and the digest, hence the cache key, changes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** sha256 (hex, 32 characters are plenty for a cache key) of the parts, each delimited so that ("ab","c") ≠ ("a","bc"). */
export function digest(...parts: (string | Buffer)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(String(Buffer.byteLength(p)));
    h.update(':');
    h.update(p);
  }
  return h.digest('hex').slice(0, 32);
}

/** Every file under the paths (files or folders, recursively; tests and `exclude`d paths left out), in name order. */
function filesUnder(root: string, paths: string[], exclude: string[] = []): string[] {
  const out: string[] = [];
  const skip = new Set(exclude.map((e) => join(root, e)));
  const walk = (p: string) => {
    if (!existsSync(p) || skip.has(p)) return;
    if (statSync(p).isDirectory()) for (const f of readdirSync(p).sort()) walk(join(p, f));
    else if (!/\.test\.ts$/.test(p)) out.push(p);
  };
  for (const p of paths) walk(join(root, p));
  return out;
}

/** The digest of files and folders: names (relative to root) and contents. */
export function digestFiles(root: string, paths: string[], exclude: string[] = []): string {
  return digest(...filesUnder(root, paths, exclude).flatMap((f) => [relative(root, f), readFileSync(f)]));
}
