/**
 * Content loader of the policy documents (src/content/policies/*.mdx, written
 * by `npm run ingest`). For each file it renders the text to HTML
 * (src/render/policy/) and validates the frontmatter against the collection
 * schema.
 *
 * Rendering is cached by content digest (src/lib/build-cache/): the key of a
 * document is the digest of its MDX, the data rendering reads (glossary,
 * topics, relations and the labels of related clauses in other documents)
 * and the rendering code. A document whose key is cached is not rendered
 * again; a cached result is also checked against the library, since adding
 * a document can make another's citation of it a link. So a build after one
 * document changed renders one document.
 *
 * What rendering produces stays out of Astro's data store: Astro inlines the
 * whole store into the build's server bundle, and 10,000 documents' HTML and
 * glossary occurrences there would cost hundreds of MiB. The entry carries
 * the paths of the cached files (`rendering.htmlFile`, `rendering.dataFile`);
 * pages read them with policyHtml() and policyRendering() (src/lib/policies.ts),
 * the open-data step after `astro build` through RENDERINGS_MANIFEST (src/open-data/).
 * Nor does the loader hold the files' text: it reads each once for its
 * frontmatter and digest; the renderer (or its worker thread) reads it again.
 *
 * Why a loader and not Astro's MDX compilation: the texts are data, not
 * programs. Compiling each document into a JavaScript module made the build
 * cost grow by ~0.1 s and several MiB of memory per document; rendering in
 * the loader is a few milliseconds each, and no document can execute code.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFrontmatter } from '../lib/data/frontmatter.ts';
import { renderFiles, type RenderSetup, type RenderTask, type RenderedData } from '../render/policy/render-files.ts';
import { MIN_PER_THREAD, renderInWorkers } from '../render/policy/parallel.ts';
import { readSimilarSummary, similarFile, type SimilarSummary } from '../lib/similar/doc-files.ts';
import { waitForFolder } from '../lib/build-cache/pending.ts';
import type { Region } from '../lib/agencies/normalize.ts';
import { findInLibrary } from '../render/policy/plugins/remark-references.ts';
import { digest, digestFiles } from '../lib/build-cache/digest.ts';
import { StepCache } from '../lib/build-cache/step-cache.ts';
import { scratchDir } from '../lib/build-cache/scratch.ts';
import { loadTopicData, type TopicData } from '../lib/topics/load.ts';
import {
  PAGES_MANIFEST,
  PAGES_SHARED,
  RENDERINGS_MANIFEST,
  SIMILAR_FILES_ENV,
  type PagesManifest,
  type RenderingsManifest,
} from '../lib/build-cache/paths.ts';
import { pageSharedDigest } from '../build/page-inputs.ts';

export interface PolicyLoaderOptions {
  /** Folder of the MDX files, relative to the project root. */
  base?: string;
}

/**
 * What the rendering of every document reads besides its own file: the code
 * (over-inclusive on purpose: a code change re-renders everything, a missed
 * input would serve stale pages) and the curation data. Not the other
 * documents (src/content/policies, clauses, reports): what one document's
 * rendering takes from them goes into its own key (related labels, similar
 * provisions, short titles) or is checked on a hit (references to other documents).
 */
export const RENDER_INPUTS = [
  'src/render',
  'src/lib',
  'src/schemas',
  'src/loaders',
  'ingest/mdx',
  'package-lock.json',
  'src/content/glossary',
  'src/content/topics',
  'src/content/topic-map.json',
  'src/content/relations.json',
  'src/content/agency-names.json',
  'src/content/similar-rejected.json',
  'src/content/targets.json',
];

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

/**
 * What one document's rendering reads of other documents through the
 * relations: the labels and short titles of the clauses its provisions link to.
 */
function relatedInputs(
  topics: TopicData,
  byDoc: Map<string, TopicData['relations']>,
  shortTitle: Map<string, string>,
  id: string,
): string {
  const rels = byDoc.get(id) ?? [];
  if (!rels.length) return '';
  return JSON.stringify(
    rels.map((r) =>
      r.clauses.map((c) => {
        const [slug, clause] = c.split('#');
        const info = topics.clauses.get(slug)?.get(clause);
        return [c, shortTitle.get(slug) ?? '', info?.cite ?? '', info?.title ?? ''];
      }),
    ),
  );
}

