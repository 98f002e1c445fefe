import { editMatches } from '../ledger.ts';
import type { Rule } from './types.ts';

/** Windows and old-Mac line ends become \n; a byte-order mark is dropped. */
export const normalizeNewlines: Rule = {
  name: 'normalize-newlines',
  label: '统一换行符',
  quotable: true,
  apply: (text) => editMatches(text, 'normalize-newlines', /\r\n?|^\uFEFF/g, (m) => (m[0] === '\uFEFF' ? '' : '\n')),
};
