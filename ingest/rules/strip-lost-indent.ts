/**
 * `??` or `???` at the start of a line: the full-width spaces (U+3000) that
 * indented the paragraph, turned into question marks by a scraper that wrote
 * GBK-less ASCII. They go. A `?` inside the text is different: there a
 * character was lost, and it stays for a manifest repair (ingest refuses a
 * `?` next to Chinese that nothing repaired).
 */
import { editMatches } from '../ledger.ts';
import type { Rule } from './types.ts';

/** Two to four ? (ASCII or full-width) at the line start, before the paragraph's first character. */
const LOST_INDENT = /^([ \t\u3000]*)([?？]{2,4})(?=[^\s?？])/gmu;

export const stripLostIndent: Rule = {
  name: 'strip-lost-indent',
  label: '删除行首由全角空格缩进变成的“??”',
  quotable: true,
  apply: (text) => editMatches(text, 'strip-lost-indent', LOST_INDENT, (m) => m[1]),
};
