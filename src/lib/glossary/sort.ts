/** Pinyin order for Chinese terms (Latin abbreviations such as DRG sort by their letters). */
const collator = new Intl.Collator('zh-CN-u-co-pinyin', { sensitivity: 'base', numeric: true });
export const byPinyin =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    collator.compare(key(a), key(b));
