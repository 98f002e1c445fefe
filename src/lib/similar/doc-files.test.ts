/** The loader's 自动推荐 files: every document's links as loadSimilar() gives them, a file only where there are any. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { digest } from '../build-cache/digest.ts';
import { CONTENT } from '../data/paths.ts';
import { readSimilarSummary, similarFile, writeSimilarFiles } from './doc-files.ts';
import { loadSimilar } from './library.ts';

test('a file per document with links, its digest and the documents it names in the summary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'similar-files-'));
  const written = writeSimilarFiles(CONTENT.content, dir);
  const summary = readSimilarSummary(dir);
  expect(summary).toEqual(written);
  const similar = loadSimilar();
  expect(summary.units).toBe(similar.units.length);
  expect(Object.keys(summary.docs).sort()).toEqual([...similar.data.clauses.keys()].sort());
  let withLinks = 0;
  for (const [slug, { digest: d, names }] of Object.entries(summary.docs)) {
    const links = similar.byDoc(slug);
    const file = similarFile(dir, slug, summary);
    if (Object.keys(links).length === 0) {
      expect(file, slug).toBeUndefined();
      expect(existsSync(join(dir, `${slug}.json`))).toBe(false);
      continue;
    }
    withLinks++;
    const text = readFileSync(file!, 'utf8');
    expect(JSON.parse(text)).toEqual(links);
    expect(d).toBe(digest(text));
    expect(names).toEqual([...new Set(Object.values(links).flatMap((l) => l.map((x) => x.slug)))].sort());
  }
  expect(withLinks).toBeGreaterThan(0);
});
