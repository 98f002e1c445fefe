/**
 * The library's similar provisions (自动推荐): loads the clause texts, the
 * glossary, topics, relations and the editors' rejection list from the
 * content folder, and runs the engine (engine.ts). Plain Node (no astro:
 * imports), so the content loader, the pages, the bench and the curation
 * report all get the same result.
 *
 * Curated relations always win: a pair that is curated is not repeated as
 * automatic, and a rejected pair never appears.
 */
import { existsSync } from 'node:fs';
import { loadGlossary, termForms } from '../glossary/load.ts';
import { loadTopicData, type ClauseInfo, type TopicData } from '../topics/load.ts';
import { similarRejectedSchema, type RejectedPair } from '../../schemas/similar.ts';
import {
  buildSimilarIndex,
  type SimilarIndex,
  type SimilarMatch,
  type SimilarOptions,
  type SimilarUnit,
} from './engine.ts';
import { segments } from './text.ts';
import { CONTENT, contentFiles } from '../data/paths.ts';
import { readJsonDocument } from '../data/read-json.ts';
import { readPolicyFrontmatterUnchecked } from '../data/frontmatter.ts';
import { dateKey } from '../data/date-key.ts';

/** A provision needs this many characters of text (heading included) to be compared: shorter ones are bare headings (三、重点任务). */
export const MIN_CHARS = 30;

/** Longest shared phrase shown, in characters. */
export const MAX_PHRASE = 12;

export interface SimilarLink {
  slug: string;
  id: string;
  cite: string;
  title?: string;
  /**
   * The two texts are the same (similarity 1). Pages show this, not the
   * score: a link holds only what its page shows, so that a score moving in
   * its third decimal (every idf shifts when any provision changes) does not
   * change the file's digest and re-render the page (src/lib/similar/doc-files.ts).
   */
  identical: boolean;
  /** Glossary terms both provisions contain. */
  terms: { id: string; term: string }[];
  /** Verbatim phrases both contain, beyond the terms. */
  phrases: string[];
}

/**
 * Glossary ids whose term or alias occurs in a text, longest form first at
 * each position (as the site marks them). Forms are indexed by their first
 * character: one pass over the text, no giant alternation (which costs
 * seconds over 40,000 provisions).
 */
export function termMatcher(entries: { id: string; term: string; aliases: string[] }[]): (text: string) => string[] {
  const byFirst = new Map<string, { form: string; id: string }[]>();
  for (const f of termForms(entries as Parameters<typeof termForms>[0])) {
    const list = byFirst.get(f.form[0]) ?? [];
    list.push(f);
    byFirst.set(f.form[0], list);
  }
  // Copied provisions are matched once.
  const seen = new Map<string, string[]>();
  return (text) => {
    const hit = seen.get(text);
    if (hit) return hit;
    const found = new Set<string>();
    for (let i = 0; i < text.length; i++) {
      const list = byFirst.get(text[i]);
      if (!list) continue;
      const f = list.find((x) => text.startsWith(x.form, i));
      if (f) {
        found.add(f.id);
        i += f.form.length - 1;
      }
    }
    const out = [...found];
    if (seen.size < 100_000) seen.set(text, out);
    return out;
  };
}

/**
 * The units the engine compares: every provision with text beyond a bare
 * heading, in the order of `docs` (all documents by default, by slug).
 */
export function provisionUnits(
  data: TopicData,
  terms: (text: string) => string[],
  labels?: Map<string, Pick<ClauseInfo, 'cite' | 'title'>>,
  docs: Iterable<string> = data.clauses.keys(),
): SimilarUnit[] {
  const out: SimilarUnit[] = [];
  for (const slug of [...docs]) {
    const clauses = data.clauses.get(slug);
    if (!clauses) continue;
    for (const c of clauses.values()) {
      if (c.kind !== 'provision' || segments(c.text).join('').length < MIN_CHARS) continue;
      out.push({
        key: `${slug}#${c.id}`,
        doc: slug,
        text: c.text,
        ...(c.title ? { title: c.title } : {}),
        terms: terms(c.text),
        topics: data.map[slug]?.[c.id] ?? [],
      });
      labels?.set(`${slug}#${c.id}`, { cite: c.cite, ...(c.title ? { title: c.title } : {}) });
    }
  }
  return out;
}

