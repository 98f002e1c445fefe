import { dropLines } from '../ledger.ts';
import type { Rule } from './types.ts';

const WIDGETS: RegExp[] = [
  // 【字体：大中小】【打印】【关闭】 in any arrangement, closed or not.
  /^(【[^】]{0,12}】?\s*){1,4}$/u,
  /^分享到[:：]?.{0,30}$/u,
  /^(微信)?(扫一扫|掃一掃).{0,20}$/u,
  /^(点赞|點贊|收藏|微信订阅号|微信訂閱號|联系客服|聯繫客服|返回顶部|返回頂部|关闭窗口|關閉窗口|打印本页|打印本頁)$/u,
];
const WIDGET_WORDS = /字体|字體|打印|关闭|關閉|分享|扫一扫|掃一掃|点赞|收藏|订阅|訂閱|客服|顶部|頂部|窗口/u;

/** Font-size, print, close, share, QR-code, like and subscribe widgets. */
export function isWidgetLine(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 40 && WIDGET_WORDS.test(t) && WIDGETS.some((re) => re.test(t));
}

export const stripPageWidgets: Rule = {
  name: 'strip-page-widgets',
  label: '删除字号、打印、关闭、分享、二维码、点赞、收藏等网页控件',
  quotable: true,
  apply: (text) => dropLines(text, 'strip-page-widgets', (l) => isWidgetLine(l.text)),
};
