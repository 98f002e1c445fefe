/**
 * The provision pages of a small synthetic library (the real documents, each
 * under several slugs, their text rendered as the loader does) are the same
 * files written over two worker threads as in one thread; a worker's error
 * names the document.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { buildProvisionPages } from './build.ts';
import { SHELL } from './page.ts';
import { documentIds, renderLibrary, ROOT, tempDir } from '../test-support/rendered-library.ts';

const ids = documentIds();
const COPIES = 4;
const shell = `<!doctype html><title>${SHELL.title}</title><meta name="description" content="${SHELL.description}"><meta property="og:title" content="${SHELL.ogTitle}"><link rel="canonical" href="/${SHELL.path}"><main><div class="page provision-page" data-base="/">${SHELL.body}</div></main>`;
let lib = '';

/** A built site of the library: a document page per slug holding its rendered text, and the shell. */
function site(): string {
  const out = tempDir('provision-site-');
  cpSync(join(lib, 'dist'), out, { recursive: true });
  return out;
}

function files(dir: string): Record<string, string> {
  const all: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else all[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return all;
}

beforeAll(() => {
  lib = tempDir('provision-lib-');
  const cacheDir = join(lib, 'cache');
  mkdirSync(cacheDir);
  renderLibrary(ids, cacheDir, '/');
  for (const dir of ['policies', 'clauses']) mkdirSync(join(lib, 'content', dir), { recursive: true });
  mkdirSync(join(lib, 'dist', 'provision-shell'), { recursive: true });
  writeFileSync(join(lib, 'dist', 'provision-shell', 'index.html'), shell);
  for (const id of ids)
    for (let k = 0; k < COPIES; k++) {
      const slug = `${id}-${k}`;
      cpSync(join(ROOT, 'src/content/policies', `${id}.mdx`), join(lib, 'content/policies', `${slug}.mdx`));
      cpSync(join(ROOT, 'src/content/clauses', `${id}.json`), join(lib, 'content/clauses', `${slug}.json`));
      mkdirSync(join(lib, 'dist/policies', slug), { recursive: true });
      const html = readFileSync(join(cacheDir, `${id}.html`), 'utf8').replaceAll(
        `/policies/${id}/`,
        `/policies/${slug}/`,
      );
      writeFileSync(
        join(lib, 'dist/policies', slug, 'index.html'),
        `<!doctype html><main><article id="doc" data-cite-prefix="《${slug}》">${html}</article></main>`,
      );
    }
}, 60_000);

test('two worker threads write the same provision pages as one thread', async () => {
  const one = site();
  const two = site();
  const a = await buildProvisionPages({ out: one, contentDir: join(lib, 'content'), threads: 1 });
  const b = await buildProvisionPages({ out: two, contentDir: join(lib, 'content'), threads: 2 });
  expect(b).toEqual({ ...a, threads: 2 });
  expect(a.documents).toBe(ids.length * COPIES);
  expect(a.pages).toBeGreaterThan(a.documents);
  const written = files(one);
  expect(Object.keys(written).length).toBe(a.documents + a.pages);
  expect(files(two)).toEqual(written);
  expect(Object.keys(written)).not.toContain('provision-shell/index.html');
}, 60_000);

test('an error in a worker stops the build and names the document', async () => {
  const out = site();
  const bad = `${ids[0]}-2`;
  writeFileSync(join(out, 'policies', bad, 'index.html'), '<main>no article</main>');
  await expect(buildProvisionPages({ out, contentDir: join(lib, 'content'), threads: 2 })).rejects.toThrow(
    `document ${bad}: ${join(out, 'policies', bad, 'index.html')}: no <article id="doc" data-cite-prefix=…>`,
  );
  // In this thread, the same error.
  const inline = site();
  writeFileSync(join(inline, 'policies', bad, 'index.html'), '<main>no article</main>');
  await expect(buildProvisionPages({ out: inline, contentDir: join(lib, 'content'), threads: 1 })).rejects.toThrow(
    `document ${bad}: ${join(inline, 'policies', bad, 'index.html')}: no <article id="doc" data-cite-prefix=…>`,
  );
}, 60_000);
