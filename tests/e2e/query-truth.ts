/**
 * Ground truth for judging search results, independent of the search code:
 * each clause's text straight from the built pages, and the forms a query
 * part may match (itself, or every form of the glossary entry it names).
 * Shared by the query-set test and `npm run bench`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { clauseRecords } from '../../src/search-index/clause-records.ts';
import { loadGlossary } from '../../src/lib/glossary/load.ts';

/** "slug#anchor" → the clause's text, lower-cased. */
export function clauseTexts(dir = 'dist'): Map<string, string> {
  const texts = new Map<string, string>();
  for (const slug of readdirSync(join(dir, 'policies'))) {
    for (const r of clauseRecords(readFileSync(join(dir, 'policies', slug, 'index.html'), 'utf8'))) texts.set(`${slug}#${r.anchor}`, r.content.toLowerCase());
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
