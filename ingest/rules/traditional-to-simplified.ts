import * as OpenCC from 'opencc-js';
import { type Edit, result, splitLines } from '../ledger.ts';
import type { Rule } from './types.ts';
import { detectScript } from './detect-script.ts';

// OpenCC's phrase-aware converter (standard Traditional → mainland Simplified).
const opencc = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * Phrases OpenCC leaves in their Traditional form because the character is
 * ambiguous there; mainland Simplified writes them differently (著力 → 着力).
 */
const AFTER_OPENCC: [string, string][] = [
  ['著力', '着力'],
  ['隨著', '随着'],
  ['随著', '随着'],
  ['本著', '本着'],
  ['著重', '着重'],
  ['著眼', '着眼'],
  ['著手', '着手'],
  ['圍繞著', '围绕着'],
  ['围绕著', '围绕着'],
  ['意味著', '意味着'],
];

function convert(text: string): string {
  let out = opencc(text);
  for (const [from, to] of AFTER_OPENCC) out = out.split(from).join(to);
  return out;
}

/**
 * Converts Traditional characters back to Simplified for documents that were
 * published in Simplified and reached us converted (manifest `script:
 * traditional`, or left out and detected from the text). Simplified documents are left alone: OpenCC would otherwise
 * "correct" characters that are already right.
 * Edits are recorded per character, so the report can count them.
 */
export const traditionalToSimplified: Rule = {
  name: 'traditional-to-simplified',
  label: '繁体字转回简体字（原文以简体发布，转载时被转成繁体）',
  quotable: true,
  apply(text, { manifest }) {
    const script = manifest.script ?? detectScript(text).script;
    if (script !== 'traditional') return result(text, []);
    const edits: Edit[] = [];
    for (const line of splitLines(text)) {
      const out = convert(line.text);
      if (out === line.text) continue;
      const a = [...line.text];
      const b = [...out];
      if (a.length !== b.length) {
        edits.push({ rule: 'traditional-to-simplified', at: line.start, from: line.text, to: out });
        continue;
      }
      let offset = line.start;
      a.forEach((ch, i) => {
        if (ch !== b[i]) edits.push({ rule: 'traditional-to-simplified', at: offset, from: ch, to: b[i] });
        offset += ch.length;
      });
    }
    return result(text, edits);
  },
};
