/**
 * Content loader of the policy documents (src/content/policies/*.mdx, written
 * by `npm run ingest`). For each file it renders the text to HTML once
 * (src/render/policy/) and validates the frontmatter, plus what rendering
 * found (glossary occurrences, citations), against the collection schema.
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
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPolicyRenderer, PolicyRenderError } from '../render/policy/render.ts';
import type { ElementContext, RelatedBlock } from '../render/policy/elements.ts';
import { loadGlossary } from '../lib/glossary/load.ts';
import { relatedTo, loadTopicData } from '../lib/topics/load.ts';

export interface PolicyLoaderOptions {
  /** Folder of the MDX files, relative to the project root. */
  base?: string;
}

/** The JSON frontmatter ingest writes between --- lines. */
export function readFrontmatter(source: string, file: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (!m) throw new PolicyRenderError(file, 1, 'no frontmatter (--- … ---) at the top of the file', 'The policy MDX is written by `npm run ingest`; run it again.');
  try {
    return JSON.parse(m[1]) as Record<string, unknown>;
  } catch (e) {
    throw new PolicyRenderError(file, 2, `the frontmatter is not the JSON ingest writes (${(e as Error).message})`, 'Change ingest/manifests/<slug>.json and run `npm run ingest` instead of editing the frontmatter.');
  }
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

  // What the elements need from the rest of the library, loaded once.
  const base = config.base.replace(/\/?$/, '/');
  const href = (path: string) => base + path.replace(/^\//, '');
  const glossary = new Map(loadGlossary().map((e) => [e.id, e]));
  const topicData = loadTopicData();
  const topicName = new Map(topicData.topics.map((t) => [t.id, t.name]));
  const shortTitle = new Map(sources.map((s) => [s.id, String(s.frontmatter.shortTitle ?? s.id)]));
  const render = createPolicyRenderer({ base, policiesDir: dir });
  const htmlDir = fileURLToPath(new URL('policy-html/', config.cacheDir));
  mkdirSync(htmlDir, { recursive: true });

  store.clear();
  for (const { id, filePath, source, frontmatter } of sources) {
    const ctx: ElementContext = {
      href,
      term(termId) {
        const entry = glossary.get(termId);
        if (!entry) throw new PolicyRenderError(filePath, undefined, `glossary term "${termId}" is used but has no entry`, `Add src/content/glossary/${termId}.json.`);
        return { term: entry.term, short: entry.short };
      },
      related(clause): RelatedBlock {
        return {
          groups: relatedTo(topicData, id, clause).map((g) => ({
            label: g.relation.label,
            links: g.links.map((l) => ({ href: `${href(`policies/${l.slug}/`)}#${l.id}`, doc: shortTitle.get(l.slug) ?? l.slug, label: l.label })),
          })),
          topics: (topicData.map[id]?.[clause] ?? []).filter((t) => topicName.has(t)).map((t) => ({ href: href(`topics/${t}/`), name: topicName.get(t)! })),
        };
      },
    };
    const { html, glossaryOccurrences, citations } = render(source, filePath, ctx);
    const htmlFile = join(htmlDir, `${id}.html`);
    writeFileSync(htmlFile, html);
    const data = await parseData({ id, data: { ...frontmatter, rendering: { htmlFile, glossaryOccurrences, citations } }, filePath });
    store.set({ id, data, filePath, digest: generateDigest(source) });
  }
  logger.info(`${sources.length} policy documents rendered in ${Date.now() - t0} ms`);
}
