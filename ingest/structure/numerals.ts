const DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Chinese numerals as used in outline numbering (一 … 九十九) to numbers; NaN otherwise. */
export function chineseToNumber(s: string): number {
  if (!/^[一二三四五六七八九十]+$/u.test(s)) return NaN;
  if (s === '十') return 10;
  const [tens, units] = s.includes('十') ? s.split('十') : ['', s];
  if (s.includes('十')) return (tens ? DIGIT[tens] : 1) * 10 + (units ? DIGIT[units] : 0);
  return units.length === 1 ? DIGIT[units] : NaN;
}
