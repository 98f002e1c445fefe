import { dropLines } from '../ledger.ts';
import type { Rule } from './types.ts';

const COPYRIGHT =
  /^(版权声明|版權聲明|免责声明|免責聲明)([:：].{0,60})?$|^(版权所有|版權所有|Copyright|©)|不允许二次传播|不允許二次傳播|^(本站|本网|本文|本網)?.{0,6}未经(书面)?(许可|授权).{0,10}(转载|轉載)/iu;

export const isCopyrightLine = (line: string): boolean => COPYRIGHT.test(line.trim());

/** Site copyright and disclaimer boilerplate. */
export const stripCopyright: Rule = {
  name: 'strip-copyright',
  label: '删除网站版权声明',
  quotable: true,
  apply: (text) => dropLines(text, 'strip-copyright', (l) => isCopyrightLine(l.text)),
};
