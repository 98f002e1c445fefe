/** Character classes shared by the rules. Chinese has no word boundaries, so rules look at neighbours. */
export const HAN = '\\p{Script=Han}';
/** Full-width and CJK punctuation, including the curly quotes Chinese text uses. */
export const CJK_PUNCT = '\\u3000-\\u303f\\uff00-\\uffef“”‘’…—·';
export const isHan = (c: string | undefined): boolean => !!c && /\p{Script=Han}/u.test(c);
export const isCjkPunct = (c: string | undefined): boolean => !!c && /[\u3000-\u303f\uff00-\uffef“”‘’…—·]/u.test(c);
export const isCjk = (c: string | undefined): boolean => isHan(c) || isCjkPunct(c);
/** Spaces that web pages leave around Chinese text: ASCII, tab, no-break and ideographic. */
export const SPACE = '[ \\t\\u00a0\\u3000\\u2002\\u2003\\u200b]';
