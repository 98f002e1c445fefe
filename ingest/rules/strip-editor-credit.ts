import { dropLines } from '../ledger.ts';
import type { Rule } from './types.ts';

/** The roles a web page credits (责任编辑, 校对, the three-tier review 初审/复审/终审, 供稿, 作者 …). */
const ROLE =
  '(?:责任编辑|責任編輯|编辑|編輯|校对|校對|审核|審核|审校|審校|初审|初審|复审|複審|復審|终审|終審|供稿|作者|撰稿|来稿|來稿|监制|監製|责编|責編|美编|美編)';
/**
 * One credit: role, colon, a name of up to 20 characters with no sentence
 * punctuation (so "作者：…。" prose is never a credit).
 */
const ONE = `${ROLE}[:：]\\s*[^\\s:：，。；！？,;]{1,20}`;
/**
 * A standalone credit line: one or more credits, separated by spaces or bars
 * (编辑：张三  审核：李四, 初审：… 复审：… 终审：…). A credit inside a
 * sentence never matches, because the whole line must be credits.
 */
const CREDIT = new RegExp(`^${ONE}(?:[\\s|｜/／]+${ONE})*$`, 'u');

export const isCreditLine = (line: string): boolean => CREDIT.test(line.trim());

/** Web editors' credits (责任编辑：…, 编辑：… 审核：…, 初审/复审/终审, 供稿, 作者), which are not part of the document. */
export const stripEditorCredit: Rule = {
  name: 'strip-editor-credit',
  label: '删除网站编辑署名',
  quotable: true,
  apply: (text) => dropLines(text, 'strip-editor-credit', (l) => isCreditLine(l.text)),
};
