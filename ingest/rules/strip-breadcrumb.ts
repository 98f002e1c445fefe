/**
 * The page's breadcrumb trail: 当前位置：首页 > 政务公开 > 政策文件, or a run of
 * short entries joined by > or ». Site navigation, not the document.
 */
import { dropLines } from '../ledger.ts';
import type { Rule } from './types.ts';

const LABELED = /^(当前位置|當前位置|您的位置|您现在的位置|您現在的位置|你的位置|你现在的位置)[:：]/u;
const TRAIL = /^[^。，；>»＞]{1,12}(\s*[>»＞]\s*[^。，；>»＞]{1,16}){2,}$/u;

export function isBreadcrumb(line: string): boolean {
  const t = line.trim();
  return t.length <= 80 && (LABELED.test(t) || TRAIL.test(t));
}

export const stripBreadcrumb: Rule = {
  name: 'strip-breadcrumb',
  label: '删除网页的“当前位置”导航路径',
  quotable: true,
  apply: (text) => dropLines(text, 'strip-breadcrumb', (l) => isBreadcrumb(l.text)),
};
