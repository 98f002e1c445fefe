/** Citation labels give every level of the numbering, as an official or lawyer writes it. */
import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../manifest.ts';
import { citations } from './citation.ts';
import { parseOutline } from './parse-outline.ts';
import { minimalManifest } from '../test-support/minimal-manifest.ts';

const manifest = manifestSchema.parse(
  minimalManifest('测试实施方案', '一份用于测试引用标签的实施方案，含三级编号的条款和不分段的说明。'),
);
const cite = (text: string) => citations(parseOutline(text, manifest, 'fixture.json'));

describe('citation labels', () => {
  it('keeps the middle level when items are numbered straight through a section', () => {
    const c = cite(
      ['三、重点工作任务', '（一）构建新体系', '1.打造高地。', '2.建设集团。', '（二）引领新趋势', '3.发展学科。'].join(
        '\n',
      ),
    );
    expect(c.get('s3')).toBe('第三部分');
    expect(c.get('s3-2')).toBe('第三部分（二）');
    expect(c.get('s3-2-3')).toBe('第三部分（二）第3项');
  });

  it('keeps the middle level when items restart, and carries it to the fourth level', () => {
    const c = cite(
      ['一、总体要求', '（一）目标', '1.到2025年。', '（1）建成体系。', '（二）原则', '1.坚持公益。'].join('\n'),
    );
    expect(c.get('s1-1-1-1')).toBe('第一部分（一）第1项（1）');
    expect(c.get('s1-2-1')).toBe('第一部分（二）第1项');
  });

  it('a skipped level is not invented', () => {
    const c = cite(['二、保障措施', '1.加强领导。'].join('\n'));
    expect(c.get('s2-0-1')).toBe('第二部分第1项');
  });
});

describe('citation labels of a regulation', () => {
  const c = cite(
    [
      '第一章　总则',
      '第一条　为加强管理，制定本办法。',
      '第二条　本办法适用于本市。',
      '本款为第二款。',
      '第三章　监督检查',
      '第二节　专项检查',
      '第八条　可以采取下列措施：',
      '（一）进入现场检查；',
      '1.查阅病历；',
      '2.询问人员：',
      '（1）当面询问。',
      '第一百二十条　本办法自发布之日起施行。',
    ].join('\n'),
  );
  it('cites chapters and sections by their numbers, articles without their chapter', () => {
    expect(c.get('c1')).toBe('第一章');
    expect(c.get('c3-j2')).toBe('第三章第二节');
    expect(c.get('a8')).toBe('第八条');
    expect(c.get('a120')).toBe('第一百二十条');
  });
  it('cites the items of an article as 项 and 目, and its further paragraphs as 款', () => {
    expect(c.get('a8-1')).toBe('第八条第（一）项');
    expect(c.get('a8-1-2')).toBe('第八条第（一）项第2目');
    expect(c.get('a8-1-2-1')).toBe('第八条第（一）项第2目（1）');
    expect(c.get('a2-p1')).toBe('第二条第二款');
  });
  it('an article in an attachment is cited with the attachment', () => {
    const m = manifestSchema.parse({
      ...manifest,
      parts: [
        { id: 'zw', label: '方案', kind: 'main', start: '某某方案', titleLines: 1 },
        { id: 'fj1', label: '附件1', kind: 'attachment', start: '附件1', titleLines: 2 },
      ],
    });
    const cs = citations(
      parseOutline(
        [
          '某某方案',
          '一、总体要求',
          '附件1',
          '某某办法',
          '第一章　总则',
          '第一条　为规范管理，制定本办法。',
          '（一）适用范围。',
        ].join('\n'),
        m,
        'fixture.json',
      ),
    );
    expect([cs.get('fj1-c1'), cs.get('fj1-a1'), cs.get('fj1-a1-1'), cs.get('s1')]).toEqual([
      '附件1第一章',
      '附件1第一条',
      '附件1第一条第（一）项',
      '第一部分',
    ]);
  });
});
