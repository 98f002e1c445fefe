import { dropLines } from '../ledger.ts';
import type { Rule } from './types.ts';

/** A menu entry: a few Han characters, maybe with the pinyin notes the scraper added. */
const ENTRY = /^[\p{Script=Han}()a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{2,20}$/u;

/**
 * A site navigation bar: one line of four or more short space-separated
 * entries and no sentence punctuation (e.g. 走进鹤山 政务动态 政务公开 …).
 */
export function isMenuLine(line: string): boolean {
  const t = line.trim();
  if (/[。，；：、]/u.test(t)) return false;
  const entries = t.split(/[\s\u00a0\u3000|｜]+/u).filter(Boolean);
  return entries.length >= 4 && entries.every((e) => ENTRY.test(e));
}

export const stripSiteMenu: Rule = {
  name: 'strip-site-menu',
  label: '删除网站导航栏',
  quotable: true,
  apply: (text) => dropLines(text, 'strip-site-menu', (l) => isMenuLine(l.text)),
};
