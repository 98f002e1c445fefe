/** The report's files are the report: one file per document, a summary row each, the old folder replaced whole. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, test, vi } from 'vitest';
import { buildCurationReport } from './report.ts';
import { CURATION_REPORT_ENV, writeReportFiles } from './report-files.ts';
import { markPending } from '../build-cache/pending.ts';
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

describe('pages reading a report still being written (an incremental build writes it beside astro build)', () => {
  // A fresh module (the folder is looked up once per process), with the build's variable set while it reads.
  const rowsOf = async (dir: string) => {
    vi.resetModules();
    const { reportRows } = await import('./report-files.ts');
    process.env[CURATION_REPORT_ENV] = dir;
    try {
      return reportRows();
    } finally {
      delete process.env[CURATION_REPORT_ENV];
    }
  };
  test('they wait while the step writing it runs, then read it', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'curation-pending-')), 'report');
    const rows = [{ slug: 'a', title: '甲', topics: 1, targets: 0, aliases: 0, agencies: 0, digest: 'x' }];
    // The step: writes the folder after a pause, as write-report-files.ts does (aside, then renamed).
    const step = spawn(process.execPath, [
      '-e',
      `setTimeout(() => { const fs = require('node:fs'); fs.mkdirSync(${JSON.stringify(`${dir}.tmp`)}, { recursive: true });
        fs.writeFileSync(${JSON.stringify(`${dir}.tmp/summary.json`)}, ${JSON.stringify(JSON.stringify(rows))});
        fs.renameSync(${JSON.stringify(`${dir}.tmp`)}, ${JSON.stringify(dir)}); }, 400)`,
    ]);
    markPending(dir, step.pid!);
    expect(await rowsOf(dir)).toEqual(rows);
    await new Promise((resolve) => step.once('exit', resolve));
  });
  test('a step that stopped without writing it: the error names the folder and says where to look', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'curation-pending-')), 'report');
    const step = spawn(process.execPath, ['-e', 'process.exit(1)']);
    markPending(dir, step.pid!);
    await new Promise((resolve) => step.once('exit', resolve));
    await expect(rowsOf(dir)).rejects.toThrow(
      /holds no curation report[\s\S]*hint: if npm run build's curation step stopped/,
    );
  });
});
