/**
 * The site's curation report as files: one JSON file per document
 * (`docs/<slug>.json`, a DocReport) and `summary.json` (per document its
 * title, the counts the /curation/ table shows and the digest of its file,
 * for the incremental build's keyed pages). The report needs the whole
 * library's similar-provision index and text: built in the Astro process it
 * held about 0.9 GiB through the page phase at 10,000 documents, so it is
 * written by a process of its own (write-report-files.ts) and the pages read
 * one document's file at a time.
 *
 * `npm run build` writes the files in its `curation` step (before `astro
 * build`, or beside it on an incremental build, the pages waiting for the
 * folder: src/lib/build-cache/pending.ts) and names the folder in
 * CURATION_REPORT_ENV; `astro build` or
 * `astro dev` run alone write them on first use, in a child process.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { digest } from '../build-cache/digest.ts';
import { scratchDir } from '../build-cache/scratch.ts';
import { waitForFolder } from '../build-cache/pending.ts';
import { PROJECT_ROOT } from '../data/paths.ts';
import { curationDocuments, type DocReport } from './report.ts';
import type { LibrarySimilar } from '../similar/library.ts';

/** The folder the build's `curation` step wrote (scripts/build.ts). */
export const CURATION_REPORT_ENV = 'YIGAI_CURATION_REPORT';

/** A document's row of the report's table, and the digest of its page's content. */
export interface ReportRow {
  slug: string;
  title: string;
  topics: number;
  targets: number;
  aliases: number;
  agencies: number;
  digest: string;
}

/**
 * Writes the report of the content folder `root` into `dir` (replaced whole:
 * written aside and renamed, so a stopped run leaves the old report or none).
 */
export function writeReportFiles(root: string, dir: string, similar?: LibrarySimilar): ReportRow[] {
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, 'docs'), { recursive: true });
  const rows: ReportRow[] = [];
  for (const d of curationDocuments(root, similar)) {
    const json = JSON.stringify(d);
    writeFileSync(join(tmp, 'docs', `${d.slug}.json`), json);
    rows.push({
      slug: d.slug,
      title: d.title,
      topics: d.topics.length,
      targets: d.targets.length,
      aliases: d.aliases.length,
      agencies: d.agencies.unresolved.length + d.agencies.pattern.length,
      digest: digest(json),
    });
  }
  writeFileSync(join(tmp, 'summary.json'), JSON.stringify(rows));
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return rows;
}

let folder: string | undefined;
/** The report's folder: the build step's, else written now in a child process (once per process, removed at its exit). */
function reportDir(): string {
  if (folder) return folder;
  const given = process.env[CURATION_REPORT_ENV];
  if (given) {
    waitForFolder(given, 'summary.json');
    if (!existsSync(join(given, 'summary.json')))
      throw new Error(
        `${CURATION_REPORT_ENV}=${given}: that folder holds no curation report (summary.json)\n  hint: if npm run build's curation step stopped, its error is above; otherwise leave ${CURATION_REPORT_ENV} unset (the pages then write the report themselves).`,
      );
    return (folder = given);
  }
  const dir = join(scratchDir('curation-report'), 'report');
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'src/lib/curation/write-report-files.ts'), dir], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return (folder = dir);
}

let rows: ReportRow[] | undefined;
/** Every document's row, in slug order. */
export function reportRows(): ReportRow[] {
  rows ??= JSON.parse(readFileSync(join(reportDir(), 'summary.json'), 'utf8')) as ReportRow[];
  return rows;
}

/** One document's report, read from its file. */
export function docReport(slug: string): DocReport {
  return JSON.parse(readFileSync(join(reportDir(), 'docs', `${slug}.json`), 'utf8')) as DocReport;
}
