import { dropLines } from '../ledger.ts';
import type { Rule } from './types.ts';

const STAMP = [
  /^\d{1,2}\/\d{1,2}$/u,
  /^\d{1,2}:\d{2}(:\d{2})?$/u,
  /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?$/u,
  /^(发布时间|發布時間|发布日期|發布日期)[:：].{0,30}$/u,
];
/** A bare year (2025) counts only when a month/day piece (02/17) follows it. */
const YEAR = /^\d{4}$/u;
const MONTH_DAY = /^\d{1,2}\/\d{1,2}$/u;

/**
 * The page's publication stamp, which sites print as loose date and time
 * pieces (2025 / 02/17 / 18:43). Dates written in Chinese (2019年10月13日)
 * belong to the document and are never matched.
 */
export const isStampLine = (line: string): boolean => STAMP.some((re) => re.test(line.trim()));

export const stripPublishStamp: Rule = {
  name: 'strip-publish-stamp',
  label: '删除网页发布时间戳（公文落款日期不受影响）',
  quotable: true,
  apply: (text) =>
    dropLines(
      text,
      'strip-publish-stamp',
      (l, lines) =>
        isStampLine(l.text) || (YEAR.test(l.text.trim()) && MONTH_DAY.test(lines[l.index + 1]?.text.trim() ?? '')),
    ),
};
