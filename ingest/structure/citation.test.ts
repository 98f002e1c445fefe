/** Citation labels give every level of the numbering, as an official or lawyer writes it. */
import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../manifest.ts';
import { citations } from './citation.ts';
import { parseOutline } from './parse-outline.ts';
import { minimalManifest } from '../test-support/minimal-manifest.ts';

const manifest = manifestSchema.parse(minimalManifest('测试实施方案', '一份用于测试引用标签的实施方案，含三级编号的条款和不分段的说明。'));
const cite = (text: string) => citations(parseOutline(text, manifest, 'fixture.json'));

describe('citation labels', () => {
  it('keeps the middle level when items are numbered straight through a section', () => {
    const c = cite(['三、重点工作任务', '（一）构建新体系', '1.打造高地。', '2.建设集团。', '（二）引领新趋势', '3.发展学科。'].join('\n'));
    expect(c.get('s3')).toBe('第三部分');
    expect(c.get('s3-2')).toBe('第三部分（二）');
    expect(c.get('s3-2-3')).toBe('第三部分（二）第3项');
  });

  it('keeps the middle level when items restart, and carries it to the fourth level', () => {
    const c = cite(['一、总体要求', '（一）目标', '1.到2025年。', '（1）建成体系。', '（二）原则', '1.坚持公益。'].join('\n'));
    expect(c.get('s1-1-1-1')).toBe('第一部分（一）第1项（1）');
    expect(c.get('s1-2-1')).toBe('第一部分（二）第1项');
  });

  it('a skipped level is not invented', () => {
    const c = cite(['二、保障措施', '1.加强领导。'].join('\n'));
    expect(c.get('s2-0-1')).toBe('第二部分第1项');
  });
});
