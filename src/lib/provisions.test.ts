/** tocLabel: how outlines and breadcrumbs name a provision, the regulation's number set apart as printed. */
import { describe, expect, it } from 'vitest';
import { tocLabel } from './provisions.ts';

const p = (num: string, title: string, depth = 1) => ({ id: 'x', depth, num, title, cite: '' });

describe('tocLabel', () => {
  it('joins an outline number to its title, and sets a regulation number apart with a full-width space', () => {
    expect(tocLabel(p('三、', '重点工作任务'))).toBe('三、重点工作任务');
    expect(tocLabel(p('第一章', '总则'))).toBe('第一章　总则');
    expect(tocLabel(p('第一百二十条', '本办法自发布之日起施行', 3))).toBe('第一百二十条　本办法自发布之日起施行');
    expect(tocLabel(p('第二条', '', 3))).toBe('第二条');
  });
  it('names a part by label and title', () => {
    expect(tocLabel(p('附件1', '某某方案', 0))).toBe('附件1　某某方案');
  });
});
