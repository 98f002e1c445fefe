import { dropLines } from '../ledger.ts';
import { IngestError } from '../errors.ts';
import type { Rule } from './types.ts';

/**
 * Page furniture no generic rule can recognise safely (a site's name, the
 * alt text of its emblem), listed in the manifest line by line with a reason.
 * Each entry must match at least one whole line, so stale entries are caught.
 */
export const manifestFurniture: Rule = {
  name: 'manifest-furniture',
  label: '删除清单列明的网页页眉元素（站名、徽标文字等）',
  quotable: true,
  apply(text, { manifest, manifestFile }) {
    const wanted = new Map(manifest.furniture.map((f) => [f.line, 0]));
    const res = dropLines(text, 'manifest-furniture', (l) => {
      const t = l.text.trim();
      if (!wanted.has(t)) return false;
      wanted.set(t, (wanted.get(t) ?? 0) + 1);
      return true;
    });
    for (const [line, n] of wanted) {
      if (n === 0) {
        throw new IngestError(`furniture line ${JSON.stringify(line)} is not a whole line of the seed`, {
          file: manifestFile,
          hint: 'Copy the line exactly as it stands in the seed (surrounding spaces are ignored), or remove the entry.',
        });
      }
    }
    for (const e of res.edits) e.reason = manifest.furniture.find((f) => f.line === e.from.trim())?.reason;
    return res;
  },
};
