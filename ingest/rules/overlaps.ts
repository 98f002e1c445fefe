/**
 * Two manifest entries (repairs or corrections) that would change the same
 * characters cannot both apply; the ledger would only report offsets. This
 * names both entries and what to do.
 */
import type { Edit } from '../ledger.ts';
import { IngestError } from '../errors.ts';

export function assertNoOverlap(
  edits: readonly Edit[],
  entries: readonly { find: string }[],
  field: string,
  file: string,
): void {
  const sorted = [...edits].sort((a, b) => a.at - b.at || a.from.length - b.from.length);
  for (let k = 1; k < sorted.length; k++) {
    const a = sorted[k - 1];
    const b = sorted[k];
    if (b.at < a.at + a.from.length || (b.at === a.at && a.from.length === 0 && b.from.length === 0)) {
      const fa = entries[a.ref ?? 0]?.find;
      const fb = entries[b.ref ?? 0]?.find;
      const both =
        a.ref === b.ref
          ? `${field} ${JSON.stringify(fa)} overlaps itself`
          : `${field} ${JSON.stringify(fa)} (entry ${(a.ref ?? 0) + 1}) and ${JSON.stringify(fb)} (entry ${(b.ref ?? 0) + 1}) change the same characters`;
      throw new IngestError(`${both} at offset ${b.at}`, {
        file,
        hint: `Merge the two ${field} into one whose \`find\` covers both places, or shorten one so they no longer overlap.`,
      });
    }
  }
}
