/**
 * What a reader types, made into what the texts write, before anything is
 * searched. Pure; runs in the browser (engine.ts) and in tests.
 *
 * - Full-width ASCII letters, digits and the signs that go with numbers
 *   (９０％, ＤＲＧ, ２０２１) become ASCII: the texts write 90%, DRG, 2021.
 *   Full-width punctuation that the texts do use (（）、，：) is left alone.
 * - A year in any bracket a keyboard offers ([2021], 【2021】, ［2021］,
 *   (2021), （2021）, 〖2021〗) becomes the document-number bracket 〔2021〕 the
 *   texts use, so 晋政办发[2022]31号 finds 晋政办发〔2022〕31号. Only a four-digit
 *   year (19xx, 20xx) between brackets: (2) or （一） are not document numbers.
 */

/** ＡＢＣ０１２％＋－．／ → ABC012%+-./ (FF01–FF5E map to 0021–007E; only letters, digits and number signs). */
const FOLDED = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05\uFF0B\uFF0D\uFF0E\uFF0F]/g;
const YEAR_IN_BRACKETS = /[[［【〔(（〖]\s*((?:19|20)\d\d)\s*[\]］】〕)）〗]/g;

export function normalizeQuery(query: string): string {
  return query
    .replace(FOLDED, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(YEAR_IN_BRACKETS, '〔$1〕');
}

/**
 * Edit distance of at most one (one character replaced, added or removed),
 * by code points. Near-miss suggestions (engine.ts) use it over the glossary forms.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  if (x.length === y.length) return x.slice(i + 1).join('') === y.slice(i + 1).join('');
  const [long, short] = x.length > y.length ? [x, y] : [y, x];
  return long.slice(i + 1).join('') === short.slice(i).join('');
}
