import { type Edit, result, splitLines } from '../ledger.ts';
import { isCjk } from './chars.ts';
import type { Rule } from './types.ts';

const WS = /[ \t\u00a0\u3000\u2002\u2003\u200b\u200c\u200d\ufeff]/u;

/**
 * One paragraph per line: lines are trimmed, blank lines dropped, and spaces
 * next to Chinese removed (Chinese is written without spaces; web pages leave
 * indentation and stray spaces). Spaces between Latin words stay.
 */
export const normalizeWhitespace: Rule = {
  name: 'normalize-whitespace',
  label: '整理空白：去缩进、空行与中文间多余空格',
  quotable: true,
  apply(text) {
    const edits: Edit[] = [];
    const lines = splitLines(text);
    const nonBlank = lines.filter((l) => l.text.split('').some((c) => !WS.test(c)));
    const last = nonBlank.at(-1);
    // Nothing but whitespace: one edit removes it all (the per-line edits below
    // assume a non-blank line at the end and would claim a newline the last line lacks).
    if (!last) return result(text, text ? [{ rule: 'normalize-whitespace', at: 0, from: text, to: '' }] : []);
    for (const line of lines) {
      const isBlank = !nonBlank.includes(line);
      if (line.index > last.index) continue; // handled below as one trailing edit
      if (isBlank) {
        edits.push({ rule: 'normalize-whitespace', at: line.start, from: line.text + '\n', to: '' });
        continue;
      }
      const chars = [...line.text];
      let offset = line.start;
      const first = chars.findIndex((c) => !WS.test(c));
      const lastIdx = chars.length - 1 - [...chars].reverse().findIndex((c) => !WS.test(c));
      let i = 0;
      while (i < chars.length) {
        if (!WS.test(chars[i])) { offset += chars[i].length; i++; continue; }
        let j = i;
        let run = '';
        while (j < chars.length && WS.test(chars[j])) { run += chars[j]; j++; }
        const edge = i < first || i > lastIdx;
        const nextToCjk = isCjk(chars[i - 1]) || isCjk(chars[j]);
        if (edge || nextToCjk) edits.push({ rule: 'normalize-whitespace', at: offset, from: run, to: '' });
        else if (run !== ' ') edits.push({ rule: 'normalize-whitespace', at: offset, from: run, to: ' ' });
        offset += run.length;
        i = j;
      }
    }
    const end = last.start + last.text.length;
    if (end < text.length) edits.push({ rule: 'normalize-whitespace', at: end, from: text.slice(end), to: '' });
    return result(text, edits);
  },
};
