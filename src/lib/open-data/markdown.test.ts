/**
 * The .md open-data file's escaping: official text never becomes Markdown,
 * HTML or MDX syntax when a reader (GFM or MDX) parses the file.
 */
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import { escapeMarkdown, markedText, markerOf } from './build.ts';

/** The text of a tree (what a reader sees). */
const toString = (n: { value?: string; children?: unknown[] }): string =>
  n.value ?? (n.children ?? []).map((c) => toString(c as never)).join('');

const HOSTILE = [
  'R&D 投入 &amp; 占比 &lt;b&gt; 不少于 5%',
  'import x from "y"，各地要抓好落实',
  'export default 方案',
  '  import 药品',
  '2.广东省基层卫生人才队伍增量提质实施方案',
  '- 一项 * 强调 * 与 _下划线_ <script>alert(1)</script> [链接](http://x) {表达式}',
  '# 不是标题 | 不是表格 | ~~删~~ [^注1] `代码`',
];

describe('escapeMarkdown', () => {
  for (const line of HOSTILE) {
    it(`reads back as the same text in GFM: ${line.slice(0, 24)}`, () => {
      const tree = unified().use(remarkParse).use(remarkGfm).parse(escapeMarkdown(line));
      expect(tree.children.map((c) => c.type)).toEqual(['paragraph']);
      expect(toString(tree)).toBe(line.trim() === line ? line : line.replace(/^\s+/u, ''));
    });
  }

  it('& is escaped, so no character reference is ever decoded', () => {
    expect(escapeMarkdown('&amp;')).toBe('\\&amp;');
  });

  it('lines beginning like import/export are no ESM for an MDX reader', () => {
    const md = HOSTILE.map(escapeMarkdown).join('\n\n');
    const tree = unified().use(remarkParse).use(remarkMdx).parse(md.replace(/[{}]/gu, ''));
    expect(tree.children.some((c) => c.type === 'mdxjsEsm')).toBe(false);
    expect(escapeMarkdown('import x')).toMatch(/^&#105;mport x$/u);
    expect(escapeMarkdown('甲\nexport y')).toBe('甲\n&#101;xport y');
  });
});

describe('markers in the .txt and .md text', () => {
  it('puts 〔校n〕 〔修n·存疑〕 〔注n〕 after their passages, counting code points', () => {
    const c = {
      id: 's1',
      kind: 'para' as const,
      cite: '第1段',
      text: '𠀀加强互联互通，上岗退补，县域外诊较多。',
      apparatus: [
        {
          type: 'correction' as const,
          n: 1,
          at: 6,
          length: 1,
          text: '通',
          original: '联',
          context: { original: '互联互联', corrected: '互联互通' },
          reason: '测试。',
        },
        {
          type: 'repair' as const,
          n: 2,
          at: 10,
          length: 2,
          text: '退补',
          original: '?fù)搜a',
          uncertain: true,
          check: { status: 'unverifiable' as const, why: '测试' },
          reason: '测试。',
        },
        { type: 'note' as const, n: 1, at: 13, length: 6, text: '县域外诊较多', note: '测试。' },
      ],
    };
    expect(markedText(c)).toBe('𠀀加强互联互通〔校1〕，上岗退补〔修2·存疑〕，县域外诊较多〔注1〕。');
    expect(markerOf(c.apparatus[2])).toBe('〔注1〕');
  });
});
