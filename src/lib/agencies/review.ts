/**
 * Agency names for the curation report: per document, the names the
 * agency table (src/content/agency-names.json) does not read, and the ones
 * read only by pattern for a place whose region is not yet in the table
 * (not under `places`), each with the clauses that name it. Nothing here
 * stops a build: it is what an editor may check or add to the table. Names
 * listed under `exact`, and pattern readings for a listed place (a region
 * editors have curated), are not repeated.
 *
 * Node-only and independent of Astro, so a report script can call it:
 *   agencyReview()                      reads src/content (MDX frontmatter for the region, clause data)
 *   agencyReviewOf(docs, table?)        the same from data the caller has
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { loadAgencyNames, readAgency, type Region } from './normalize.ts';
import type { AgencyNames } from '../../schemas/agency-names.ts';
import { readFrontmatter } from '../data/frontmatter.ts';
import { CONTENT, contentFiles } from '../data/paths.ts';
import { readClauseData } from '../data/clauses.ts';

export interface AgencyReviewName {
  /** The name as the text writes it. */
  asWritten: string;
  /** `pattern`: read from the region and a known form, for a place not under `places` (check the reading); `unresolved`: not read at all. */
  match: 'pattern' | 'unresolved';
  /** For `pattern`: the canonical agency it was read as. */
  id?: string;
  name?: string;
  /** For `pattern`: how it was read (州 → 海南藏族自治州；卫健委 → 卫生健康委员会). */
  reading?: string;
  /** For `unresolved`: why, and what to add to the table. */
  reason?: string;
  /** Clause ids naming it, in document order. */
  clauses: string[];
}
export interface AgencyReviewDoc {
  slug: string;
  region: Region;
  names: AgencyReviewName[];
}

interface DocInput {
  slug: string;
  region: Region;
  clauses: { id: string; agencies?: { lead: string[]; partners: string[] } }[];
}

/** Per document (in the order given), its names to review (see above); documents with none are left out. */
export function agencyReviewOf(docs: DocInput[], table: AgencyNames = loadAgencyNames()): AgencyReviewDoc[] {
  const out: AgencyReviewDoc[] = [];
  for (const doc of docs) {
    const byName = new Map<string, AgencyReviewName>();
    for (const c of doc.clauses) {
      for (const raw of [...(c.agencies?.lead ?? []), ...(c.agencies?.partners ?? [])]) {
        const seen = byName.get(raw);
        if (seen) {
          if (seen.clauses.at(-1) !== c.id) seen.clauses.push(c.id);
          continue;
        }
        const a = readAgency(raw, doc.region, table);
        if (a.match === 'exact' || (a.match === 'pattern' && a.placeListed)) continue;
        byName.set(
          raw,
          a.match === 'unresolved'
            ? { asWritten: raw, match: 'unresolved', reason: a.reason, clauses: [c.id] }
            : { asWritten: raw, match: 'pattern', id: a.id, name: a.name, reading: a.reading, clauses: [c.id] },
        );
      }
    }
    // Unresolved first: they are what most needs an editor.
    const names = [...byName.values()].sort(
      (x, y) => Number(y.match === 'unresolved') - Number(x.match === 'unresolved'),
    );
    if (names.length) out.push({ slug: doc.slug, region: doc.region, names });
  }
  return out;
}

/** agencyReviewOf for the library in `content` (default src/content), read from the files ingest writes. */
export function agencyReview(content: string = CONTENT.content): AgencyReviewDoc[] {
  const files = contentFiles(content);
  const docs = readdirSync(files.policies)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const slug = f.replace(/\.mdx$/, '');
      const fm = readFrontmatter(readFileSync(files.policyFile(slug), 'utf8'), files.policyFile(slug)) as {
        region?: Region;
      };
      const clauseFile = files.clauseFile(slug);
      const clauses = existsSync(clauseFile) ? readClauseData(clauseFile) : [];
      return { slug, region: fm.region ?? { province: '' }, clauses };
    });
  return agencyReviewOf(docs, loadAgencyNames(files.agencyNames));
}