/** Unordered pair key. */
export const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** Cross-document pairs of the curated relations. */
export function curatedPairs(data: TopicData): Set<string> {
  const out = new Set<string>();
  for (const r of data.relations) {
    for (const a of r.clauses)
      for (const b of r.clauses) if (a < b && a.split('#')[0] !== b.split('#')[0]) out.add(pairKey(a, b));
  }
  return out;
}

/** Reads and checks the rejection list: unknown clauses or a pair within one document stop the build with the file, the line, the pair and a hint. */
export function loadRejected(file: string, data: TopicData): RejectedPair[] {
  if (!existsSync(file)) return [];
  const doc = readJsonDocument(
    file,
    similarRejectedSchema,
    'src/schemas/similar.ts',
    'Each entry is { "pair": ["<slug>#<clause>", "<slug>#<clause>"], "reason": "…" } (src/schemas/similar.ts).',
  );
  const seen = new Set<string>();
  doc.data.rejected.forEach(({ pair }, n) => {
    const where = `rejected[${n}] ${pair.join(' – ')}`;
    pair.forEach((ref, i) => {
      const [slug, id] = ref.split('#');
      const clauses = data.clauses.get(slug);
      if (!clauses)
        throw doc.error(
          ['rejected', n, 'pair', i],
          `${where}: unknown document "${slug}"`,
          `Use a document slug, e.g. ${[...data.clauses.keys()].slice(0, 5).join(', ')}.`,
        );
      if (!clauses.has(id))
        throw doc.error(
          ['rejected', n, 'pair', i],
          `${where}: clause "${id}" does not exist in ${slug}`,
          `Copy the pair from the page's 自动推荐 link (src/content/clauses/${slug}.json lists the clause ids).`,
        );
    });
    if (pair[0].split('#')[0] === pair[1].split('#')[0])
      throw doc.error(
        ['rejected', n, 'pair'],
        `${where}: both clauses are in one document`,
        'Automatic similar provisions are always in other documents; this pair can never be shown.',
      );
    const k = pairKey(pair[0], pair[1]);
    if (seen.has(k))
      throw doc.error(['rejected', n], `${where}: the pair is listed twice`, 'Remove one of the two entries.');
    seen.add(k);
  });
  return doc.data.rejected;
}

/**
 * The library's documents oldest first (dateKey, then slug; undated last).
 * The engine breaks ties of equal similarity by this order (groups and
 * their members follow the units), so text copied word for word into many
 * documents links first to its oldest copies, most likely its source (the
 * national or provincial document the others adopt), not to whichever
 * slug sorts first. It also keeps the links still when a document is added
 * (new documents are mostly the newest): a copy that sorted first by slug
 * was in every copy's list, and changing or adding it changed them all.
 * Dates are read unchecked: the loader's schema check reports a broken
 * frontmatter with its line; here it only sorts as undated.
 */
function oldestFirst(files: ReturnType<typeof contentFiles>, data: TopicData): string[] {
  const key = new Map<string, string>();
  for (const slug of data.clauses.keys()) {
    let k = '';
    try {
      const f = readPolicyFrontmatterUnchecked(files.policyFile(slug));
      k = dateKey({
        date: typeof f.date === 'string' ? f.date : undefined,
        year: typeof f.year === 'number' || typeof f.year === 'string' ? f.year : undefined,
      });
    } catch {
      /* no policy file (a library of clause files only) or no frontmatter: undated */
    }
    key.set(slug, `${k || '~'} ${slug}`); // '~' sorts after every digit: undated last
  }
  return [...key.keys()].sort((a, b) => (key.get(a)! < key.get(b)! ? -1 : 1));
}

