/** The term pages' uses written out per term and read back a page at a time: the same uses, in order, split by page. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readTermUses, writeTermUses, type DocUses } from './term-uses.ts';

const occ = (term: string, anchor: string, snippet: string) => ({ term, anchor, form: term, snippet });
// Several terms per document, non-ASCII snippets (byte ranges, not characters), a document without any.
const docs: DocUses[] = Array.from({ length: 7 }, (_, i) => ({
  id: `doc-${i}`,
  occurrences:
    i === 3
      ? []
      : [
          occ('drg', `s${i}`, `推进按疾病诊断相关分组（DRG）付费改革${i}`),
          ...(i % 2 ? [occ('liangge-yunxu', `s${i}-1`, `落实“两个允许”要求${'。'.repeat(i)}`)] : []),
          occ('drg', `s${i}-2`, `DRG 第二处 ${i}`),
        ],
}));
const shown = (id: string, list: { anchor: string }[]) => `${id}:${list.map((o) => o.anchor).join(',')}`;

test('each term’s documents in order, a page of pageSize documents at a time, with their counts', () => {
  const index = writeTermUses(docs, mkdtempSync(join(tmpdir(), 'term-uses-')), 2, shown);
  const drg = index.get('drg')!;
  expect(drg.docs).toBe(6);
  expect(drg.total).toBe(12);
  expect(drg.pages).toHaveLength(3);
  const pages = [1, 2, 3].map((p) => readTermUses(drg, p));
  expect(pages.map((p) => p.map((u) => u.id))).toEqual([
    ['doc-0', 'doc-1'],
    ['doc-2', 'doc-4'],
    ['doc-5', 'doc-6'],
  ]);
  expect(pages.flat()).toEqual(
    docs
      .filter((d) => d.occurrences.length)
      .map((d) => ({ id: d.id, occurrences: d.occurrences.filter((o) => o.term === 'drg') })),
  );
  const two = index.get('liangge-yunxu')!;
  expect(two.pages).toHaveLength(1);
  expect(readTermUses(two, 1).map((u) => u.id)).toEqual(['doc-1', 'doc-5']);
  expect(readTermUses(two, 2)).toEqual([]);
});

test('the digest changes with what a page shows, and only then', () => {
  const write = (d: DocUses[]) => writeTermUses(d, mkdtempSync(join(tmpdir(), 'term-uses-')), 2, shown);
  const a = write(docs);
  const b = write(docs);
  expect(b.get('drg')!.digest).toBe(a.get('drg')!.digest);
  const moved = docs.map((d) =>
    d.id === 'doc-5' ? { ...d, occurrences: d.occurrences.map((o) => ({ ...o, anchor: `${o.anchor}x` })) } : d,
  );
  const c = write(moved);
  expect(c.get('drg')!.digest).not.toBe(a.get('drg')!.digest);
  expect(c.get('liangge-yunxu')!.digest).not.toBe(a.get('liangge-yunxu')!.digest);
});
