import { dropLines } from '../ledger.ts';
import type { Rule } from './types.ts';

const CREDIT = /^(责任编辑|責任編輯|编辑|編輯|校对|校對|审核|審核|审校|審校)[:：]\s*\S{1,20}$/u;

export const isCreditLine = (line: string): boolean => CREDIT.test(line.trim());

/** Web editors' credits (责任编辑：…), which are not part of the document. */
export const stripEditorCredit: Rule = {
  name: 'strip-editor-credit',
  label: '删除网站编辑署名',
  quotable: true,
  apply: (text) => dropLines(text, 'strip-editor-credit', (l) => isCreditLine(l.text)),
};
