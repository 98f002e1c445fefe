/**
 * The library's 自动推荐 as files, one per document (`<slug>.json`: clause id
 * → similar provisions, only for documents that have any) and
 * `summary.json` (per document the digest of its file and the documents its
 * links name, for its rendering key; and how many provisions were compared).
 * Written by a process of its own (write-doc-files.ts) for the policy loader:
 * the similar-provision index over the whole library, built inside the
 * Astro process, stayed in its heap as uncollected garbage through the
 * rendering and the bundling (~0.7 GiB at 10,000 documents; nothing
 * allocates there meanwhile, so V8 never collected it).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { digest } from '../build-cache/digest.ts';
import { loadSimilar, type LibrarySimilar } from './library.ts';

export interface SimilarSummary {
  /** Provisions compared (for the build log). */
  units: number;
  /** slug → the digest of its file's content ('' for none) and the documents its links name, sorted. */
  docs: Record<string, { digest: string; names: string[] }>;
}

/** The file of a document's links in `dir`, if it has any. */
export const similarFile = (dir: string, slug: string, summary: SimilarSummary): string | undefined =>
  summary.docs[slug]?.digest ? join(dir, `${slug}.json`) : undefined;

/** Writes every document's similar provisions of the content folder `root` into `dir` (loaded here unless given). */
export function writeSimilarFiles(
  root: string,
  dir: string,
  similar: LibrarySimilar = loadSimilar({ root }),
): SimilarSummary {
  mkdirSync(dir, { recursive: true });
  const summary: SimilarSummary = { units: similar.units.length, docs: {} };
  for (const slug of similar.data.clauses.keys()) {
    const links = similar.byDoc(slug);
    const json = JSON.stringify(links);
    const names = [...new Set(Object.values(links).flatMap((l) => l.map((x) => x.slug)))].sort();
    if (json === '{}') summary.docs[slug] = { digest: '', names };
    else {
      writeFileSync(join(dir, `${slug}.json`), json);
      summary.docs[slug] = { digest: digest(json), names };
    }
  }
  // Written aside and renamed: a reader waiting for the folder (src/lib/build-cache/pending.ts) takes summary.json's presence as "complete".
  writeFileSync(join(dir, 'summary.json.tmp'), JSON.stringify(summary));
  renameSync(join(dir, 'summary.json.tmp'), join(dir, 'summary.json'));
  return summary;
}

export const readSimilarSummary = (dir: string): SimilarSummary =>
  JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as SimilarSummary;
