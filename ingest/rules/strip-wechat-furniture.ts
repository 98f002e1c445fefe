import { dropLines, type Line } from '../ledger.ts';
import type { Rule } from './types.ts';

/**
 * Lines a WeChat public-account (微信公众号) article page carries around the
 * text: the follow prompt, the like/share bar, the "read the original" link,
 * the swipe hints. Each pattern is a whole line (both scripts), so a policy
 * sentence with 阅读 or 关注 in it never matches.
 */
const FIXED: RegExp[] = [
  /^点击(上方)?\s*(蓝字|藍字)\s*(关注|關注)(我们|我們)?$/u,
  /^(关注|關注)(我们|我們)$/u,
  /^(阅读原文|閱讀原文|轻触阅读原文|輕觸閱讀原文)$/u,
  /^(阅读|閱讀)\s*(\d+|\d+(\.\d+)?万\+?|10万\+)$/u,
  // The action bar: 分享 收藏 点赞 在看 in any order, with counts: two entries at least, or
  // 在看 (WeChat's own word); a lone 点赞 or 收藏 is strip-page-widgets' (any page has them).
  /^((分享|收藏|点赞|點贊|在看|赞|讚|喜欢|喜歡|写留言|寫留言|留言)(\s*\d+)?\s+){1,5}(分享|收藏|点赞|點贊|在看|赞|讚|喜欢|喜歡|写留言|寫留言|留言)(\s*\d+)?$/u,
  /^在看(\s*\d+)?$/u,
  /^(喜欢此内容的人还喜欢|喜歡此內容的人還喜歡)$/u,
  /^微信扫一扫(关注该公众号|可打开此内容，?使用完整服务)$/u,
  /^微信掃一掃(關注該公眾號|可打開此內容，?使用完整服務)$/u,
  /^(预览时标签不可点|預覽時標籤不可點)$/u,
  /^(继续滑动看下一个|繼續滑動看下一個|向上滑动看下一个|向上滑動看下一個)$/u,
  /^(精选留言|精選留言|已无更多数据|知道了)$/u,
];
/** The article stamp: 2023-08-16 09:30 发表于四川 (date, optional time, the poster's province). */
const STAMP = /^\d{4}-\d{1,2}-\d{1,2}(\s+\d{1,2}:\d{2})?\s*(发表于|發表於)\s*\S{1,8}$/u;
/** 原创 alone or with the author / account name: 原创 绵阳市医疗保障局. */
const ORIGINAL = /^(原创|原創)(\s+[^\s。；，]{1,20}){0,3}$/u;
/** The list under 喜欢此内容的人还喜欢: article titles, each one short line. */
const TAIL_HEADER = /^(喜欢此内容的人还喜欢|喜歡此內容的人還喜歡)$/u;
const TAIL_TITLE_MAX = 80;
/** The account name between the header marks: short, no sentence punctuation, no quoted title. */
const ACCOUNT = /^[^\s。；，：、《》（）]{2,20}$/u;
/** How far into the page the header marks are looked for. */
const HEAD_LINES = 12;

const isFixed = (t: string) => FIXED.some((re) => re.test(t));
const isHeaderMark = (t: string) =>
  STAMP.test(t) || ORIGINAL.test(t) || (/^点击(上方)?\s*(蓝字|藍字)/u.test(t) && isFixed(t));

/** Indexes of the lines to drop. */
export function wechatFurniture(lines: Line[]): Set<number> {
  const hit = new Set<number>();
  for (const l of lines) if (isFixed(l.text.trim())) hit.add(l.index);

  // Header: from the first to the last header mark among the page's first lines;
  // the account name between them goes too.
  const head = lines.slice(0, HEAD_LINES);
  const marks = head.filter((l) => isHeaderMark(l.text.trim())).map((l) => l.index);
  if (marks.length > 0) {
    for (let i = marks[0]; i <= marks.at(-1)!; i++) {
      const t = lines[i].text.trim();
      if (isHeaderMark(t) || ACCOUNT.test(t)) hit.add(i);
    }
  }

  // Tail: the "you may also like" titles after their header, to the end of the page.
  const tail = lines.findIndex((l) => TAIL_HEADER.test(l.text.trim()));
  if (tail !== -1) {
    for (let i = tail + 1; i < lines.length; i++) {
      const t = lines[i].text.trim();
      if (t.length > TAIL_TITLE_MAX) break;
      if (t !== '') hit.add(i);
    }
  }
  return hit;
}

/** WeChat public-account article furniture (关注我们, 原创 + 发表于 stamp, 阅读原文, 在看, 喜欢此内容的人还喜欢 …). */
export const stripWechatFurniture: Rule = {
  name: 'strip-wechat-furniture',
  label: '删除微信公众号页面元素（关注提示、发表时间、阅读原文、在看、推荐文章等）',
  quotable: true,
  apply(text) {
    let hit: Set<number> | undefined;
    return dropLines(text, 'strip-wechat-furniture', (l, lines) => (hit ??= wechatFurniture(lines)).has(l.index));
  },
};
