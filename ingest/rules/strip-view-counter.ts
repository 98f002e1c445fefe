import { dropLines } from '../ledger.ts';
import type { Rule } from './types.ts';

const COUNTER =
  /^(浏览量|瀏覽量|浏览次数|瀏覽次數|阅读量|閱讀量|访问量|訪問量|点击数|點擊數|阅读次数)[:：]?\s*[\d,]*\s*次?$/u;

export const isCounterLine = (line: string): boolean => COUNTER.test(line.trim());

/** Page-view counters such as 浏览量：次 (often empty once scripts are gone). */
export const stripViewCounter: Rule = {
  name: 'strip-view-counter',
  label: '删除浏览量计数',
  quotable: true,
  apply: (text) => dropLines(text, 'strip-view-counter', (l) => isCounterLine(l.text)),
};
