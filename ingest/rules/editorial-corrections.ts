import { type Edit, result } from '../ledger.ts';
import { IngestError } from '../errors.ts';
import { occurrences } from './repair-mojibake.ts';
import type { Rule } from './types.ts';
import { assertNoOverlap } from './overlaps.ts';

/**
 * Editors' corrections declared in the manifest (a stray letter, a numbering
 * slip, an obvious typo). Runs last, on the clean text, so `find` is written
 * as the reader sees it; each must match exactly as often as declared. The page
 * shows every correction as such, with the original on demand.
 */
export const editorialCorrections: Rule = {
  name: 'editorial-corrections',
  label: '编者校正（页面上以校正标记显示，可查看原文）',
  quotable: true,
  apply(text, { manifest, manifestFile }) {
    const edits: Edit[] = [];
    manifest.corrections.forEach((c, ref) => {
      const hits = occurrences(text, c.find);
      if (hits.length !== c.count) {
        throw new IngestError(
          `correction ${JSON.stringify(c.find)} matches ${hits.length} time(s) in the cleaned text, expected ${c.count}`,
          {
            file: manifestFile,
            hint: 'Write `find` as it reads after cleaning (Simplified, full-width punctuation, no spaces), with enough context to be unique.',
          },
        );
      }
      // Record only the characters that differ, so the page marks just them.
      const [p, from, to] = minimalChange(c.find, c.replace);
      for (const at of hits) edits.push({ rule: 'editorial-corrections', at: at + p, from, to, reason: c.reason, ref });
    });
    assertNoOverlap(edits, manifest.corrections, 'correction', manifestFile);
    return result(text, edits);
  },
};

/** Strips the common prefix and suffix: ('（2）全面', '（二）全面') -> [1, '2', '二']. */
export function minimalChange(a: string, b: string): [number, string, string] {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return [p, a.slice(p, a.length - s), b.slice(p, b.length - s)];
}
