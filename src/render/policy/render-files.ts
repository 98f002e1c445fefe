/**
 * Renders policy MDX files to HTML: the work the content loader does for each
 * document, in a form that runs the same in the loader itself or in a worker
 * thread (worker.ts). Each file is read here (the loader does not hand its
 * text around) and its results go to the rendering cache
 * (src/lib/build-cache/step-cache.ts) under the key the loader computed from
 * everything the result depends on: `<key>.html` (the text) and `<key>.json`
 * (the glossary occurrences and references to other documents found). Everything it needs from
 * the rest of the library (glossary, topics, relations, short titles) is
 * loaded here from the content folders, so a worker needs only plain data.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPolicyRenderer, PolicyRenderError } from './render.ts';
import type { ElementContext, RelatedBlock } from './elements.ts';
import type { GlossaryOccurrence } from './plugins/remark-glossary.ts';
import type { DocReference, LibraryDoc } from './plugins/remark-references.ts';
import { loadGlossary } from '../../lib/glossary/load.ts';
import { loadTopicData, relatedTo } from '../../lib/topics/load.ts';
import type { SimilarLink } from '../../lib/similar/library.ts';
import { readAgency, type Region } from '../../lib/agencies/normalize.ts';
import { StepCache } from '../../lib/build-cache/step-cache.ts';

export interface RenderSetup {
  /** Absolute project root (file paths are relative to it). */
  root: string;
  /** Site base path, e.g. / or /sub/path/. */
  base: string;
  /** Absolute folder of the rendering cache. */
  cacheDir: string;
  /** Every document of the library, from its frontmatter: references to it become links, and its short title labels related-provision links. */
  library: (LibraryDoc & { shortTitle: string; region: Region })[];
}

/**
 * One document to render, the cache key its results go under, and where its
 * provisions' automatic similar provisions are (a JSON file: clause id →
 * links), computed once for the whole library by the loader (they are part
 * of the key). A file, not the links themselves: every document's links in
 * the tasks were ~250 MiB held by the loader through the rendering at 10,000
 * documents.
 */
export interface RenderTask {
  id: string;
  filePath: string;
  key: string;
  similarFile?: string;
}

/** What rendering found besides the HTML (`<key>.json` in the cache). */
export interface RenderedData {
  glossaryOccurrences: GlossaryOccurrence[];
  references: DocReference[];
}

/** A renderer for many tasks: glossary, topics and the MDX processor are set up once. */
export function createFileRenderer(setup: RenderSetup): (task: RenderTask) => void {
  const href = (path: string) => setup.base + path.replace(/^\//, '');
  const entries = loadGlossary(join(setup.root, 'src/content/glossary'));
  const glossary = new Map(entries.map((e) => [e.id, e]));
  const topicData = loadTopicData(join(setup.root, 'src/content'));
  const topicName = new Map(topicData.topics.map((t) => [t.id, t.name]));
  const shortTitle = new Map(setup.library.map((d) => [d.slug, d.shortTitle]));
  const region = new Map(setup.library.map((d) => [d.slug, d.region]));
  const render = createPolicyRenderer({ base: setup.base, library: setup.library, glossary: entries });
  const cache = new StepCache<RenderedData>(setup.cacheDir);

  return ({ id, filePath, key, similarFile }) => {
    const similar = similarFile
      ? (JSON.parse(readFileSync(similarFile, 'utf8')) as Record<string, SimilarLink[]>)
      : undefined;
    const ctx: ElementContext = {
      href,
      term(termId) {
        const entry = glossary.get(termId);
        if (!entry)
          throw new PolicyRenderError(
            filePath,
            undefined,
            `glossary term "${termId}" is used but has no entry`,
            `Add src/content/glossary/${termId}.json.`,
          );
        return { term: entry.term, short: entry.short };
      },
      agencyHref(asWritten) {
        // A name the agency table cannot read has no page (it is listed in the curation report).
        const a = readAgency(asWritten, region.get(id) ?? { province: '' });
        return a.match === 'unresolved' ? undefined : href(`agencies/${a.id}/`);
      },
      related(clause): RelatedBlock {
        return {
          groups: relatedTo(topicData, id, clause).map((g) => ({
            label: g.relation.label,
            links: g.links.map((l) => ({
              href: `${href(`policies/${l.slug}/`)}#${l.id}`,
              doc: shortTitle.get(l.slug) ?? l.slug,
              label: l.label,
            })),
          })),
          topics: (topicData.map[id]?.[clause] ?? [])
            .filter((t) => topicName.has(t))
            .map((t) => ({ href: href(`topics/${t}/`), name: topicName.get(t)! })),
          similar: (similar?.[clause] ?? []).map((l) => ({
            href: `${href(`policies/${l.slug}/`)}#${l.id}`,
            doc: shortTitle.get(l.slug) ?? l.slug,
            label: `${l.cite} ${l.title ?? ''}`.trim(),
            shared: [
              ...(l.identical ? ['文字相同'] : []),
              ...l.terms.map((t) => t.term),
              ...l.phrases.map((p) => `“${p}”`),
            ],
          })),
        };
      },
    };
    const { html, glossaryOccurrences, references } = render(
      readFileSync(join(setup.root, filePath), 'utf8'),
      filePath,
      ctx,
    );
    writeFileSync(cache.file(key, 'html'), html);
    cache.set(key, { glossaryOccurrences, references });
  };
}

/** Renders the tasks in this thread. */
export function renderFiles(setup: RenderSetup, tasks: RenderTask[]): void {
  const render = createFileRenderer(setup);
  for (const t of tasks) render(t);
}
