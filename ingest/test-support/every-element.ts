/**
 * A small document, built by hand as the outline parser would, that makes the
 * MDX writer write every element of the element contract
 * (src/render/policy/contract.ts) except <Term>, which remark-glossary adds,
 * and every attribute of each at least once. Tests of the writer and the
 * renderer share it, so a new element or attribute shows up in both.
 */
import type { TextMark } from '../pipeline.ts';
import type { DocTree, Node, Span } from '../structure/parse-outline.ts';
import { renderMdx } from '../mdx/render-mdx.ts';

const LINES = [
  '某某市某某工作实施方案',
  '关于印发某某方案的通知',
  '附件1',
  '某某工作评价办法',
  '一、总体要求',
  '工作已经完成，经费。县统筹，精神学类除外，推行DRG付费。',
  '（一）具体任务',
  '附件：1.某某工作评价办法',
  '表1.jpg',
  '各部门参照执行。',
];
const TEXT = LINES.join('\n');
const TRUNCATED = '原文至此中断，以下内容未能取得。';

/** The span of the first occurrence of s in the text (each is unique there). */
function span(s: string, from = 0): Span {
  const start = TEXT.indexOf(s, from);
  if (start < 0) throw new Error(`every-element fixture: "${s}" is not in the text`);
  return { start, end: start + s.length };
}
const empty = (at: Span): Span => ({ start: at.end, end: at.end });

const heading = span('一、总体要求');
const sub = span('（一）具体任务');
const body = span('工作已经完成，经费。县统筹，精神学类除外，推行DRG付费。');

const para = (id: string, s: string, extra: Partial<Extract<Node, { type: 'para' }>> = {}): Node => ({
  type: 'para',
  id,
  span: span(s),
  line: 0,
  image: false,
  ...extra,
});

const TREE: DocTree = {
  head: [span('某某市某某工作实施方案')],
  parts: [
    {
      id: 'tz',
      label: '印发通知',
      kind: 'notice',
      titles: [],
      declared: true,
      titleNote: '原文通知无标题，“印发通知”为编者所加。',
      children: [para('tz-p1', '关于印发某某方案的通知')],
    },
    {
      id: 'zw',
      label: '实施方案',
      kind: 'main',
      titles: [],
      declared: true,
      aliases: ['zw-old'],
      children: [
        {
          type: 'provision',
          id: 's1',
          depth: 1,
          num: '一、',
          heading,
          body,
          title: '总体要求',
          line: 0,
          aliases: ['s1-old'],
          agencies: {
            raw: '市卫健委牵头，市财政局配合',
            lead: ['市卫健委'],
            partners: ['市财政局'],
            basis: '原文括注',
          },
          children: [
            {
              type: 'provision',
              id: 's1-1',
              depth: 2,
              num: '（一）',
              heading: sub,
              body: empty(sub),
              title: '具体任务',
              line: 0,
              children: [],
            },
          ],
        },
        para('fjsm-1', '附件：1.某某工作评价办法', { listItem: 1, aliases: ['s1-p1'] }),
        para('s1-p2', '表1.jpg', { image: true, aliases: ['s1-p9'] }),
        para('s1-p3', '各部门参照执行。'),
      ],
    },
    {
      id: 'fj1',
      label: '附件1',
      kind: 'attachment',
      labelLine: span('附件1'),
      titles: [span('某某工作评价办法')],
      declared: true,
      children: [],
    },
  ],
};

const at = (s: string) => span(s, body.start);
const MARKS: TextMark[] = [
  {
    kind: 'correction',
    n: 1,
    ...at('已经'),
    original: '己经',
    corrected: '已经',
    context: { find: '己经', replace: '已经' },
    reason: '形近误字。',
  },
  {
    kind: 'repair',
    n: 1,
    ...at('。县'),
    original: '??h',
    text: '。县',
    reason: '乱码：据上下文重建。',
    uncertain: true,
    check: { status: 'unverifiable', why: '测试' },
    ref: 0,
  },
  { kind: 'note', n: 1, ...at('精神学类'), text: '精神学类', note: '疑为“精神类”之误；原文如此。' },
];

const CITES = new Map([
  ['tz', '印发通知'],
  ['tz-p1', '印发通知第1段'],
  ['zw', '实施方案'],
  ['s1', '第一部分'],
  ['s1-1', '第一部分（一）'],
  ['fjsm-1', '附件说明第1项'],
  ['s1-p2', '第一部分第2段'],
  ['s1-p3', '第一部分第3段'],
  ['fj1', '附件1'],
]);

/** The writer's MDX for the fixture (frontmatter {"title":"测试"}), as `npm run ingest` would write it. */
export function everyElementMdx(): string {
  return renderMdx({
    text: TEXT,
    cites: CITES,
    tree: TREE,
    marks: MARKS,
    frontmatter: { title: '测试' },
    seed: 'fixture.txt',
    slug: 'fixture',
    truncated: TRUNCATED,
  });
}
