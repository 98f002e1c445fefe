import { editMatches } from '../ledger.ts';
import type { Rule } from './types.ts';

/**
 * Pinyin notes a converter wrote after characters, e.g. 政務(wù). Only a
 * bracketed run of lower-case pinyin letters straight after a Han character
 * goes, and only if it carries a tone mark; (DRG), (2018年版) and (一) never match.
 */
const PINYIN = /(?<=\p{Script=Han})\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7})\)/gu;
/** The converter always wrote tone marks; (min) or (km) have none and stay. */
const TONE = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/u;

export const removePinyin: Rule = {
  name: 'remove-pinyin',
  label: '删除字后的拼音注音，如“政務(wù)”',
  quotable: true,
  apply: (text) => editMatches(text, 'remove-pinyin', PINYIN, (m) => (TONE.test(m[1]) ? '' : null)),
};
