/** The outline derived from clause data, and tocLabel: how outlines and breadcrumbs name a provision. */
import { describe, expect, it } from 'vitest';
import { ancestors, outline, tocLabel } from './outline.ts';
import type { ClauseRecord } from '../../schemas/clauses.ts';

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

describe('outline', () => {
  const clauses: ClauseRecord[] = [
    { id: 'tz', kind: 'part', cite: '印发通知', title: '', text: '' },
    { id: 'tz-p1', kind: 'para', parent: 'tz', cite: '印发通知第1段', text: '各市：' },
    { id: 'zw', kind: 'part', cite: '正文', title: '某某实施方案', text: '某某实施方案' },
    {
      id: 's1',
      kind: 'provision',
      parent: 'zw',
      depth: 1,
      num: '一、',
      title: '总体要求',
      cite: '第一部分',
      text: '一、总体要求',
    },
    { id: 's1-p1', kind: 'para', parent: 's1', cite: '第一部分第1段', text: '以人民健康为中心。' },
    {
      id: 's1-1',
      kind: 'provision',
      parent: 's1',
      depth: 2,
      num: '（一）',
      title: '目标',
      cite: '第一部分（一）',
      text: '（一）目标。（市卫健委牵头）',
      agencies: { raw: '（市卫健委牵头）', lead: ['市卫健委'], partners: [] },
      aliases: ['s1-a'],
    },
    { id: 'fj1', kind: 'part', cite: '附件1', num: '附件1', title: '', text: '附件1' },
    {
      id: 'fj1-s1',
      kind: 'provision',
      parent: 'fj1',
      depth: 1,
      num: '一、',
      title: '任务',
      cite: '附件1第一部分',
      text: '一、任务',
    },
    { id: 'p9', kind: 'provision', depth: 1, num: '二、', title: '其他', cite: '第二部分', text: '二、其他' },
  ];
  const o = outline(clauses);

  it('keeps parts and provisions in document order, never unnumbered paragraphs', () => {
    expect(o.map((p) => p.id)).toEqual(['tz', 'zw', 's1', 's1-1', 'fj1', 'fj1-s1', 'p9']);
  });
  it('names a part by its title, else its label line, else its (supplied) label; its number is its label', () => {
    expect(o.map((p) => (p.depth === 0 ? [p.num, p.label, p.title] : null)).filter(Boolean)).toEqual([
      ['印发通知', undefined, '印发通知'],
      ['正文', undefined, '某某实施方案'],
      ['附件1', '附件1', '附件1'],
    ]);
    expect(tocLabel(o[0])).toBe('印发通知');
    expect(tocLabel(o[4])).toBe('附件1');
  });
  it('gives each provision its parent, the part it is in at any depth, its agencies and old anchors', () => {
    const s11 = o.find((p) => p.id === 's1-1')!;
    expect(s11).toMatchObject({ parent: 's1', part: '正文', depth: 2, cite: '第一部分（一）', aliases: ['s1-a'] });
    expect(s11.agencies?.lead).toEqual(['市卫健委']);
    expect(o.find((p) => p.id === 'fj1-s1')).toMatchObject({ parent: 'fj1', part: '附件1' });
    // Outside any declared part: no parent, no part.
    expect(o.find((p) => p.id === 'p9')).toEqual({ id: 'p9', depth: 1, num: '二、', title: '其他', cite: '第二部分' });
  });
  it('walks up the chain of parents', () => {
    const byId = new Map(o.map((p) => [p.id, p]));
    expect(ancestors(byId.get('s1-1')!, byId).map((p) => p.id)).toEqual(['zw', 's1']);
  });
});
