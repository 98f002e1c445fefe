/**
 * The curation report: for every document, what an editor could add by
 * accepting a suggestion — topics for provisions without one, targets found
 * in the text, glossary aliases for variant forms — and agency names to
 * check. Built from the content folder in plain Node (the build's /curation/
 * pages and `npm run curate` share it). Suggestions never touch a document's
 * text or anchors: accepting one edits a data file (apply.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadGlossary } from '../glossary/load.ts';
import type { ClauseInfo } from '../topics/load.ts';
import { loadSimilar, MIN_CHARS, termMatcher, type LibrarySimilar } from '../similar/library.ts';
import { segments } from '../similar/text.ts';
import { targetsSchema, type Target } from '../../schemas/targets.ts';
import { extractTargets, isReport } from './targets.ts';
import { findVariants, variantPatterns } from './aliases.ts';
import { suggestTopics, termTopicModel, type TopicModel } from './topics.ts';
import { agencyFindings } from './agencies.ts';
import type {
  AliasItem,
  CurationReport,
  DocReport,
  TargetItem,
  TopicItem,
  TopicSuggestion,
} from '../../schemas/curation.ts';
import { CONTENT, contentFiles } from '../data/paths.ts';
import { readJsonFile } from '../data/read-json.ts';
import { readFrontmatter } from '../data/frontmatter.ts';

export type { AliasItem, CurationReport, DocReport, TargetItem, TopicItem } from '../../schemas/curation.ts';

/** FNV-1a, 8 hex digits: short stable ids for suggestions. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export interface DocMeta {
  title: string;
  year: number;
  kind: string;
  region: { province: string; city?: string; district?: string };
}
/** A document's title, year, kind and region from its frontmatter (stand-ins when ingest has not written it yet). */
export function docMeta(root: string, slug: string): DocMeta {
  const file = contentFiles(root).policyFile(slug);
  const fallback = { title: slug, year: new Date().getFullYear(), kind: '', region: { province: '' } };
  if (!existsSync(file)) return fallback;
  return { ...fallback, ...(readFrontmatter(readFileSync(file, 'utf8'), file) as Partial<DocMeta>) };
}

/** A clause's own text: a provision without the paragraphs listed under it (they are clauses of their own). */
export function ownText(c: ClauseInfo, paras: Set<string> | undefined): string {
  return c.kind === 'provision' && paras
    ? c.text
        .split('\n')
        .filter((l) => !paras.has(l))
        .join('\n')
    : c.text;
}

/** Topic suggestions of one provision: its similar provisions' topics, its terms, its wording. */
export function topicSuggestions(
  key: string,
  text: string,
  similar: LibrarySimilar,
  model: TopicModel,
  terms: string[],
): TopicSuggestion[] {
  const neighbours = similar
    .neighbours(key, TOPIC_NEIGHBOURS)
    .map((m) => {
      const [s, i] = m.key.split('#');
      return { key: m.key, score: m.score, topics: similar.data.map[s]?.[i] ?? [] };
    })
    .filter((n) => n.topics.length);
  return suggestTopics({ neighbours, terms, text }, model);
}

/** Engine settings for topic evidence: more, weaker neighbours than the page shows. */
export const TOPIC_NEIGHBOURS = { threshold: 0.05, k: 5 };

export function buildCurationReport(root: string = CONTENT.content): CurationReport {
  return { format: 'yigai-curation/1', documents: [...curationDocuments(root)] };
}

/**
 * The report's documents one at a time, in slug order: the site's report
 * pages are written from it without holding the whole report
 * (report-files.ts).
 */
