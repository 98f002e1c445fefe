import { dropLines } from '../ledger.ts';
import type { Rule } from './types.ts';

/**
 * Injected porn/gambling spam. A line goes only when it carries at least two
 * distinct spam markers and no 。, so a policy sentence that happens to
 * contain some of these characters (坚持久久为功，打造亚洲一流…。) is never touched.
 */
const MARKERS = [
  /无码|無碼/u,
  /[AＡ][VＶⅤ]/u,
  /久久/u,
  /(国产|國產).{0,6}精品|精品.{0,6}(国产|國產)/u,
  /亚洲|亞洲/u,
  /欧美|歐美/u,
  /在线观看|在線觀看|免费看|免費看/u,
  /成人(视频|影片|电影)/u,
  /色情|黄色(网站|视频)/u,
  /(博彩|赌场|百家乐|六合彩)/u,
];

export function isSpamLine(line: string): boolean {
  // A policy sentence ends with 。; spam keyword strings never do.
  if (line.includes('。')) return false;
  return MARKERS.filter((re) => re.test(line)).length >= 2;
}

export const stripSpam: Rule = {
  name: 'strip-spam',
  label: '删除植入的色情、赌博垃圾文字（不在报告中复述）',
  quotable: false,
  apply: (text) => dropLines(text, 'strip-spam', (l) => isSpamLine(l.text)),
};
