/**
 * Text features of a provision for similarity: the text cut into runs of
 * word characters (Han, Latin letters, digits) at every punctuation mark, and
 * the character bigrams of each run. Chinese has no spaces; bigrams are the
 * usual word-like unit for Chinese retrieval and need no dictionary.
 * Pure functions, plain Node (no astro: imports).
 */

/** A provision's own number at its start: 一、 （三） 15. （2） 1） ①. */
const LEADING_NUMBER = /^\s*(?:[（(][一二三四五六七八九十百\d]+[）)]|[一二三四五六七八九十百]+、|\d+[.．、）)]|[①-⑳])\s*/u;
const WORD_RUN = /[\p{Script=Han}A-Za-z0-9]+/gu;

/** Runs of word characters, in order, without the provision's leading number. Every run is a verbatim substring of the text. */
export function segments(text: string): string[] {
  return text.replace(LEADING_NUMBER, '').match(WORD_RUN) ?? [];
}

/** Character bigrams of each run (a run of one character gives none), with counts. */
export function bigramCounts(runs: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of runs) {
    const chars = [...r];
    for (let i = 0; i + 1 < chars.length; i++) {
      const g = chars[i] + chars[i + 1];
      out.set(g, (out.get(g) ?? 0) + 1);
    }
  }
  return out;
}

/**
 * Longest runs of `a` that also occur verbatim in `b`, at least `min`
 * characters long, each scored by the sum of its bigrams' weights. Linear in
 * the length of `a` apart from the substring checks.
 */
export function sharedPhrases(a: string[], bText: string, bBigrams: Set<string>, weight: (bigram: string) => number, min = 4): { phrase: string; score: number }[] {
  const out = new Map<string, number>();
  for (const run of a) {
    const chars = [...run];
    let i = 0;
    while (i + 1 < chars.length) {
      if (!bBigrams.has(chars[i] + chars[i + 1])) { i++; continue; }
      let j = i + 1;
      while (j + 1 < chars.length && bBigrams.has(chars[j] + chars[j + 1])) j++;
      // chars[i..j] has every bigram in b; take the longest prefix b holds verbatim, then go on after it.
      let end = j;
      while (end - i + 1 >= min && !bText.includes(chars.slice(i, end + 1).join(''))) end--;
      if (end - i + 1 >= min) {
        const phrase = chars.slice(i, end + 1).join('');
        let s = 0;
        for (let k = i; k < end; k++) s += weight(chars[k] + chars[k + 1]);
        out.set(phrase, Math.max(out.get(phrase) ?? 0, s));
        i = end + 1;
      } else i++;
    }
  }
  return [...out].map(([phrase, score]) => ({ phrase, score })).sort((x, y) => y.score - x.score || x.phrase.localeCompare(y.phrase));
}
