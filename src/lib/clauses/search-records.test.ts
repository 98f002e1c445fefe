/** searchRecords: what search indexes of a document, from its clause data alone. */
import { describe, expect, it } from 'vitest';
import { docInfo, searchRecords, DOC_TITLE_ANCHOR, PARAGRAPH_TITLE } from './search-records.ts';
import type { ClauseRecord } from '../../schemas/clauses.ts';

const info = docInfo('x', { title: '某市 实施方案', year: 2024, region: { province: '山西省' }, kind: '实施方案' });
const long = '各区县：'.repeat(12);
const clauses: ClauseRecord[] = [
  { id: 'tz', kind: 'part', cite: '印发通知', title: '', text: '' },
  { id: 'tz-p1', kind: 'para', parent: 'tz', cite: '印发通知第1段', text: long },
  { id: 'fj1', kind: 'part', cite: '附件1', num: '附件1', title: '某某行动方案', text: '附件1\n某某行动\n方案' },
  {
    id: 's1',
    kind: 'provision',
    parent: 'fj1',
    depth: 1,
    num: '一、',
    title: '总体要求',
    head: 7,
    cite: '附件1第一部分',
    text: '一、总体要求。以人民  健康为中心。\n坚持公益性。',
  },
  { id: 's1-p1', kind: 'para', parent: 's1', cite: '附件1第一部分第1段', text: '坚持公益性。' },
  // A heading line that is all heading (no head: the whole line).
  {
    id: 's1-1',
    kind: 'provision',
    parent: 's1',
    depth: 2,
    num: '（一）',
    title: '目标',
    cite: '附件1第一部分（一）',
    text: '（一）目标',
  },
];

describe('searchRecords', () => {
  const records = searchRecords(info, clauses);
  it('lays out the title, the parts, the provisions, then the paragraphs outside provisions', () => {
    expect(records.map((r) => [r.anchor, r.kind])).toEqual([
      [DOC_TITLE_ANCHOR, 'heading'],
      ['tz', 'heading'],
      ['fj1', 'heading'],
      ['s1', 'provision'],
      ['s1-1', 'provision'],
      ['tz-p1', 'paragraph'],
    ]);
  });
  it('names a part by its label and title lines read as one, else by its supplied label', () => {
    expect(records.find((r) => r.anchor === 'fj1')).toMatchObject({ title: '附件1某某行动方案', cite: '附件1' });
    expect(records.find((r) => r.anchor === 'tz')?.content).toBe('印发通知');
  });
  it('splits a provision’s heading from the rest of its line, then its own paragraphs, spaces collapsed', () => {
    expect(records.find((r) => r.anchor === 's1')).toEqual({
      anchor: 's1',
      kind: 'provision',
      title: '一、总体要求。',
      cite: '附件1第一部分',
      content: '一、总体要求。 以人民 健康为中心。 坚持公益性。',
    });
    expect(records.find((r) => r.anchor === 's1-1')).toMatchObject({ title: '（一）目标', content: '（一）目标' });
  });
  it('titles a paragraph by its opening characters, and files the document by its frontmatter', () => {
    expect(records.at(-1)?.title).toBe(long.slice(0, PARAGRAPH_TITLE));
    expect(records[0]).toMatchObject({ title: '某市 实施方案', cite: '标题' });
    expect(info).toEqual({
      slug: 'x',
      title: '某市 实施方案',
      short: '某市 实施方案',
      date: '',
      year: '2024',
      region: '山西省',
      kind: '实施方案',
      number: '',
    });
  });
});
