import { type Edit, result, splitLines } from '../ledger.ts';
import { isCjk } from './chars.ts';
import { isOutlineSeparator } from './outline-number-space.ts';
import type { Rule } from './types.ts';

// One character at a time (tested on single characters): the zero-width joiner stands apart so the class holds no joined sequence.
const WS = /[ \t\u00a0\u3000\u2002\u2003\u200b\u200c\ufeff]|\u200d/u;

/**
 * Where a space between Chinese is part of the text: between joint issuers
 * (吉林省医疗保障局 吉林省卫生健康委员会) and in titles naming them
 * (《中共中央 国务院关于…》). The left side ends in the name of a body, the
 * right side starts one (国务院, 中共…, or a name ending in a body before 关于 or
 * the line's end). A space inside a word (卫生 共同体, 党 的) has neither.
 */
const BODY_END = /(人民政府|政府|办公厅|办公室|委员会|卫健委|医保局|总局|局|厅|委|部|署|院|中心|中央|党委|党组|办)$/u;
const BODY_START =
  /^(国务院|中共|中央|全国人大|全国政协|[\p{Script=Han}]{2,24}?(人民政府|政府|办公厅|办公室|委员会|卫健委|医保局|总局|局|厅|委|部|署|院|中心|党委|党组)(?=关于|联合|$|[^\p{Script=Han}]))/u;
/** The 版记's printing line sets the office apart from the date it printed on: 某某办公室　　2024年3月6日印发. */
const PRINTED_ON = /^(\d{4}|[〇零一二三四五六七八九]{4})年\d{1,2}月\d{1,2}日印发$/u;
const hanRun = (chars: string[], from: number, step: 1 | -1): string => {
  let s = '';
  for (let k = from; k >= 0 && k < chars.length && /\p{Script=Han}/u.test(chars[k]); k += step)
    s = step === 1 ? s + chars[k] : chars[k] + s;
  return s;
};

/** Whether the space run chars[i..j) separates two named bodies and so stays. */
export function isMeaningfulSpace(chars: string[], i: number, j: number): boolean {
  const left = hanRun(chars, i - 1, -1);
  const right = hanRun(chars, j, 1);
  if (left.length >= 2 && BODY_END.test(left) && PRINTED_ON.test(chars.slice(j).join(''))) return true;
  return left.length >= 2 && BODY_END.test(left) && BODY_START.test(right);
}

/** The spaces normalize-whitespace keeps, for the review: line (0-based) and the words around. */
export function meaningfulSpaces(text: string): { line: number; around: string }[] {
  const out: { line: number; around: string }[] = [];
  text.split('\n').forEach((l, line) => {
    const chars = [...l];
    for (let i = 0; i < chars.length; i++) {
      if (!WS.test(chars[i]) || (i > 0 && WS.test(chars[i - 1]))) continue;
      let j = i;
      while (j < chars.length && WS.test(chars[j])) j++;
      // The printing line of a 版记 has a date, not a name, after the gap.
      if (isMeaningfulSpace(chars, i, j))
        out.push({
          line,
          around: `${hanRun(chars, i - 1, -1)} ${hanRun(chars, j, 1) || chars.slice(j, j + 14).join('')}`,
        });
    }
  });
  return out;
}

/**
 * One paragraph per line: lines are trimmed, blank lines dropped, and spaces
 * next to Chinese removed (Chinese is written without spaces; web pages leave
 * indentation and stray spaces). Spaces between Latin words stay, and so do
 * the spaces that separate named bodies (see isMeaningfulSpace) and the
 * full-width space after a regulation's 第X章/节/条 (outline-number-space).
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
        if (!WS.test(chars[i])) {
          offset += chars[i].length;
          i++;
          continue;
        }
        let j = i;
        let run = '';
        while (j < chars.length && WS.test(chars[j])) {
          run += chars[j];
          j++;
        }
        const edge = i < first || i > lastIdx;
        const nextToCjk = isCjk(chars[i - 1]) || isCjk(chars[j]);
        // The separator outline-number-space wrote after 第X章/节/条 (第一章　总则) stays.
        if (!edge && isOutlineSeparator(chars, i, j)) {
          /* kept */
        } else if (!edge && isMeaningfulSpace(chars, i, j)) {
          if (run !== ' ') edits.push({ rule: 'normalize-whitespace', at: offset, from: run, to: ' ' });
        } else if (edge || nextToCjk) edits.push({ rule: 'normalize-whitespace', at: offset, from: run, to: '' });
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
