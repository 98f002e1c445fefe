/**
 * After `astro build` (scripts/open-data.ts, part of `npm run build`): writes
 * each document's open-data files, /data/<slug>.json, .md and .txt
 * (src/lib/open-data/build.ts; the catalog files stay Astro routes,
 * src/pages/data/). Outside Astro so that they cost its page phase nothing
 * and hold nothing in its memory: each document is read from the content
 * folder (its frontmatter, clause data) and from what the policy loader
 * recorded in the build cache (RENDERINGS_MANIFEST: the site's base and
 * address, each document's rendering data file). Documents are independent:
 * each is one task (document.ts) and, with many of them, they are written on
 * every core (src/lib/worker-pool.ts); the files are the same either way.
 * Run before the sitemaps and the link check, which list and check them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDataWriter, type OpenDataSetup, type OpenDataTask } from './document.ts';
import { buildCacheDir, RENDERINGS_MANIFEST, type RenderingsManifest } from '../lib/build-cache/paths.ts';
import { poolThreads, runPool } from '../lib/worker-pool.ts';

export interface OpenDataOptions {
  /** The built site, e.g. dist. */
  out: string;
  /** The build cache holding RENDERINGS_MANIFEST (default: buildCacheDir()). */
  cacheDir?: string;
  /** Only these documents (an incremental build, scripts/build.ts: the others' files are already in `out`); all when absent. */
  only?: Set<string>;
  /** Worker threads (1: this thread); by default every core (BUILD_THREADS sets how many) from MIN_DOCUMENTS documents, this thread below. */
  threads?: number;
}

/** Below this many documents, starting workers costs more than it saves (a document takes ~4 ms). */
export const MIN_DOCUMENTS = 80;

export async function buildOpenData({
  out,
  cacheDir = buildCacheDir(),
  only,
  threads,
}: OpenDataOptions): Promise<{ documents: number; threads: number }> {
  const file = join(cacheDir, RENDERINGS_MANIFEST);
  if (!existsSync(file))
    throw new Error(
      `${file} is missing\n  hint: run astro build first (the policy loader, src/loaders/policies.ts, writes it); npm run build runs both.`,
    );
  // Written by the loader earlier in this build (as PAGES_MANIFEST, which scripts/build.ts reads the same way).
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as RenderingsManifest;
  const tasks: OpenDataTask[] = Object.entries(manifest.dataFiles)
    .filter(([slug]) => !only || only.has(slug))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([slug, dataFile]) => ({ slug, dataFile }));
  const setup: OpenDataSetup = {
    dataDir: join(out, 'data'),
    base: manifest.base,
    ...(manifest.site ? { site: manifest.site } : {}),
  };
  const n = threads ?? poolThreads(tasks.length, MIN_DOCUMENTS);
  await runPool(tasks, {
    worker: new URL('./worker.ts', import.meta.url),
    handler: openDataWriter,
    setup,
    threads: n,
    name: (t) => `document ${t.slug}`,
  });
  return { documents: tasks.length, threads: Math.min(n, tasks.length) };
}
