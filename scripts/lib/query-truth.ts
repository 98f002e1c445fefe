/**
 * Ground truth for judging search results, independent of the search code:
 * each clause's text straight from the built pages, and the forms a query
 * part may match (itself, or every form of the glossary entry it names).
 * Shared by the query-set tests (through tests/e2e/query-truth.ts) and `npm run bench`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pageRecords } from './page-records.ts';
import { CONTENT } from '../../src/lib/data/paths.ts';
import { readAllClauseData } from '../../src/lib/data/clauses.ts';
import { readFrontmatter } from '../../src/lib/data/frontmatter.ts';
import { loadGlossary } from '../../src/lib/glossary/load.ts';
import * as OpenCC from 'opencc-js';
import { readAgency, type Region } from '../../src/lib/agencies/normalize.ts';

/** "slug#anchor" → the clause's text, lower-cased. */
export function clauseTexts(dir = 'dist'): Map<string, string> {
  const texts = new Map<string, string>();
  for (const slug of readdirSync(join(dir, 'policies'))) {
    for (const r of pageRecords(readFileSync(join(dir, 'policies', slug, 'index.html'), 'utf8')))
      texts.set(`${slug}#${r.anchor}`, r.content.toLowerCase());
  }
  return texts;
}

/** Returns a function giving the lower-cased forms a query part may match. */
export function queryForms(): (part: string) => string[] {
  const glossary = loadGlossary();
  return (part) => {
    const g = glossary.find((e) => [e.term, ...e.aliases].some((f) => f.toLowerCase() === part.toLowerCase()));
    return (g ? [part, g.term, ...g.aliases] : [part]).map((f) => f.toLowerCase());
  };
}

/**
 * Ground truth for the unseen query set (search-queries-unseen.json), computed from the source
 * data, not from the built index or the search code:
 * - clauses: src/content/clauses/<slug>.json (provisions, parts, and paragraphs outside
 *   provisions: what a search result can land on) plus each document's title (its frontmatter),
 *   matched with all whitespace removed, case- and width-insensitively;
 * - forms: a part that is a glossary term or alias, an English name of the entry (the `english`
 *   field, with or without its brackets, the words before a bracketed abbreviation, a bracketed
 *   alternative name at the end) or a bracketed abbreviation stands for every form of the entry
 *   (term, aliases, abbreviations);
 * - agencies: a part that is the canonical full name of an agency (src/lib/agencies/normalize.ts
 *   over each clause's `agencies`) is satisfied by the clauses the agency leads or joins;
 * - the query is first folded (full-width letters and digits, a year in any bracket → 〔year〕)
 *   and converted from Traditional to Simplified with OpenCC's phrase converter;
 * - near misses: when no clause matches, the expected suggestions are the glossary forms of three
 *   or more characters at edit distance exactly one (Levenshtein) from the query.
 */

