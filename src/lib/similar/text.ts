/**
 * Text features of a provision for similarity: the text cut into runs of
 * word characters (Han, Latin letters, digits) at every punctuation mark, and
 * the character bigrams of each run. Chinese has no spaces; bigrams are the
 * usual word-like unit for Chinese retrieval and need no dictionary.
 * Bigrams are numbers (two UTF-16 code units) so that 40,000 provisions fit
 * in typed arrays. Pure functions, plain Node (no astro: imports).
 */

/** A provision's own number at its start: 一、 （三） 15. （2） 1） ①. */
const LEADING_NUMBER =
  /^\s*(?:[（(][一二三四五六七八九十百\d]+[）)]|[一二三四五六七八九十百]+、|\d+[.．、）)]|[①-⑳])\s*/u;
const WORD_RUN = /[\p{Script=Han}A-Za-z0-9]+/gu;

/** Runs of word characters, in order, without the provision's leading number. Every run is a verbatim substring of the text. */
export function segments(text: string): string[] {
  return text.replace(LEADING_NUMBER, '').match(WORD_RUN) ?? [];
}

/** The bigram starting at position i of s, as a number. */
export const bigramAt = (s: string, i: number) => s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);

/** Character bigrams of each run (a run of one character gives none), with counts. */
export function bigramCounts(runs: string[], into = new Map<number, number>(), times = 1): Map<number, number> {
  for (const r of runs)
    for (let i = 0; i + 1 < r.length; i++) {
      const g = bigramAt(r, i);
      into.set(g, (into.get(g) ?? 0) + times);
    }
  return into;
}

/**
 * Longest stretches of `aText` (runs joined by "|") that also occur verbatim
 * in `bText`, at least `min` characters long, each scored by the sum of its
 * bigrams' weights. `aSeq` holds the bigram id at each position of aText (-1
 * where none starts); `weight` is 0 for a bigram b lacks. Linear in the
 * length of a apart from the substring checks.
 */
export function sharedPhrases(
  aText: string,
  aSeq: Int32Array,
  bText: string,
  weight: (id: number) => number,
  min = 4,
): { phrase: string; score: number }[] {
  const out = new Map<string, number>();
  const shared = (i: number) => aSeq[i] >= 0 && weight(aSeq[i]) > 0;
  let i = 0;
  while (i + 1 < aText.length) {
    if (!shared(i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j + 1 < aText.length && shared(j)) j++;
    // aText[i..j] has every bigram in b; take the longest prefix b holds verbatim, then go on after it.
    if (j - i + 1 < min) {
      i = j + 1;
      continue;
    }
    let end = j;
    while (end - i + 1 >= min && !bText.includes(aText.slice(i, end + 1))) end--;
    if (end - i + 1 >= min) {
      const phrase = aText.slice(i, end + 1);
      let s = 0;
      for (let k = i; k < end; k++) s += weight(aSeq[k]);
      out.set(phrase, Math.max(out.get(phrase) ?? 0, s));
      i = end + 1;
    } else i++;
  }
  return [...out]
    .map(([phrase, score]) => ({ phrase, score }))
    .sort((x, y) => y.score - x.score || (x.phrase < y.phrase ? -1 : 1));
}
