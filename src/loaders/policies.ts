/**
 * Content loader of the policy documents (src/content/policies/*.mdx, written
 * by `npm run ingest`). For each file it renders the text to HTML once
 * (src/render/policy/) and validates the frontmatter, plus what rendering
 * found (glossary occurrences, references to other documents), against the collection schema.
 *
 * The HTML is written to a file in Astro's cache folder, not into the data
 * store: Astro inlines the whole store into the build's server bundle, and
 * 1,000 documents' HTML (~75 MB) there cost seconds and hundreds of MiB.
 * The document page reads it back with policyHtml() (src/lib/policies.ts).
 *
 * Why a loader and not Astro's MDX compilation: the texts are data, not
 * programs. Compiling each document into a JavaScript module made the build
 * cost grow by ~0.1 s and several MiB of memory per document; rendering in
 * the loader is a few milliseconds each, and no document can execute code.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFrontmatter } from '../lib/data/frontmatter.ts';
import { renderFiles, type RenderJob } from '../render/policy/render-files.ts';
import { MIN_PER_THREAD, renderInWorkers } from '../render/policy/parallel.ts';
import { loadSimilar } from '../lib/similar/library.ts';
import type { Region } from '../lib/agencies/normalize.ts';

export interface PolicyLoaderOptions {
  /** Folder of the MDX files, relative to the project root. */
  base?: string;
}

export function policyLoader(options: PolicyLoaderOptions = {}): Loader {
  const folder = options.base ?? 'src/content/policies';
  return {
    name: 'yigai-policies',
    async load(context: LoaderContext) {
      const { config, logger, watcher } = context;
      const root = fileURLToPath(config.root);
      const dir = join(root, folder);
      await loadAll(context, root, dir);
      // `astro dev`: reload the collection when ingest rewrites a document.
      watcher?.add(dir);
      watcher?.on('all', (_event, path) => {
        if (path.startsWith(dir) && path.endsWith('.mdx')) {
          logger.info(`Reloading policies (${relative(root, path)} changed)`);
          loadAll(context, root, dir).catch((e) => logger.error(String(e)));
        }
      });
    },
  };
}

async function loadAll({ store, parseData, generateDigest, config, logger }: LoaderContext, root: string, dir: string) {
  const t0 = Date.now();
  const files = readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort();
  const sources = files.map((f) => {
    const filePath = relative(root, join(dir, f));
    const source = readFileSync(join(dir, f), 'utf8');
    return { id: f.replace(/\.mdx$/, ''), filePath, source, frontmatter: readFrontmatter(source, filePath) };
  });
  const htmlDir = fileURLToPath(new URL('policy-html/', config.cacheDir));
  mkdirSync(htmlDir, { recursive: true });
  const job: Omit<RenderJob, 'files'> = {
    base: config.base.replace(/\/?$/, '/'),
    htmlDir,
    // Read once here from the frontmatter, not again by every worker's reference plugin.
    library: sources.map(({ id, frontmatter: f }) => ({
      slug: id, title: String(f.title ?? ''), shortTitle: String(f.shortTitle ?? f.title ?? id), region: (f.region ?? { province: '' }) as Region, ...(typeof f.docNumber === 'string' ? { docNumber: f.docNumber } : {}),
    })),
  };
  // Similar provisions need the whole library: computed once here, handed to each document's render.
  const t1 = Date.now();
  const similar = loadSimilar();
  const toRender = sources.map(({ id, filePath, source }) => ({ id, filePath, source, similar: similar.byDoc(id) }));
  logger.info(`similar provisions of ${similar.units.length} provisions in ${Date.now() - t1} ms`);
  // Documents are independent: with many of them, render on every core.
  const threads = Math.min(availableParallelism(), Math.floor(sources.length / MIN_PER_THREAD));
  const rendered = threads > 1 ? await renderInWorkers(toRender, job, threads) : renderFiles({ ...job, files: toRender });

  store.clear();
  const byId = new Map(rendered.map((r) => [r.id, r]));
  for (const { id, filePath, source, frontmatter } of sources) {
    const { htmlFile, glossaryOccurrences, references } = byId.get(id)!;
    const data = await parseData({ id, data: { ...frontmatter, rendering: { htmlFile, glossaryOccurrences, references } }, filePath });
    store.set({ id, data, filePath, digest: generateDigest(source) });
  }
  logger.info(`${sources.length} policy documents rendered in ${Date.now() - t0} ms${threads > 1 ? ` (${threads} threads)` : ''}`);
}