/**
 * Each document's cache key, and the documents to render (those whose
 * results are not in the cache). Their 自动推荐 (similar provisions, which
 * need the whole library) come from files the similar step wrote
 * (src/lib/similar/doc-files.ts): each task names its document's file, and
 * the file's digest and the short titles its links show are part of the key.
 */
function planRendering(
  root: string,
  base: string,
  setup: RenderSetup,
  docs: { id: string; filePath: string; sourceDigest: string }[],
  cache: StepCache<RenderedData>,
  similarDir: string,
  similar: SimilarSummary,
): { keys: Map<string, string>; tasks: RenderTask[] } {
  const topics = loadTopicData(join(root, 'src/content'));
  // Cache keys: what every document's rendering shares, then each one's own inputs.
  const shared = digest(digestFiles(root, RENDER_INPUTS), base);
  const relationsByDoc = new Map<string, TopicData['relations']>();
  for (const r of topics.relations)
    for (const s of new Set(r.clauses.map((c) => c.split('#')[0])))
      relationsByDoc.set(s, [...(relationsByDoc.get(s) ?? []), r]);
  const shortTitle = new Map(setup.library.map((d) => [d.slug, d.shortTitle]));
  const keys = new Map<string, string>();
  const tasks: RenderTask[] = [];
  for (const { id, filePath, sourceDigest } of docs) {
    const own = similar.docs[id] ?? { digest: '', names: [] };
    const key = digest(
      shared,
      id,
      sourceDigest,
      relatedInputs(topics, relationsByDoc, shortTitle, id),
      // The similar links name their documents by short title: those titles are inputs too.
      own.digest,
      JSON.stringify(own.names.map((s) => shortTitle.get(s) ?? s)),
    );
    keys.set(id, key);
    const hit = cache.get(key, ['html']);
    // A reference resolves against the whole library: a cached result holds only while each resolves as it did.
    const valid = hit?.references.every((c) => findInLibrary(setup.library, c.title, c.number)?.slug === c.library);
    if (valid) continue;
    const file = similarFile(similarDir, id, similar);
    tasks.push(file ? { id, filePath, key, similarFile: file } : { id, filePath, key });
  }
  return { keys, tasks };
}

