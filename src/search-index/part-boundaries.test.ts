/** Where the search index is cut into parts: bounded sizes, boundaries the slugs choose. */
import { expect, test } from 'vitest';
import { indexGroups, partBounds } from './part-boundaries.ts';

const slugs = (n: number, prefix = 'doc') => Array.from({ length: n }, (_, i) => `${prefix}-${n - i}`);
const docsOf = <T>(groups: { docs: T[] }[]) => groups.map((g) => g.docs);

test('a library smaller than a part is one index; a larger one keeps pagefind/ for the pages and its documents in pagefind-2/ …', () => {
  expect(indexGroups([], 250)).toEqual([{ dir: 'pagefind', docs: [] }]);
  expect(indexGroups(['a', 'b'], 250)).toEqual([{ dir: 'pagefind', docs: ['a', 'b'] }]);
  const groups = indexGroups(slugs(1000), 250);
  expect(groups[0]).toEqual({ dir: 'pagefind', docs: [] });
  expect(groups.map((g) => g.dir)).toEqual(groups.map((_, i) => (i ? `pagefind-${i + 1}` : 'pagefind')));
  // Every document once, in the order given (newest first).
  expect(groups.flatMap((g) => g.docs)).toEqual(slugs(1000));
});

test('every part but the newest holds between the minimum and the maximum', () => {
  for (const max of [2, 7, 100, 250]) {
    const { min } = partBounds(max);
    for (const n of [max * 3, max * 10 + 1, 2000]) {
      const parts = docsOf(indexGroups(slugs(n), max)).slice(1);
      for (const p of parts.slice(1)) {
        expect(p.length, `max ${max}, ${n} documents`).toBeGreaterThanOrEqual(min);
        expect(p.length, `max ${max}, ${n} documents`).toBeLessThanOrEqual(max);
      }
      expect(parts[0].length).toBeGreaterThan(0);
      expect(parts[0].length).toBeLessThanOrEqual(max);
    }
  }
});

test('with a maximum of 2 the parts are pairs from the oldest end (the sub-path test build)', () => {
  expect(docsOf(indexGroups(['a', 'b', 'c', 'd', 'e'], 2))).toEqual([[], ['a'], ['b', 'c'], ['d', 'e']]);
});

test('a document added in the middle changes its own part and seldom another; a position-cut index would change half', () => {
  let rewritten = 0;
  const trials = 40;
  for (let t = 0; t < trials; t++) {
    const docs = slugs(3000, `lib${t}`);
    const before = new Set(docsOf(indexGroups(docs, 250)).map((p) => p.join()));
    const at = Math.floor((docs.length * (t + 0.5)) / trials);
    const after = docsOf(indexGroups([...docs.slice(0, at), `new-${t}`, ...docs.slice(at)], 250));
    const changed = after.filter((p) => p.length && !before.has(p.join()));
    expect(changed.length, `insert at ${at}`).toBeGreaterThanOrEqual(1);
    expect(changed.some((p) => p.includes(`new-${t}`))).toBe(true);
    rewritten += changed.length;
  }
  // 12 parts: cut by position, an insertion at a uniform place rewrites 6 on average.
  expect(rewritten / trials).toBeLessThan(2);
});

test('editing a document moves no boundary: the parts depend on the slugs and their order only', () => {
  const docs = slugs(1200).map((slug) => ({ slug, text: 'old' }));
  const edited = docs.map((d, i) => (i === 600 ? { ...d, text: 'new' } : d));
  const cut = (list: typeof docs) => docsOf(indexGroups(list, 250, (d) => d.slug)).map((p) => p.map((d) => d.slug));
  expect(cut(edited)).toEqual(cut(docs));
});

test('a new newest document joins the newest part or starts one; the older parts stay as they were', () => {
  for (const n of [1000, 1042, 7777]) {
    const before = docsOf(indexGroups(slugs(n), 250)).slice(1);
    const after = docsOf(indexGroups(slugs(n + 1), 250)).slice(1);
    const newest = `doc-${n + 1}`;
    if (after[0].length === 1) expect(after.slice(1)).toEqual(before);
    else {
      expect(after.slice(1)).toEqual(before.slice(1));
      expect(after[0]).toEqual([newest, ...before[0]]);
    }
  }
});
