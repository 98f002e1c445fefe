/** The report's files are the report: one file per document, a summary row each, the old folder replaced whole. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildCurationReport } from './report.ts';
import { writeReportFiles } from './report-files.ts';
import { digest } from '../build-cache/digest.ts';

test('each document of the report in its own file, a row each with its counts and the digest of its file', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'curation-files-')), 'report');
  const report = buildCurationReport();
  expect(report.documents.length).toBeGreaterThan(0);
  // A folder left from an earlier run, with a document since removed: not carried over.
  writeReportFiles(join(import.meta.dirname, '../../content'), dir);
  writeFileSync(join(dir, 'docs', 'removed-doc.json'), '{}');
  const rows = writeReportFiles(join(import.meta.dirname, '../../content'), dir);
  expect(existsSync(join(dir, 'docs', 'removed-doc.json'))).toBe(false);
  expect(rows.map((r) => r.slug)).toEqual(report.documents.map((d) => d.slug));
  expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'))).toEqual(rows);
  expect(readdirSync(join(dir, 'docs')).sort()).toEqual(report.documents.map((d) => `${d.slug}.json`).sort());
  for (const [i, d] of report.documents.entries()) {
    const file = readFileSync(join(dir, 'docs', `${d.slug}.json`), 'utf8');
    expect(JSON.parse(file)).toEqual(d);
    expect(rows[i]).toEqual({
      slug: d.slug,
      title: d.title,
      topics: d.topics.length,
      targets: d.targets.length,
      aliases: d.aliases.length,
      agencies: d.agencies.unresolved.length + d.agencies.pattern.length,
      digest: digest(file),
    });
  }
});