/** Runs a Node script in a process of its own; rejects, naming it, when it fails (its errors are on stderr). */
function runScript(script: URL, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(script), ...args], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${fileURLToPath(script)} stopped (${signal ?? `code ${code}`}); its error is above.`)),
    );
  });
}

async function loadAll({ store, parseData, generateDigest, config, logger }: LoaderContext, root: string, dir: string) {
  const t0 = Date.now();
  // Similar provisions over the whole library, in a process of its own (src/lib/similar/doc-files.ts),
  // while this one reads the documents: npm run build's curation step writes them (SIMILAR_FILES_ENV,
  // perhaps still writing: src/lib/build-cache/pending.ts); else a process started here.
  const given = process.env[SIMILAR_FILES_ENV];
  const similarDir = given ?? scratchDir('similar');
  const similarDone = given
    ? Promise.resolve().then(() => {
        waitForFolder(given, 'summary.json');
        if (!existsSync(join(given, 'summary.json')))
          throw new Error(
            `${SIMILAR_FILES_ENV}=${given}: that folder holds no similar provisions (summary.json)\n  hint: if npm run build's curation step stopped, its error is above; otherwise leave ${SIMILAR_FILES_ENV} unset (the loader then computes them itself).`,
          );
      })
    : runScript(new URL('../lib/similar/write-doc-files.ts', import.meta.url), [similarDir, join(root, 'src/content')]);
  // Awaited below; a failure there is reported there, also when reading the documents fails first.
  similarDone.catch(() => {});
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort();
  const docs = files.map((f) => {
    const filePath = relative(root, join(dir, f));
    const source = readFileSync(join(dir, f), 'utf8');
    // Only the frontmatter and the digest are kept, not the text.
    return {
      id: f.replace(/\.mdx$/, ''),
      filePath,
      frontmatter: readFrontmatter(source, filePath),
      sourceDigest: generateDigest(source),
    };
  });
  const base = config.base.replace(/\/?$/, '/');
  // One folder per base path: the sub-path test build must not prune the main build's results.
  const cacheDir = fileURLToPath(new URL(`policy-render/${digest(base).slice(0, 12)}/`, config.cacheDir));
  const setup: RenderSetup = {
    root,
    base,
    cacheDir,
    // Read once here from the frontmatter, not again by every worker's reference plugin.
    library: docs.map(({ id, frontmatter: f }) => ({
      slug: id,
      title: String(f.title ?? ''),
      shortTitle: String(f.shortTitle ?? f.title ?? id),
      region: (f.region ?? { province: '' }) as Region,
      ...(typeof f.docNumber === 'string' ? { docNumber: f.docNumber } : {}),
    })),
  };
  const cache = new StepCache<RenderedData>(cacheDir);
  const t1 = Date.now();
  await similarDone;
  const similar = readSimilarSummary(similarDir);
  logger.info(
    `similar provisions of ${similar.units} provisions in ${Date.now() - t0} ms (${Date.now() - t1} ms waited for)`,
  );
  const { keys, tasks } = planRendering(root, base, setup, docs, cache, similarDir, similar);

  // Documents are independent: with many of them, render on every core.
  const threads = Math.min(availableParallelism(), Math.floor(tasks.length / MIN_PER_THREAD));
  if (threads > 1) await renderInWorkers(tasks, setup, threads);
  else renderFiles(setup, tasks);
  if (!given) rmSync(similarDir, { recursive: true, force: true });

  // Each document's pages digest: the site's shared inputs, its rendering (key and how its references resolved), its own files.
  // (A page per document that shows something computed over the library must put that into its
  // digest here, as the similar provisions do through the rendering key.)
  const pageShared = pageSharedDigest(root, base, config.site ?? '');
  const fileDigest = (path: string) => {
    try {
      return digest(readFileSync(join(root, path)));
    } catch {
      return '';
    }
  };
  const pages: PagesManifest = {};
  for (const { id, sourceDigest } of docs) {
    const key = keys.get(id)!;
    const rendered = cache.get(key) ?? { references: [] };
    pages[id] = digest(
      pageShared,
      sourceDigest,
      key,
      JSON.stringify(rendered.references.map((c) => c.library ?? '')),
      fileDigest(`src/content/clauses/${id}.json`),
      fileDigest(`src/content/reports/${id}.json`),
    );
  }

  store.clear();
  const renderings: RenderingsManifest = { base, ...(config.site ? { site: config.site } : {}), dataFiles: {} };
  for (const { id, filePath, frontmatter, sourceDigest } of docs) {
    const key = keys.get(id)!;
    const rendering = { htmlFile: cache.file(key, 'html'), dataFile: cache.file(key, 'json'), pages: pages[id] };
    const data = await parseData({ id, data: { ...frontmatter, rendering }, filePath });
    store.set({ id, data, filePath, digest: digest(sourceDigest, key) });
    renderings.dataFiles[id] = rendering.dataFile;
  }
  // For scripts/build.ts: which documents' pages an incremental build can keep.
  writeFileSync(fileURLToPath(new URL(PAGES_MANIFEST, config.cacheDir)), JSON.stringify(pages));
  writeFileSync(fileURLToPath(new URL(PAGES_SHARED, config.cacheDir)), pageShared);
  // For the open-data step after astro build (src/open-data/): what each document's rendering found, and where the site is served.
  writeFileSync(fileURLToPath(new URL(RENDERINGS_MANIFEST, config.cacheDir)), JSON.stringify(renderings));
  const pruned = cache.prune();
  logger.info(
    `${docs.length} policy documents: ${tasks.length} rendered${threads > 1 ? ` (${threads} threads)` : ''}, ${docs.length - tasks.length} from the cache, in ${Date.now() - t0} ms${pruned ? `; ${pruned} stale cache files removed` : ''}`,
  );
}
