import { dropLines } from '../ledger.ts';
import type { Rule } from './types.ts';

const LINK = /^(政策解读|政策解讀|相关链接|相關鏈接|相关解读|相關解讀|上一篇|下一篇|图解|圖解)[:：]/u;

export const isRelatedLink = (line: string): boolean => LINK.test(line.trim());

/** Links the page put next to the text: 政策解读：…, 上一篇：…, 下一篇：… */
export const stripRelatedLinks: Rule = {
  name: 'strip-related-links',
  label: '删除“政策解读”“上一篇/下一篇”等页面链接',
  quotable: true,
  apply: (text) => dropLines(text, 'strip-related-links', (l) => isRelatedLink(l.text)),
};
