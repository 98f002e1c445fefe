import { type Edit, result, splitLines } from '../ledger.ts';
import type { Rule } from './types.ts';

/**
 * A regulation's number and its text are printed apart: 第一章　总则,
 * 第一条　为加强…. Web pages give that gap as one or more spaces (ASCII,
 * no-break, full-width). It is a separator, not a stray space in Chinese, so it
 * is kept, written the one way official texts set it: one full-width space
 * (U+3000). normalize-whitespace, which runs next, leaves exactly that space
 * alone (isOutlineSeparator). Only the gap right after a line's leading
 * 第X章 / 第X节 / 第X条 is touched; a number without a gap stays without one.
 */
const NUMBER = /^[ \t\u00a0\u3000]*(第[一二三四五六七八九十百零〇两]+[章节条])([ \t\u00a0\u3000\u2002\u2003]+)(?=\S)/u;
export const SEPARATOR = '\u3000';

/** Whether chars[i..j) of a line is the separator after its leading 第X章/节/条, as this rule writes it. */
export function isOutlineSeparator(chars: string[], i: number, j: number): boolean {
  if (chars.slice(i, j).join('') !== SEPARATOR) return false;
  const before = chars
    .slice(0, i)
    .join('')
    .replace(/^[ \t\u00a0\u3000]+/u, '');
  return /^第[一二三四五六七八九十百零〇两]+[章节条]$/u.test(before) && j < chars.length;
}

export const outlineNumberSpace: Rule = {
  name: 'outline-number-space',
  label: '条款编号（第X章、第X节、第X条）与正文之间的空格统一为一个全角空格',
  quotable: true,
  apply(text) {
    const edits: Edit[] = [];
    for (const line of splitLines(text)) {
      const m = NUMBER.exec(line.text);
      if (!m || m[2] === SEPARATOR) continue;
      // The edit spans the number too, so the review reads "第一条 " → "第一条　", not a bare space.
      const at = line.start + m[0].length - m[2].length - m[1].length;
      edits.push({ rule: 'outline-number-space', at, from: m[1] + m[2], to: m[1] + SEPARATOR });
    }
    return result(text, edits);
  },
};
