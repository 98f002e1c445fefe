/**
 * What the tests of the build steps after `astro build` share (provision
 * pages, open data): temporary folders removed after the file's tests, and
 * the project's real documents rendered into a cache folder as the policy
 * loader renders them (src/loaders/policies.ts).
 */
import { mkdtempSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import { renderFiles } from '../render/policy/render-files.ts';
import { readPolicyFrontmatter } from '../lib/data/frontmatter.ts';

const made: string[] = [];
// Registered when a test file imports this module, so every folder below is removed after its tests.
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A temporary folder under the system's, removed after the test file's tests. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export const ROOT = resolve('.');

/** The slugs of the project's documents (src/content/policies), sorted. */
export const documentIds = (): string[] =>
  readdirSync(join(ROOT, 'src/content/policies'))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.replace(/\.mdx$/, ''))
    .sort();

/** Renders the documents `ids` into `cacheDir` (each result under its slug as key), for the site base `base`. */
export function renderLibrary(ids: string[], cacheDir: string, base: string): void {
  const library = ids.map((id) => {
    const fm = readPolicyFrontmatter(join(ROOT, 'src/content/policies', `${id}.mdx`));
    return { slug: id, title: fm.title, shortTitle: fm.shortTitle ?? fm.title, region: fm.region };
  });
  renderFiles(
    { root: ROOT, base, cacheDir, library },
    ids.map((id) => ({ id, filePath: `src/content/policies/${id}.mdx`, key: id })),
  );
}
