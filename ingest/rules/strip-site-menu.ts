import { dropLines } from '../ledger.ts';
import type { Rule } from './types.ts';

/** A menu entry: a few Han characters, maybe with the pinyin notes the scraper added. */
const ENTRY = /^[\p{Script=Han}()a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{2,20}$/u;
/** An agency name, as in the signature of a joint document. */
const AGENCY = /(委|局|办|辦|厅|廳|部|府|院|会|會|署|处|處|中心|小组|小組)$/u;

/**
 * A site navigation bar: one line of four or more short space-separated
 * entries and no sentence punctuation (e.g. 走进鹤山 政务动态 政务公开 …).
 */
export function isMenuLine(line: string): boolean {
  const t = line.trim();
  if (/[。，；：、]/u.test(t)) return false;
  const entries = t.split(/[\s\u00a0\u3000|｜]+/u).filter(Boolean);
  if (entries.length < 4 || !entries.every((e) => ENTRY.test(e))) return false;
  // The signature of a joint document (国家卫生健康委 国家发展改革委 财政部 …) is
  // a row of agency names: keep it. A menu names sections, not agencies.
  return entries.filter((e) => AGENCY.test(e)).length * 2 < entries.length;
}

export const stripSiteMenu: Rule = {
  name: 'strip-site-menu',
  label: '删除网站导航栏',
  quotable: true,
  apply: (text) => dropLines(text, 'strip-site-menu', (l) => isMenuLine(l.text)),
};
