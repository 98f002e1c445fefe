/**
 * After `astro build` (scripts/provision-pages.ts, part of `npm run build`):
 * writes a page per provision, /policies/<slug>/<anchor>/index.html, from
 * each built document page and the shell Astro wrote
 * (src/pages/provision-shell.astro), then removes the shell.
 *
 * The document page already holds every provision rendered (agency links,
 * glossary tips, related provisions): one pass finds each provision's section
 * (sections.ts) and each page is that slice in the shell (page.ts). The
 * outline and texts come from the clause data ingest wrote
 * (src/content/clauses/; the outline by src/lib/clauses/outline.ts). Documents are independent: each is one task
 * (document.ts) and, with many of them, they are written on every core
 * (src/lib/worker-pool.ts); the pages are the same either way. Run before
 * the search index and the link check, which then see the provision pages
 * as any other page.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { attr, provisionWriter, type ProvisionSetup } from './document.ts';
import { CONTENT, contentFiles } from '../lib/data/paths.ts';
import { poolThreads, runPool } from '../lib/worker-pool.ts';

export interface ProvisionPagesOptions {
  /** The built site, e.g. dist. */
  out: string;
  /** The content folder (policies/*.mdx, clauses/*.json). */
  contentDir?: string;
  /**
   * Only these documents (an incremental build, scripts/build.ts: the others'
   * provision pages are already in `out`, from the previous build); all when absent.
   */
  only?: Set<string>;
  /** Worker threads (1: this thread); by default every core (BUILD_THREADS sets how many) from MIN_DOCUMENTS documents, this thread below. */
  threads?: number;
}

const SHELL_DIR = 'provision-shell';
/** Below this many documents, starting workers costs more than it saves (a document takes ~8 ms). */
export const MIN_DOCUMENTS = 80;

export async function buildProvisionPages({
  out,
  contentDir = CONTENT.content,
  only,
  threads,
}: ProvisionPagesOptions): Promise<{ documents: number; pages: number; threads: number }> {
  const shellFile = join(out, SHELL_DIR, 'index.html');
  if (!existsSync(shellFile))
    throw new Error(
      `${shellFile} is missing\n  hint: run astro build first (src/pages/provision-shell.astro writes it); npm run build runs both.`,
    );
  const shell = readFileSync(shellFile, 'utf8');
  const base = attr(/<div class="page provision-page"[^>]*>/.exec(shell)?.[0] ?? '', 'data-base');
  if (base === undefined)
    throw new Error(
      `${shellFile}: no data-base on the provision-page frame\n  hint: src/pages/provision-shell.astro must keep <div class="page provision-page" data-base=…>.`,
    );
  const docsDir = join(out, 'policies');
  const files = contentFiles(contentDir);
  const slugs = (existsSync(docsDir) ? readdirSync(docsDir).sort() : []).filter(
    (slug) =>
      existsSync(join(docsDir, slug, 'index.html')) && existsSync(files.policyFile(slug)) && (!only || only.has(slug)),
  );
  const setup: ProvisionSetup = { docsDir, contentDir, shell, base };
  const n = threads ?? poolThreads(slugs.length, MIN_DOCUMENTS);
  const counts = await runPool(slugs, {
    worker: new URL('./worker.ts', import.meta.url),
    handler: provisionWriter,
    setup,
    threads: n,
    name: (slug) => `document ${slug}`,
  });
  rmSync(join(out, SHELL_DIR), { recursive: true, force: true });
  return { documents: slugs.length, pages: counts.reduce((a, b) => a + b, 0), threads: Math.min(n, slugs.length) };
}