export interface LibrarySimilar {
  /** Similar provisions of one provision (empty for none, or an unknown clause). */
  similarTo(slug: string, id: string): SimilarLink[];
  /** clause id → similar provisions, for one document's provisions that have any. */
  byDoc(slug: string): Record<string, SimilarLink[]>;
  /**
   * Matches of one provision for the editors' report (src/lib/curation/): the
   * curated pairs kept (they are evidence there), rejected pairs left out;
   * k and threshold as given.
   */
  neighbours(key: string, o: { k: number; threshold: number }): SimilarMatch[];
  index: SimilarIndex;
  units: SimilarUnit[];
  data: TopicData;
  curated: Set<string>;
}

export interface LoadSimilarOptions {
  /** The content folder (clauses, glossary, topics, relations, rejection list). */
  root?: string;
  /** Already loaded topic data of that folder. */
  data?: TopicData;
  /** Engine options (threshold, k …). */
  engine?: Partial<SimilarOptions>;
  /** Leave curated pairs in (for measuring recall against them). */
  keepCurated?: boolean;
}

export function loadSimilar(options: LoadSimilarOptions = {}): LibrarySimilar {
  const root = options.root ?? CONTENT.content;
  const data = options.data ?? loadTopicData(root);
  const files = contentFiles(root);
  const glossary = loadGlossary(files.glossary);
  const termName = new Map(glossary.map((e) => [e.id, e.term]));
  // The matches' labels, kept while reading: the clause files are not all held (ClauseStore), and re-reading one per match would cost seconds.
  const labels = new Map<string, Pick<ClauseInfo, 'cite' | 'title'>>();
  const units = provisionUnits(data, termMatcher(glossary), labels, oldestFirst(files, data));
  const curated = curatedPairs(data);
  const rejected = new Set(loadRejected(files.similarRejected, data).map((r) => pairKey(r.pair[0], r.pair[1])));
  const index = buildSimilarIndex(units, {
    ...options.engine,
    exclude: (a, b) => rejected.has(pairKey(a, b)) || (!options.keepCurated && curated.has(pairKey(a, b))),
  });
  const notRejected = (a: string, b: string) => rejected.has(pairKey(a, b));
  const similarTo = (slug: string, id: string): SimilarLink[] =>
    index.matches(`${slug}#${id}`).map((m) => {
      const [s, i] = m.key.split('#');
      const c = labels.get(m.key)!;
      // At most four reasons: the most specific (longest) shared terms, then phrases no term already covers.
      const terms = m.terms
        .map((t) => ({ id: t, term: termName.get(t) ?? t }))
        .sort((x, y) => y.term.length - x.term.length || (x.id < y.id ? -1 : 1))
        .slice(0, 3);
      // Identical wording says so instead of quoting it; phrases are cut to a readable length (a prefix stays verbatim).
      const phrases =
        m.score >= 1
          ? []
          : m.phrases
              .filter(
                (p) => !m.terms.some((t) => (termName.get(t) ?? t).includes(p) || p.includes(termName.get(t) ?? t)),
              )
              .map((p) => [...p].slice(0, MAX_PHRASE).join(''))
              .slice(0, Math.max(1, 4 - terms.length));
      return {
        slug: s,
        id: i,
        cite: c.cite,
        ...(c.title ? { title: c.title } : {}),
        identical: m.score >= 1,
        terms,
        phrases,
      };
    });
  return {
    similarTo,
    byDoc(slug) {
      const out: Record<string, SimilarLink[]> = {};
      for (const c of data.clauses.get(slug)?.values() ?? []) {
        const list = similarTo(slug, c.id);
        if (list.length) out[c.id] = list;
      }
      return out;
    },
    neighbours: (key, o) => index.matches(key, o.k, o.threshold, notRejected),
    index,
    units,
    data,
    curated,
  };
}