export interface Truth {
  parts: string[];
  searched: string;
  simplified?: string;
  expect: string[];
  suggestions: string[];
  titles: string[];
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
const t2cn = OpenCC.Converter({ from: 't', to: 'cn' });

function frontmatter(slug: string): { title: string; region: Region } {
  const file = CONTENT.policyFile(slug);
  return readFrontmatter(readFileSync(file, 'utf8'), file) as { title: string; region: Region };
}

export function sourceClauses(): { key: string; text: string; agencies: string[]; title: boolean }[] {
  const out: { key: string; text: string; agencies: string[]; title: boolean }[] = [];
  for (const [slug, list] of readAllClauseData(CONTENT.clauses)) {
    const fm = frontmatter(slug);
    out.push({ key: `${slug}#doc-title`, text: fold(fm.title), agencies: [], title: true });
    const kind = new Map(list.map((c) => [c.id, c.kind]));
    for (const c of list) {
      if (c.kind === 'para' && c.parent && kind.get(c.parent) === 'provision') continue;
      const names = c.agencies
        ? [...c.agencies.lead, ...c.agencies.partners].flatMap((raw) => {
            const a = readAgency(raw, fm.region);
            return a.match === 'unresolved' ? [] : [a.name];
          })
        : [];
      out.push({ key: `${slug}#${c.id}`, text: fold(c.text), agencies: names, title: c.kind === 'part' });
    }
  }
  return out;
}

/** An entry's English names and abbreviations, as the `english` field writes them. */
function english(field: string): { names: string[]; abbreviations: string[] } {
  const clean = field
    .replace(/["“”‘’]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const abbreviations: string[] = [];
  const names = [clean, clean.replace(/\s*\([^()]*\)\s*/g, ' ').trim()];
  for (const m of clean.matchAll(/\(([^()]*)\)/g)) {
    const inner = m[1].trim();
    if (/^[A-Z][A-Z0-9+&-]*[A-Z0-9]$/.test(inner)) {
      abbreviations.push(inner);
      names.push(clean.slice(0, m.index).trim());
    } else if (m.index + m[0].length === clean.length && (inner.includes(' ') || /^[a-z]+$/.test(inner)))
      names.push(inner);
  }
  return { names, abbreviations };
}

function levenshtein(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let row = y.map((_, j) => j + 1);
  row.unshift(0);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++)
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    row = next;
  }
  return row[y.length];
}

export function unseenTruth(): (q: string) => Truth {
  const clauses = sourceClauses();
  const glossary = loadGlossary().map((e) => ({ e, ...english(e.english) }));
  // A name or abbreviation two entries share stands for neither.
  const count = new Map<string, number>();
  for (const g of glossary)
    for (const f of new Set([g.e.term, ...g.e.aliases, ...g.names, ...g.abbreviations].map(fold)))
      count.set(f, (count.get(f) ?? 0) + 1);
  const entryOf = (part: string) =>
    glossary.find((g) => [g.e.term, ...g.e.aliases].some((f) => fold(f) === fold(part))) ??
    glossary.find((g) =>
      [...g.names, ...g.abbreviations].some((f) => fold(f) === fold(part) && count.get(fold(f)) === 1),
    );
  const englishNames = glossary
    .flatMap((g) => g.names.filter((n) => n.includes(' ') && count.get(fold(n)) === 1))
    .sort((a, b) => b.length - a.length);
  return (q: string) => {
    const folded = q
      .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05]/g, (c) => c.normalize('NFKC'))
      .replace(/[[［【(（〖]((?:19|20)\d\d)[\]］】)）〗]/g, '〔$1〕');
    const simplified = t2cn(folded);
    // Multi-word English names are one part each; the rest splits at spaces (and at quotes, which the texts' phrases do not need).
    let rest = simplified;
    const parts: string[] = [];
    for (const n of englishNames) {
      const i = rest.toLowerCase().indexOf(n.toLowerCase());
      if (i !== -1) {
        parts.push(rest.slice(i, i + n.length));
        rest = `${rest.slice(0, i)} ${rest.slice(i + n.length)}`;
      }
    }
    parts.push(...rest.split(/[\s"“”'‘’]+/).filter(Boolean));
    const forms = parts.map((p) => {
      const g = entryOf(p);
      return {
        part: p,
        forms: [
          p,
          ...(g ? [g.e.term, ...g.e.aliases, ...g.abbreviations.filter((a) => count.get(fold(a)) === 1)] : []),
        ].map(fold),
      };
    });
    const matches = clauses.filter((c) =>
      forms.every(
        ({ part, forms: fs }) => fs.some((f) => c.text.includes(f)) || c.agencies.some((a) => fold(a) === fold(part)),
      ),
    );
    const suggestions = matches.length
      ? []
      : [
          ...new Set(
            glossary
              .flatMap((g) => [g.e.term, ...g.e.aliases, ...g.abbreviations])
              .filter(
                (f) =>
                  [...f].length >= 3 &&
                  [...fold(simplified)].length >= 3 &&
                  levenshtein(fold(f), fold(simplified)) === 1,
              ),
          ),
        ];
    return {
      parts,
      searched: simplified,
      ...(simplified !== folded ? { simplified } : {}),
      expect: matches.map((c) => c.key),
      suggestions,
      titles: matches.filter((c) => c.title).map((c) => c.key),
    };
  };
}
