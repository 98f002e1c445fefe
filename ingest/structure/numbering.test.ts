/** Numbering forms beyond 1.: 1、 and 1． (full-width), and items past 99. */
import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../manifest.ts';
import { parseOutline, provisions } from './parse-outline.ts';
import { minimalManifest } from '../test-support/minimal-manifest.ts';

const manifest = manifestSchema.parse(
  minimalManifest('编号测试用文件', '仅供大纲解析编号形式测试使用的最小清单，不对应真实文件。'),
);
const ids = (text: string) =>
  parseOutline(text, manifest, 'x.json').parts.flatMap((p) =>
    [...provisions(p.children)].map((n) => `${n.id} ${n.num}`),
  );

describe('outline numbering forms', () => {
  it('reads 1、 and 1． as the third level, like 1.', () => {
    expect(
      ids(
        '一、主要任务\n1、组建县域医共体。以县医院为牵头。\n2、推进一体化管理。\n二、保障措施\n1．加强组织领导。\n2．强化考核。',
      ),
    ).toEqual(['s1 一、', 's1-0-1 1、', 's1-0-2 2、', 's2 二、', 's2-0-1 1．', 's2-0-2 2．']);
  });

  it('numbers items past 99', () => {
    const list = Array.from({ length: 120 }, (_, i) => `${i + 1}.病种${i + 1}`).join('\n');
    const got = ids(`一、病种目录\n${list}`);
    expect(got.at(-1)).toBe('s1-0-120 120.');
    expect(got).toContain('s1-0-100 100.');
    expect(got).toHaveLength(121);
  });

  it('does not read a year or a decimal as a number', () => {
    expect(ids('2024年全县建成医共体。\n1.5倍以上的增长')).toEqual([]);
  });
});
