import { dropLines, splitLines } from '../ledger.ts';
import type { Rule } from './types.ts';

const HEADER = /^(相关文章|相關文章|相关阅读|相關閱讀|相关新闻|相關新聞|推荐阅读|推薦閱讀|猜你喜欢|猜你喜歡)[:：]?$/u;
const DATE_ONLY = /^\d{4}-\d{1,2}-\d{1,2}$/u;
const TITLE =
  /^(\d{4}-\d{1,2}-\d{1,2})?[^。；]{4,80}(通知|方案|意见|意見|决定|決定|计划|計劃|办法|辦法|规定|規定|规划|規劃|报告|報告|公告|细则|細則)$/u;
/**
 * The document's own lists look like titles too: an attachment list (附件：1.…方案)
 * or numbered items (2.…办法, （三）…细则) at the end of a notice are content.
 */
const NUMBERED = /^(附件|\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)/u;

/**
 * A "related articles" list at the foot of the page: a run of three or more
 * article titles and dates (2024-06-13关于…的通知) at the very end of the
 * text, optionally under a 相关文章 header. Only the tail is searched, so a
 * title cited inside the document is never touched.
 */
export function relatedTail(text: string): Set<number> {
  const lines = splitLines(text);
  const hit = new Set<number>();
  let titles = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const t = lines[i].text.trim();
    if (t === '') {
      hit.add(i);
      continue;
    }
    if (DATE_ONLY.test(t) || (TITLE.test(t) && !NUMBERED.test(t))) {
      hit.add(i);
      titles++;
      continue;
    }
    if (HEADER.test(t)) hit.add(i);
    break;
  }
  return titles >= 3 ? hit : new Set();
}

export const stripRelatedArticles: Rule = {
  name: 'strip-related-articles',
  label: '删除页脚“相关文章”列表',
  quotable: true,
  apply(text) {
    const tail = relatedTail(text);
    return dropLines(text, 'strip-related-articles', (l) => tail.has(l.index) && l.text.trim() !== '');
  },
};
