/**
 * Tells whether a text reached us in Traditional characters, for manifests
 * that do not say (`script` left out). A Simplified text has next to no
 * characters that OpenCC's Traditional→Simplified mapping would change; a
 * converted one has them in most sentences. Counting characters (not phrases)
 * keeps the test independent of wording.
 */
import * as OpenCC from 'opencc-js';

const t2s = OpenCC.Converter({ from: 't', to: 'cn' });

/** At least this many changed characters, and this share of all Han characters. */
const MIN_CHANGED = 12;
const MIN_SHARE = 0.04;

export interface ScriptVerdict {
  script: 'simplified' | 'traditional';
  changed: number;
  han: number;
}

export function detectScript(text: string): ScriptVerdict {
  const han = [...text].filter((c) => /\p{Script=Han}/u.test(c));
  const converted = [...t2s(han.join(''))];
  const changed = han.reduce((n, c, i) => n + (converted[i] !== c ? 1 : 0), 0);
  const traditional = changed >= MIN_CHANGED && changed / Math.max(1, han.length) >= MIN_SHARE;
  return { script: traditional ? 'traditional' : 'simplified', changed, han: han.length };
}
