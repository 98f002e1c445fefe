import { type Edit, result } from '../ledger.ts';
import { isCjk } from './chars.ts';
import type { Rule } from './types.ts';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）' };

/**
 * Half-width , ; : ( ) in Chinese text become full-width. A mark converts
 * only with Chinese on at least one side, so 1:2, 1:1.14 and ASCII stay as
 * they are; brackets convert in pairs, so (DRG) inside Chinese becomes （DRG）.
 */
export const normalizePunctuation: Rule = {
  name: 'normalize-punctuation',
  label: '中文语境中的半角标点改为全角',
  quotable: true,
  apply(text) {
    const edits: Edit[] = [];
    const chars = [...text];
    const offsets: number[] = [];
    let o = 0;
    for (const c of chars) {
      offsets.push(o);
      o += c.length;
    }
    const push = (i: number) =>
      edits.push({ rule: 'normalize-punctuation', at: offsets[i], from: chars[i], to: FULL[chars[i]] });
    const open: number[] = [];
    chars.forEach((c, i) => {
      if (c === '\n') open.length = 0;
      if (c === '(') open.push(i);
      else if (c === ')') {
        const j = open.pop();
        if (j === undefined) {
          if (isCjk(chars[i - 1]) || isCjk(chars[i + 1])) push(i);
          return;
        }
        const inner = chars.slice(j + 1, i).join('');
        if (/[\p{Script=Han}\uff08\uff09]/u.test(inner) || isCjk(chars[j - 1]) || isCjk(chars[i + 1])) {
          push(j);
          push(i);
        }
      } else if (c === ',' || c === ';') {
        if (isCjk(chars[i - 1]) || isCjk(chars[i + 1])) push(i);
      } else if (c === ':') {
        // 1:2 is a ratio; only a colon after Chinese (责任单位:) is punctuation.
        if (isCjk(chars[i - 1])) push(i);
      }
    });
    // Unpaired opening brackets after Chinese.
    for (const j of open) if (isCjk(chars[j - 1]) || isCjk(chars[j + 1])) push(j);
    return result(text, edits);
  },
};
