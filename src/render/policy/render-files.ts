/**
 * Renders a batch of policy MDX files to HTML files: the work the content
 * loader does for each document, in a form that runs the same in the loader
 * itself or in a worker thread (worker.ts). Everything it needs from the rest
 * of the library (glossary, topics, relations, short titles) is loaded here
 * from the content folders, so a worker needs only plain data.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPolicyRenderer, PolicyRenderError } from './render.ts';
import type { ElementContext, RelatedBlock } from './elements.ts';
import type { GlossaryOccurrence } from './plugins/remark-glossary.ts';
import type { DocReference, LibraryDoc } from './plugins/remark-references.ts';
import { loadGlossary } from '../../lib/glossary/load.ts';
import { loadTopicData, relatedTo } from '../../lib/topics/load.ts';
import type { SimilarLink } from '../../lib/similar/library.ts';
import { readAgency, type Region } from '../../lib/agencies/normalize.ts';

export interface RenderJob {
  /** Each document with its provisions' automatic similar provisions (clause id → links), computed once for the library by the loader. */
  files: { id: string; filePath: string; source: string; similar?: Record<string, SimilarLink[]> }[];
  /** Site base path, e.g. / or /sub/path/. */
  base: string;
  /** Absolute folder the HTML files are written to. */
  htmlDir: string;
  /** Every document of the library, from its frontmatter: references to it become links, and its short title labels related-provision links. */
  library: (LibraryDoc & { shortTitle: string; region: Region })[];
}

export interface RenderedFile { id: string; htmlFile: string; glossaryOccurrences: GlossaryOccurrence[]; references: DocReference[] }

export function renderFiles(job: RenderJob): RenderedFile[] {
  const href = (path: string) => job.base + path.replace(/^\//, '');
  const entries = loadGlossary();
  const glossary = new Map(entries.map((e) => [e.id, e]));
  const topicData = loadTopicData();
  const topicName = new Map(topicData.topics.map((t) => [t.id, t.name]));
  const shortTitle = new Map(job.library.map((d) => [d.slug, d.shortTitle]));
  const region = new Map(job.library.map((d) => [d.slug, d.region]));
  const render = createPolicyRenderer({ base: job.base, library: job.library, glossary: entries });

  return job.files.map(({ id, filePath, source, similar }) => {
    const ctx: ElementContext = {
      href,
      term(termId) {
        const entry = glossary.get(termId);
        if (!entry) throw new PolicyRenderError(filePath, undefined, `glossary term "${termId}" is used but has no entry`, `Add src/content/glossary/${termId}.json.`);
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
            links: g.links.map((l) => ({ href: `${href(`policies/${l.slug}/`)}#${l.id}`, doc: shortTitle.get(l.slug) ?? l.slug, label: l.label })),
          })),
          topics: (topicData.map[id]?.[clause] ?? []).filter((t) => topicName.has(t)).map((t) => ({ href: href(`topics/${t}/`), name: topicName.get(t)! })),
          similar: (similar?.[clause] ?? []).map((l) => ({
            href: `${href(`policies/${l.slug}/`)}#${l.id}`,
            doc: shortTitle.get(l.slug) ?? l.slug,
            label: `${l.cite} ${l.title ?? ''}`.trim(),
            shared: [...(l.score >= 1 ? ['文字相同'] : []), ...l.terms.map((t) => t.term), ...l.phrases.map((p) => `“${p}”`)],
          })),
        };
      },
    };
    const { html, glossaryOccurrences, references } = render(source, filePath, ctx);
    const htmlFile = join(job.htmlDir, `${id}.html`);
    writeFileSync(htmlFile, html);
    return { id, htmlFile, glossaryOccurrences, references };
  });
}
