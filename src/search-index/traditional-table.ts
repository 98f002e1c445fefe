/**
 * The contract between the search build (build.ts writes the tables) and the
 * client (src/scripts/search/load.ts reads them) for searching a query typed
 * in Traditional characters as Simplified. Pure, bundle-safe.
 *
 * Two files, so that the table itself is downloaded only for a query that
 * needs it:
 * - search/t2s-test.bin: one bit per code point from FIRST to LAST, set for
 *   the characters the table converts (3.4 KB; fetched with the search code);
 * - search/t2s.json: "醫医療疗…", each Traditional character followed by its
 *   Simplified one (OpenCC's TSCharacters, first choice), about 14 KB
 *   compressed, fetched only when the test finds such a character.
 * Characters that occur in the library's own (Simplified) texts are left out
 * of both: a character the texts use (乾 in 乾隆) is not converted.
 */
export const FIRST = 0x3400;
export const LAST = 0x9fff;

/** The bit for a character, or false outside the range. */
export function flagged(bits: Uint8Array, ch: string): boolean {
  const c = ch.codePointAt(0)! - FIRST;
  if (c < 0 || c > LAST - FIRST) return false;
  return ((bits[c >> 3] ?? 0) & (1 << (c & 7))) !== 0;
}

export const hasTraditional = (bits: Uint8Array, text: string): boolean => [...text].some((ch) => flagged(bits, ch));

/** The query with every Traditional character of the table replaced by its Simplified one. */
export function convert(pairs: string, text: string): string {
  const map = new Map<string, string>();
  const cps = [...pairs];
  for (let i = 0; i + 1 < cps.length; i += 2) map.set(cps[i], cps[i + 1]);
  return [...text].map((ch) => map.get(ch) ?? ch).join('');
}

/** Both files from Traditional → Simplified pairs, leaving out the characters the library uses. */
export function buildTables(pairs: [string, string][], used: ReadonlySet<string>): { bits: Uint8Array; pairs: string } {
  const bits = new Uint8Array(Math.ceil((LAST - FIRST + 1) / 8));
  let out = '';
  for (const [t, s] of pairs) {
    if ([...t].length !== 1 || [...s].length !== 1 || t === s || used.has(t)) continue;
    const c = t.codePointAt(0)! - FIRST;
    if (c < 0 || c > LAST - FIRST) continue;
    bits[c >> 3] |= 1 << (c & 7);
    out += t + s;
  }
  return { bits, pairs: out };
}
