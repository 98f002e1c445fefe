/**
 * Editorial marks (corrections, repairs, editor's notes) from the manifest to
 * the clean text, the MDX and the clause data: located, numbered in manifest
 * order, never overlapping, and refused when they cannot be located.
 */
import { describe, expect, it } from 'vitest';
import { manifestSchema } from './manifest.ts';
import { clean, mapSpan } from './pipeline.ts';
import { parseOutline } from './structure/parse-outline.ts';
import { citations } from './structure/citation.ts';
import { renderMdx } from './mdx/render-mdx.ts';
import { IngestError } from './errors.ts';
import { minimalManifest } from './test-support/minimal-manifest.ts';

const base = minimalManifest('标记测试用文件', '仅供编辑标记测试使用的最小清单，不对应任何真实文件。');
const FILE = 'ingest/manifests/fixture.json';
// Traditional page text with GBK mojibake (the Guangdong pattern) and two slips.
const SEED = [
  '一、總體要求',
  '各成員單位實行一體化管理??h域醫(yī)共體內統一管理。',
  '實施上崗?fù)搜a學雜費，做為考核依據。',
  '探索信息互聯互聯。',
].join('\n');

function run(extra: Record<string, unknown>) {
  const manifest = manifestSchema.parse({ ...base, script: 'traditional', ...extra });
  return { manifest, res: clean(SEED, { manifest, manifestFile: FILE }, 'seeds/fixture.txt') };
}

const repairs = [
  { find: '?fù)搜a', replace: '退补', reason: '乱码：据上下文重建，GBK 字节吻合。' },
  { find: '??h', replace: '。县', reason: '乱码：句号与“县”损坏。' },
];

// The first repair check of a Traditional page loads OpenCC's tables: seconds on a busy machine.
describe('marks', { timeout: 60_000 }, () => {
  it('follows each repair to the clean text and numbers repairs, corrections and notes in manifest order', () => {
    const { res } = run({
      repairs,
      corrections: [
        { find: '信息互联互联', replace: '信息互联互通', reason: '重复录入，据文意校正。' },
        { find: '做为考核', replace: '作为考核', reason: '“做为”应作“作为”。' },
      ],
      notes: [{ find: '统一管理', note: '原文如此，此处仅作测试。' }],
    });
    const seen = res.marks.map((m) => [m.kind, m.n, res.text.slice(m.start, m.end)]);
    expect(seen).toEqual([
      ['repair', 2, '。县'],
      ['note', 1, '统一管理'],
      ['repair', 1, '退补'],
      ['correction', 2, '作'],
      ['correction', 1, '通'],
    ]);
    const r = res.marks.find((m) => m.kind === 'repair' && m.n === 1)!;
    expect(r).toMatchObject({ original: '?fù)搜a', text: '退补', uncertain: false });
  });

  it('writes each mark as its element in the MDX, the text unchanged inside', () => {
    const { manifest, res } = run({
      repairs: [{ ...repairs[0], uncertain: true, reason: '乱码，存疑：测试。' }, repairs[1]],
      notes: [{ find: '统一管理', note: '原文如此，此处仅作测试。' }],
    });
    const tree = parseOutline(res.text, manifest, FILE);
    const mdx = renderMdx({
      text: res.text,
      cites: citations(tree),
      tree,
      marks: res.marks,
      frontmatter: {},
      seed: 'fixture.txt',
      slug: 'fixture',
    });
    expect(mdx).toContain('<Repair n={1} original={"?fù)搜a"} reason={"乱码，存疑：测试。"} uncertain>退补</Repair>');
    expect(mdx).toContain('<EditorNote n={1} note={"原文如此，此处仅作测试。"}>统一管理</EditorNote>');
  });

  it('a note that does not match as declared, or marks that overlap, stop ingest naming the manifest', () => {
    const fail = (extra: Record<string, unknown>) => {
      try {
        run(extra);
      } catch (e) {
        return e as IngestError;
      }
      throw new Error('expected an IngestError');
    };
    const missing = fail({ repairs, notes: [{ find: '不存在的文字', note: '原文如此，此处仅作测试。' }] });
    expect(missing.file).toBe(FILE);
    expect(missing.message).toContain(
      'editor\'s note on "不存在的文字" matches 0 time(s) in the cleaned text, expected 1',
    );
    const overlap = fail({ repairs, notes: [{ find: '上岗退补', note: '原文如此，此处仅作测试。' }] });
    expect(overlap.message).toMatch(/the (repair 1|note 1) and the (note 1|repair 1) overlap/u);
  });

  it('mapSpan moves a span past earlier edits, keeps edits inside it, and refuses one across its edge', () => {
    const edit = (at: number, from: string, to: string) => ({ rule: 't', at, from, to });
    expect(mapSpan([5, 8], [edit(0, 'ab', '')])).toEqual([3, 6]);
    expect(mapSpan([5, 8], [edit(6, 'x', 'yy')])).toEqual([5, 9]);
    expect(mapSpan([5, 8], [edit(9, 'x', '')])).toEqual([5, 8]);
    expect(mapSpan([5, 8], [edit(4, 'xx', '')])).toBeNull();
  });
});
