/**
 * What goes into the built site, as one digest: every file of the content,
 * the code that turns it into pages (ingest, src, scripts, public), the
 * configuration and the lockfile, and the environment the build reads.
 * `npm run build` stores it with the site; `npm start` rebuilds when it differs.
 * Content, not modification times: a checkout, a `git stash` or a copied
 * file can leave an older mtime on newer content.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Folders and files (relative to the project) whose content goes into the site. */
export const INPUTS = [
  'seeds',
  'ingest',
  'src',
  'public',
  'scripts',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];
/** Environment variables the build reads. */
export const INPUT_ENV = ['BASE', 'SITE', 'SEARCH_DOCS_PER_INDEX'];
/** The file in the built folder that records the digest; written only when every build step succeeded. */
export const STAMP = '.build-inputs.json';

/** Tests and fixtures build nothing; leaving them out avoids rebuilding after a test edit. */
const skip = (name: string) => name === 'node_modules' || name.startsWith('.') || /\.test\.ts$/.test(name);

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((f) => (skip(f) ? [] : files(join(path, f))));
}

export function inputsDigest(root = '.', env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash('sha256');
  for (const name of INPUT_ENV) hash.update(`env ${name}=${env[name] ?? ''}\n`);
  // Each file through one buffer: a large library's inputs are gigabytes, and a buffer per file
  // stayed with the build's main process (which lives through every step) until V8 collected it.
  const buf = Buffer.allocUnsafe(1 << 20);
  for (const input of INPUTS) {
    for (const file of files(join(root, input))) {
      hash.update(`file ${relative(root, file)}\n`);
      const fd = openSync(file, 'r');
      try {
        for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) hash.update(buf.subarray(0, n));
      } finally {
        closeSync(fd);
      }
      hash.update('\n');
    }
  }
  return hash.digest('hex');
}

/** The digest a built folder was made from, or null when it has none (not built by `npm run build`, or failed). */
export function builtDigest(outDir: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(outDir, STAMP), 'utf8')) as { digest?: string }).digest ?? null;
  } catch {
    return null;
  }
}

/** Why `outDir` must be (re)built before it is served, or null when it is up to date. */
export function staleReason(outDir: string, root = '.', env: NodeJS.ProcessEnv = process.env): string | null {
  if (!existsSync(join(outDir, 'index.html'))) return `${outDir}/ has no site yet`;
  const built = builtDigest(outDir);
  if (!built) return `${outDir}/ was not made by \`npm run build\` (no ${STAMP})`;
  if (built !== inputsDigest(root, env))
    return 'the content, code, configuration or lockfile changed since the last build';
  return null;
}
