/**
 * What an encyclopedia mirror (百科) wraps around a policy text: its tab and
 * section labels (基本介绍, 全文, 政策解读, 播报, 编辑 …) and its own lead
 * sentence, "《…》是…发布的文件". None of it is the document's wording.
 *
 * Tab labels are common words, so they go only from a page that shows it is
 * such a mirror: a lead sentence, a 基本介绍 line or an infobox label.
 */
import { dropLines } from '../ledger.ts';
import type { Rule } from './types.ts';

const TABS = new Set([
  '基本介绍',
  '基本介紹',
  '全文',
  '政策解读',
  '政策解讀',
  '播报',
  '播報',
  '编辑',
  '編輯',
  '讨论',
  '討論',
  '上传视频',
  '上傳視頻',
  '有用+1',
  '收藏',
  '查看我的收藏',
  '词条统计',
  '詞條統計',
  '目录',
  '目錄',
  '文件全文',
  '政策原文',
]);
/** 《某某方案》是某某委员会于2023年发布的文件。 — one sentence, the whole line. */
const LEAD =
  /^《?[^《》。]{4,80}》?是[^。]{2,60}?(发布|印发|颁布|制定|出台|發布|發佈|印發|頒布|頒佈|製定)的[^。]{0,12}(文件|通知|方案|政策)[^。]{0,40}[。.]?$/u;
const SIGNAL = /^(基本介绍|基本介紹|中文名|颁布时间|頒布時間|頒佈時間|发布单位|發布單位|發佈單位)/u;

const isTabLine = (t: string) =>
  t.length > 0 &&
  t
    .split(/[\s|｜·]+/u)
    .filter(Boolean)
    .every((w) => TABS.has(w));

export function isEncyclopediaPage(text: string): boolean {
  return text.split('\n').some((l) => LEAD.test(l.trim()) || SIGNAL.test(l.trim()));
}

export const stripEncyclopediaFurniture: Rule = {
  name: 'strip-encyclopedia-furniture',
  label: '删除百科转载页的栏目标签（基本介绍、全文、政策解读等）与导语“……是……发布的文件”',
  quotable: true,
  apply(text) {
    if (!isEncyclopediaPage(text)) return dropLines(text, 'strip-encyclopedia-furniture', () => false);
    return dropLines(text, 'strip-encyclopedia-furniture', (l) => {
      const t = l.text.trim();
      return isTabLine(t) || LEAD.test(t);
    });
  },
};