export function* curationDocuments(
  root: string = CONTENT.content,
  /** The library's similar provisions, when already loaded (the build's step also writes the pages' from them). */
  similar: LibrarySimilar = loadSimilar({ root }),
): Generator<DocReport> {
  const data = similar.data;
  const files = contentFiles(root);
  const glossary = loadGlossary(files.glossary);
  const terms = termMatcher(glossary);
  const unitTerms = new Map(similar.units.map((u) => [u.key, u.terms ?? []]));
  const model = termTopicModel(
    similar.units.filter((u) => u.topics?.length).map((u) => ({ terms: u.terms ?? [], topics: u.topics! })),
    data.topics,
  );
  const existing: Target[] = existsSync(files.targets)
    ? readJsonFile(files.targets, targetsSchema, 'src/schemas/targets.ts')
    : [];
  const patterns = variantPatterns(glossary);
  const forms = new Map(glossary.flatMap((e) => [e.term, ...e.aliases].map((f) => [f, e.id] as [string, string])));
  const keyOf = new Map(existing.map((t) => [t.indicator, t.key]));
  const existingByDoc = new Map<string, Target[]>();
  for (const t of existing) existingByDoc.set(t.doc, [...(existingByDoc.get(t.doc) ?? []), t]);
  // Libraries copy provisions word for word: each distinct text is scanned once.
  const targetCache = new Map<string, ReturnType<typeof extractTargets>>();
  const variantCache = new Map<string, ReturnType<typeof findVariants>>();
  const cached = <T>(cache: Map<string, T>, key: string, f: () => T): T => {
    let v = cache.get(key);
    if (v === undefined) {
      v = f();
      cache.set(key, v);
    }
    return v;
  };

  // One document's clauses at a time (the store reads each file when asked, sorted by slug): not the whole library's text at once.
  for (const [slug, clauses] of data.clauses) {
    const meta = docMeta(root, slug);
    const list = [...clauses.values()];
    const parentOf = new Map(list.map((c) => [c.id, c.parent]));
    const paras = new Map<string, Set<string>>();
    for (const c of list)
      if (c.kind === 'para' && c.parent) paras.set(c.parent, (paras.get(c.parent) ?? new Set()).add(c.text));
    const mapped = data.map[slug] ?? {};

    // Topics for provisions with text and no topic.
    const topics: TopicItem[] = [];
    for (const c of list) {
      if (c.kind !== 'provision' || mapped[c.id] || segments(c.text).join('').length < MIN_CHARS) continue;
      const key = `${slug}#${c.id}`;
      const suggestions = topicSuggestions(key, c.text, similar, model, unitTerms.get(key) ?? terms(c.text));
      if (suggestions.length)
        topics.push({
          id: `topic:${key}`,
          clause: c.id,
          cite: c.cite,
          ...(c.title ? { title: c.title } : {}),
          suggestions,
        });
    }

    // Targets in the text, not yet in targets.json (same figure in the clause, its parent or a child).
    const related = (a: string, b: string) => a === b || parentOf.get(a) === b || parentOf.get(b) === a;
    const report = isReport(meta.title, meta.kind);
    const targets: TargetItem[] = [];
    const seen = new Set<string>();
    for (const c of list) {
      const own = ownText(c, paras.get(c.id));
      for (const t of cached(targetCache, `${meta.year}|${report}|${own}`, () =>
        extractTargets(own, meta.year, report),
      )) {
        if (existingByDoc.get(slug)?.some((x) => x.value === t.value && related(x.clause, c.id))) continue;
        const hash = shortHash(`${slug}#${c.id}|${t.value}|${t.indicator}`);
        if (seen.has(hash)) continue;
        seen.add(hash);
        const termKey = terms(t.indicator)[0];
        const topic =
          mapped[c.id]?.[0] ??
          (c.parent ? mapped[c.parent]?.[0] : undefined) ??
          topics.find((x) => x.clause === c.id)?.suggestions[0]?.topic;
        targets.push({
          id: `target:${slug}#${c.id}:${hash}`,
          clause: c.id,
          cite: c.cite,
          context: t.context,
          target: {
            id: `${slug.split('-')[0]}-${c.id}-${hash.slice(0, 6)}`,
            indicator: t.indicator,
            key: keyOf.get(t.indicator) ?? termKey ?? `x-${hash.slice(0, 6)}`,
            value: t.value,
            number: t.number,
            unit: t.unit,
            comparison: t.comparison,
            year: t.year,
            deadline: t.deadline,
            status: t.status,
            doc: slug,
            clause: c.id,
            ...(topic ? { topic } : {}),
          },
        });
      }
    }

    // Glossary variants: one suggestion per entry and variant, with the clauses where it occurs.
    const byVariant = new Map<string, AliasItem>();
    for (const c of list) {
      if (c.kind === 'provision' && paras.has(c.id)) continue; // its paragraphs are scanned themselves
      const own = ownText(c, paras.get(c.id));
      for (const v of cached(variantCache, own, () => findVariants(own, patterns, forms))) {
        const id = `alias:${v.termId}:${v.variant}`;
        const item = byVariant.get(id) ?? { id, termId: v.termId, term: v.term, variant: v.variant, clauses: [] };
        if (!item.clauses.includes(c.id)) item.clauses.push(c.id);
        byVariant.set(id, item);
      }
    }

    yield {
      slug,
      title: meta.title,
      provisions: list.filter((c) => c.kind === 'provision').length,
      topics,
      targets,
      aliases: [...byVariant.values()],
      agencies: agencyFindings(list as Parameters<typeof agencyFindings>[0], meta.region, slug, files.agencyNames),
    };
  }
}
