import { type Edit, result, splitLines } from '../ledger.ts';
import type { Rule } from './types.ts';

const TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;
/** What a list item leaves behind once its tags are gone. */
const RESIDUE = /^[\s\u00a0\u3000•·●▪◦-]*$/u;

/**
 * Stray HTML tags from the scraped page. A line that held nothing but tags
 * (and list bullets) goes whole; elsewhere only the tags go.
 */
export const stripHtmlTags: Rule = {
  name: 'strip-html-tags',
  label: '删除残留的 HTML 标签',
  quotable: true,
  apply(text) {
    const edits: Edit[] = [];
    for (const line of splitLines(text)) {
      const tags = [...line.text.matchAll(TAG)];
      if (tags.length === 0) continue;
      if (RESIDUE.test(line.text.replace(TAG, ''))) {
        const nl = line.start + line.text.length < text.length ? '\n' : '';
        edits.push({ rule: 'strip-html-tags', at: line.start, from: line.text + nl, to: '' });
      } else {
        for (const t of tags)
          edits.push({ rule: 'strip-html-tags', at: line.start + (t.index ?? 0), from: t[0], to: '' });
      }
    }
    return result(text, edits);
  },
};
