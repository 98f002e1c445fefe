/**
 * One part of the search index (build.ts): its documents (and, for the
 * first, the glossary and topic pages) through Pagefind's Node API into a
 * folder of the index cache. A task of the worker pool (part-worker.ts),
 * run in a child process of its own: Pagefind's Node API drives one indexing
 * backend per Node process, so parts written at the same time need a process
 * each; `pagefind.close()` ends the backend, and with it the memory the part
 * took, before the process takes its next part.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { searchRecords, type DocInfo } from '../lib/clauses/search-records.ts';
import { readClauseData } from '../lib/data/clauses.ts';
import { searchDocument } from './search-document.ts';
import { documentAgencies } from '../lib/agencies/by-document.ts';
import type { Region } from '../lib/agencies/normalize.ts';

/**
 * Pagefind index chunk size (its unit): a query downloads one chunk per word
 * and part. 8000 gave chunks of ~10 KB; 5000 ~6 KB, which took a first query
 * that finds nothing at 10,000 documents (five parts) from 294.6 to 273.9 KiB
 * (docs/benchmarks.md; the default gives ~30 KB chunks).
 */
export const INDEX_CHUNK_SIZE = 5000;
/** Documents handed to Pagefind before waiting for the oldest. */
const IN_FLIGHT = 4;
/** Above any page count we expect (documents + glossary + topics). */
const MAX_FRAGMENTS = 1_000_000;
/** Kept beside each cached part: the characters its records use (for the Traditional → Simplified table) and its counts. */
export const CHARS_FILE = '.chars.json';

/** A document of a part: its search info, where its clause data is, its region (for reading its agencies' names). */
export interface PartDoc extends DocInfo {
  clauseFile: string;
  place: Region;
}

export interface PartTask {
  /** The built site (the glossary and topic pages are read from it). */
  out: string;
  /** The part's cache folder: written aside and renamed, so a stopped build leaves no half part under a valid key. */
  dir: string;
  docs: PartDoc[];
  /** The first part also holds the glossary and topic pages. */
  withPages: boolean;
}

/** What a part holds, as CHARS_FILE keeps it. */
export interface PartCounts {
  chars: string;
  clauses: number;
  pages: number;
}

function check(step: string, res: { errors: string[] }): void {
  if (res.errors.length) throw new Error(`Pagefind ${step} failed:\n  ${res.errors.join('\n  ')}`);
}

export const pagesIn = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => join(dir, d.name, 'index.html'))
        .filter(existsSync)
    : [];

/** The pool's handler factory (no setup: each task says all it needs). */
export const partWriter = () => writePart;

export async function writePart({ out, dir, docs, withPages }: PartTask): Promise<PartCounts> {
  // Smaller index chunks: a query downloads one chunk per word, and with one record per document
  // the default chunks (~30 KB) would take most of the first query's budget. Unstable in Pagefind
  // (environment only, read when its backend starts); tests/e2e/budgets.test.ts notices if it stops working.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_SIZE);
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const used = new Set<string>();
  // Every fragment its own file: bundled fragments would make one result download many documents.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn', maxFragments: MAX_FRAGMENTS });
  check('createIndex', { errors });
  if (!index) throw new Error('Pagefind createIndex returned no index');
  let clauses = 0;
  let pages = 0;
  try {
    // Pagefind indexes in its own process: keep a few documents in flight while the next is read.
    const inFlight = new Set<Promise<void>>();
    const failures: unknown[] = [];
    for (const doc of docs) {
      const data = readClauseData(doc.clauseFile);
      const records = searchRecords(doc, data);
      for (const r of records) for (const ch of r.content) used.add(ch);
      // Site-relative: the Pagefind client prefixes the base path (baseUrl).
      const added: Promise<void> = index
        .addHTMLFile({
          url: `/policies/${doc.slug}/`,
          content: searchDocument(doc, records, documentAgencies(data, doc.place)),
        })
        .then((res) => check(`addHTMLFile(/policies/${doc.slug}/)`, res))
        .catch((e: unknown) => {
          failures.push(e);
        })
        .finally(() => inFlight.delete(added));
      inFlight.add(added);
      clauses += records.length;
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
      if (failures.length) throw failures[0];
    }
    await Promise.all(inFlight);
    if (failures.length) throw failures[0];
    for (const section of withPages ? ['glossary', 'topics'] : []) {
      for (const file of pagesIn(join(out, section))) {
        const res = await index.addHTMLFile({
          url: `/${file
            .slice(out.length)
            .replace(/index\.html$/, '')
            .replace(/^\/+/, '')}`,
          content: readFileSync(file, 'utf8'),
        });
        check(`addHTMLFile(${file})`, res);
        pages++;
      }
    }
    check('writeFiles', await index.writeFiles({ outputPath: tmp }));
  } finally {
    await pagefind.close();
  }
  const counts: PartCounts = { chars: [...used].sort().join(''), clauses, pages };
  writeFileSync(join(tmp, CHARS_FILE), JSON.stringify(counts));
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return counts;
}
