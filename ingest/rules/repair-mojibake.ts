import { type Edit, result } from '../ledger.ts';
import { IngestError } from '../errors.ts';
import type { Rule } from './types.ts';
import { gbkHex, verifyRepair } from '../repair-verify.ts';
import { assertNoOverlap } from './overlaps.ts';
import { detectScript } from './detect-script.ts';

/**
 * Applies the manifest's `repairs`: places where the scraper replaced characters
 * with `?` and garbled neighbours. Each repair names the exact raw text, its
 * reconstruction and the reason; it must match as often as declared, so a repair
 * can never silently hit the wrong place or stop applying when the seed changes.
 * Runs on the raw text, before any other rule, so `find` is the original bytes.
 * Each reconstruction is checked against the damaged bytes (repair-verify.ts):
 * one whose GBK bytes cannot give the damaged text is refused.
 */
export const repairMojibake: Rule = {
  name: 'repair-mojibake',
  label: '修复乱码（按清单逐处重建）',
  quotable: true,
  apply(text, { manifest, manifestFile }) {
    const edits: Edit[] = [];
    for (const [ref, r] of manifest.repairs.entries()) {
      const hits = occurrences(text, r.find);
      if (hits.length !== r.count) {
        throw new IngestError(
          `repair ${JSON.stringify(r.find)} matches ${hits.length} time(s) in the seed, expected ${r.count}`,
          {
            file: manifestFile,
            hint: 'Copy `find` byte for byte from the seed, or set `count` to the number of places it should repair.',
          },
        );
      }
      const check =
        r.check === 'gbk' ? verifyRepair(r.find, r.replace, manifest.script ?? detectScript(text).script) : undefined;
      if (check?.status === 'mismatch') {
        throw new IngestError(
          `repair ${JSON.stringify(r.find)} → ${JSON.stringify(r.replace)} is not what the damaged bytes say: ${check.why} (${gbkHex(r.find.replace(/[?]/gu, ''))})`,
          {
            file: manifestFile,
            hint: 'Find the characters whose GBK bytes, read one byte out of step, give the damaged text (see ingest/repair-verify.ts); if the damage is of another kind, set "check": "none" and say why in `reason`.',
          },
        );
      }
      for (const at of hits)
        edits.push({ rule: 'repair-mojibake', at, from: r.find, to: r.replace, reason: r.reason, ref });
    }
    assertNoOverlap(edits, manifest.repairs, 'repair', manifestFile);
    return result(text, edits);
  },
};

export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}
