const DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 两: 2 };

/**
 * Chinese numerals as used in outline numbering to numbers: 一 … 九十九 (一、
 * （十二）), and up to 九百九十九 for articles (第一百二十条, 第一百零五条,
 * 第二百条); NaN for anything else (a bare run of digits such as 一二三).
 */
export function chineseToNumber(s: string): number {
  if (!/^[一二三四五六七八九十百零〇两]+$/u.test(s)) return NaN;
  let rest = s;
  let total = 0;
  const hundred = /^([一二三四五六七八九两])百/u.exec(rest);
  if (hundred) {
    total += DIGIT[hundred[1]] * 100;
    rest = rest.slice(hundred[0].length);
    if (rest === '') return total;
    // 一百零五: the 零 stands for the missing tens; 一百一十 / 一百十 both read 110.
    if (/^[零〇][一二三四五六七八九]$/u.test(rest)) return total + DIGIT[rest[1]];
    if (rest.startsWith('十')) rest = `一${rest}`;
  }
  if (/[百零〇]/u.test(rest)) return NaN;
  if (rest === '十') return total + 10;
  if (rest.includes('十')) {
    const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/u.exec(rest);
    if (!m) return NaN;
    return total + (m[1] ? DIGIT[m[1]] : 1) * 10 + (m[2] ? DIGIT[m[2]] : 0);
  }
  return rest.length === 1 && rest !== '两' ? total + DIGIT[rest] : NaN;
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 … 999 as Chinese numerals, the way regulations count (第二款, 第一百零五条); for citation labels. */
export function numberToChinese(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let s = h ? `${CN[h]}百` : '';
  if (t) s += `${h || t > 1 ? CN[t] : ''}十`;
  else if (h && u) s += '零';
  return s + CN[u];
}
