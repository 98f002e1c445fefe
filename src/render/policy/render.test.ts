/** The policy renderer on small MDX documents: markup, text kept as text, and errors authors can act on. */
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { escapeMdxText, jsxString } from '../../../ingest/mdx/escape.ts';
import { glossaryEntrySchema } from '../../schemas/glossary.ts';
import { HOSTILE } from '../../../ingest/test-support/hostile-strings.ts';
import { createPolicyRenderer } from './render.ts';
import type { ElementContext } from './elements.ts';

const glossary = [
  {
    id: 'drg',
    ...glossaryEntrySchema.parse({
      term: 'DRG',
      aliases: ['DRG付费'],
      short: '按疾病诊断相关分组付费。',
      explanation: '按疾病诊断相关分组付费的较长解释，供测试使用。',
      english: 'Diagnosis-related groups',
      category: '医保支付',
    }),
  },
];

const ctx: ElementContext = {
  href: (p) => `/sub/${p}`,
  term: (id) => {
    if (id !== 'drg') throw new Error(`unknown ${id}`);
    return { term: 'DRG', short: '按疾病诊断相关分组付费。' };
  },
  agencyHref: (name) => `/sub/agencies/${name === '市卫健委' ? 'x-weijian' : 'x-caizheng'}/`,
  related: (id) =>
    id === 's1'
      ? {
          groups: [{ label: '薪酬制度', links: [{ href: '/sub/policies/b/#s2', doc: '乙方案', label: '第二部分' }] }],
          topics: [
            { href: '/sub/topics/xinchou/', name: '薪酬' },
            { href: '/sub/topics/renshi/', name: '人事' },
          ],
        }
      : { groups: [], topics: [] },
};
const render = createPolicyRenderer({ base: '/sub/', glossary, library: [] });
const FM = '---\n{"title":"测试"}\n---\n';
const run = (body: string) => render(FM + body, 'src/content/policies/t.mdx', ctx);
const dom = (body: string) => parse(run(body).html);

describe('policy elements', () => {
  test('a provision: heading with anchor and permalink, agency labels, body, related block', () => {
    const root = dom(
      '<Provision id="s1" depth={1}>\n<ProvisionHeading level={2} id="s1" cite={"第一部分"} lead={["市卫健委"]} partners={["市财政局"]} basis={"原文括注"}>一、总体要求</ProvisionHeading>\n\n<ProvisionBody>正文。</ProvisionBody>\n\n</Provision>',
    );
    const section = root.querySelector('section.provision')!;
    expect(section.getAttribute('data-id')).toBe('s1');
    expect(section.querySelector('h2#s1')!.text).toBe('一、总体要求');
    expect(section.querySelector('a.permalink')!.getAttribute('href')).toBe('#s1');
    expect(section.querySelector('a.permalink')!.getAttribute('aria-label')).toBe('本条链接：第一部分');
    expect(section.querySelectorAll('ul.agencies li').map((li) => li.text)).toEqual(['牵头市卫健委', '参与市财政局']);
    expect(section.querySelectorAll('ul.agencies li a').map((a) => a.getAttribute('href'))).toEqual([
      '/sub/agencies/x-weijian/',
      '/sub/agencies/x-caizheng/',
    ]);
    expect(section.querySelector('ul.agencies')!.getAttribute('title')).toBe('原文括注');
    expect(section.querySelector('p.provision-body')!.text).toBe('正文。');
    expect(section.querySelectorAll('.related a').map((a) => `${a.getAttribute('href')} ${a.text}`)).toEqual([
      '/sub/policies/b/#s2 乙方案 第二部分',
      '/sub/topics/xinchou/ 薪酬',
      '/sub/topics/renshi/ 人事',
    ]);
    expect(section.querySelector('.related-topics')!.text).toBe('专题：薪酬、人事');
  });

  test('block elements on their own line are not wrapped in paragraphs', () => {
    const html = run(
      '<TitleBlock>\n<TitleLine>某某方案</TitleLine>\n<TitleLine>（征求意见稿）</TitleLine>\n</TitleBlock>\n\n<Para id="p1" cite={"第1段"}>第一段。</Para>',
    ).html;
    expect(html).not.toMatch(/<p><p>|<p><div/);
    expect(
      parse(html)
        .querySelectorAll('.title-block > p')
        .map((p) => p.text),
    ).toEqual(['某某方案', '（征求意见稿）']);
  });

  test('a correction shows the corrected text, the mark and the original', () => {
    const root = dom(
      `<Para id="p1" cite={"第1段"}>工作<Correction n={1} original=${jsxString('己经')} reason=${jsxString('形近误字')}>已经</Correction>完成。</Para>`,
    );
    expect(root.querySelector('ins')!.text).toBe('已经');
    expect(root.querySelector('a.correction-mark')!.getAttribute('href')).toBe('#corr-1');
    expect(root.querySelector('a.correction-mark')!.getAttribute('aria-label')).toBe(
      '〔校1〕编者校正：原文作“己经”。形近误字',
    );
    expect(root.querySelector('.original')!.getAttribute('aria-hidden')).toBe('true');
  });

  test('a repair shows the reconstruction, the mark (存疑 when uncertain) and the damaged original; no glossary term inside it', () => {
    const root = dom(
      `<Para id="p1" cite={"第1段"}>实施上岗<Repair n={3} original=${jsxString('?fù)搜a')} reason=${jsxString('GBK 字节吻合')}>退补</Repair>学杂费，<Repair n={4} original=${jsxString('??h')} reason=${jsxString('乱码，存疑')} uncertain>DRG付费</Repair>。</Para>`,
    );
    const [sure, doubt] = root.querySelectorAll('span.repair');
    expect(sure.querySelector('ins')!.text).toBe('退补');
    expect(sure.querySelector('a.repair-mark')!.getAttribute('href')).toBe('#repair-3');
    expect(sure.querySelector('a.repair-mark')!.text).toBe('〔修3〕');
    expect(sure.querySelector('.original')!.text).toBe('乱码原作“?fù)搜a”');
    expect(sure.querySelector('a.repair-mark')!.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(doubt.classList.contains('uncertain')).toBe(true);
    expect(doubt.querySelector('a.repair-mark')!.text).toBe('〔修4·存疑〕');
    expect(doubt.querySelector('.term')).toBeNull();
  });

  test("an editor's note keeps the text as printed, with the mark and the note", () => {
    const root = dom(
      `<Para id="p1" cite={"第1段"}>不含中医、<EditorNote n={2} note=${jsxString('疑为“精神类”之误；原文如此。')}>精神学类</EditorNote>。</Para>`,
    );
    expect(root.querySelector('p#p1')!.childNodes[0].rawText).toBe('不含中医、');
    expect(root.querySelector('.ed-note .noted')!.text).toBe('精神学类');
    expect(root.querySelector('a.note-mark')!.getAttribute('href')).toBe('#note-2');
    expect(root.querySelector('.note-text')!.text).toBe('编者注：疑为“精神类”之误；原文如此。');
  });

  test('old anchors (aliases) are targets at the start of their clause; a part label stays apart from the title', () => {
    const root = dom(
      `<Part id="zw" kind="main">\n<PartHeading id="fj1" level={2} label={"附件1"} aliases={["old-fj"]}><PartLabel>附件1</PartLabel><PartTitle>某某方案</PartTitle></PartHeading>\n\n<Para id="fjsm-1" cite={"附件说明第1项"} list aliases={["s4-p2"]}>附件：1.某某方案</Para>\n\n</Part>`,
    );
    expect(root.querySelector('p#fjsm-1 > span#s4-p2.anchor-alias')).not.toBeNull();
    expect(root.querySelector('p#fjsm-1')!.classList.contains('attachment-list')).toBe(true);
    expect(root.querySelector('h2#fj1 > span#old-fj')).not.toBeNull();
    expect(
      root.querySelectorAll('h2#fj1 > span.line').map((l) => [l.classList.contains('part-label'), l.text]),
    ).toEqual([
      [true, '附件1'],
      [false, '某某方案'],
    ]);
  });

  test('glossary terms and references to other documents are marked by the plugins, once per provision', () => {
    const out = run(
      '<Provision id="s2" depth={1}>\n<ProvisionHeading level={2} id="s2" cite={"第二部分"}>二、DRG</ProvisionHeading>\n\n<ProvisionBody>推行DRG付费和DRG，依据晋政办发〔2022〕31号。</ProvisionBody>\n\n</Provision>',
    );
    const root = parse(out.html);
    const terms = root.querySelectorAll('.term');
    expect(terms.map((t) => t.querySelector('a')!.text)).toEqual(['DRG付费']);
    expect(terms[0].querySelector('a')!.getAttribute('href')).toBe('/sub/glossary/drg/');
    expect(terms[0].querySelector('[role=tooltip]')!.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(out.glossaryOccurrences.map((o) => `${o.term}@${o.anchor}`)).toEqual(['drg@s2']);
    expect(root.querySelector('h2#s2 .term')).toBeNull();
    expect(out.references.map((r) => r.number)).toEqual(['晋政办发〔2022〕31号']);
    expect(root.querySelector('a[title="被引用文件"]')!.text).toBe('晋政办发〔2022〕31号');
  });
});

describe('text stays text', () => {
  test.each(HOSTILE)('%j renders as exactly that text', (s) => {
    const root = dom(`<Para id="p1" cite={"第1段"}>${escapeMdxText(s)}</Para>`);
    const p = root.querySelector('p#p1')!;
    p.querySelector('.clause-tools')!.remove();
    expect(p.text).toBe(s);
    expect(root.querySelectorAll('script, style, iframe, img')).toHaveLength(0);
  });
});

describe('anything but the known elements stops the build with file, line and hint', () => {
  test.each([
    [
      'an unknown element',
      '\n<Para id="p1" cite={"x"}>a</Para>\n\n<Widget />',
      /t\.mdx:7: unknown element <Widget>[\s\S]*hint: Policy documents use only/,
    ],
    ['an expression', '\n{process.exit(1)}', /t\.mdx:5: an expression \{process\.exit\(1\)\}[\s\S]*hint:/],
    ['an import', "\nimport fs from 'node:fs'", /t\.mdx:5: an import\/export statement/],
    [
      'code in an attribute',
      '\n<Para id="p1" cite={foo()}>a</Para>',
      /t\.mdx:5: <Para cite=\{foo\(\)\}>: attribute values must be strings or JSON literals/,
    ],
    ['a spread attribute', '\n<Para {...props}>a</Para>', /t\.mdx:5: <Para> has a spread attribute/],
    ['broken MDX', '\n<Para id="p1">a', /t\.mdx:\d+: not valid MDX/],
  ])('%s', (_what, body, message) => {
    expect(() => run(body)).toThrow(message);
  });

  // A hand edit or an escaping bug must not turn into a link, an image or markup: only elements and text render.
  test.each([
    [
      'a javascript: link',
      '[x](javascript:alert(1))',
      /t\.mdx:5: a Markdown link \[text\]\(url\) in the text[\s\S]*hint: .*escaped/,
    ],
    ['an external image', '![i](https://evil.example/x.png)', /t\.mdx:5: a Markdown image/],
    ['a reference definition and its use', '[x][a]\n\n[a]: javascript:alert(1)', /t\.mdx:5: a Markdown reference link/],
    ['a lone reference definition', 'text\n\n[a]: https://evil.example/', /t\.mdx:7: a Markdown reference definition/],
    ['a reference image', '![x][a]\n\n[a]: https://evil.example/x.png', /t\.mdx:5: a Markdown reference image/],
    ['a heading', '# 一、总体要求', /t\.mdx:5: a Markdown heading/],
    ['emphasis', '工作*完成*。', /t\.mdx:5: Markdown emphasis/],
    ['strong emphasis', '**重点**', /t\.mdx:5: Markdown strong emphasis/],
    ['inline code', '`code`', /t\.mdx:5: Markdown inline code/],
    ['a code block', '```\nx\n```', /t\.mdx:5: a Markdown code block/],
    ['a list', '- item', /t\.mdx:5: a Markdown list/],
    ['a quote', '> quote', /t\.mdx:5: a Markdown quote/],
    ['a rule', 'a\n\n***', /t\.mdx:7: a Markdown rule/],
    ['a hard break', 'a\\\nb', /t\.mdx:5: a Markdown hard line break/],
    [
      'a link inside an element',
      '<Para id="p1" cite={"x"}>见[通知](javascript:alert(1))。</Para>',
      /t\.mdx:5: a Markdown link/,
    ],
    [
      'an image inside a provision',
      '<Provision id="s1" depth={1}>\n<ProvisionBody>![a](//evil.example/x.png)</ProvisionBody>\n</Provision>',
      /t\.mdx:6: a Markdown image/,
    ],
    ['raw HTML (read as an element)', '<img src="x" onerror="alert(1)" />', /t\.mdx:5: unknown element <img>/],
    ['an HTML link (read as an element)', '<a href="javascript:alert(1)">x</a>', /t\.mdx:5: unknown element <a>/],
    ['an element named like an Object property', '<constructor />', /t\.mdx:5: unknown element <constructor>/],
    ['an autolink (not valid MDX)', '<https://evil.example/>', /t\.mdx:5: not valid MDX/],
  ])('%s', (_what, body, message) => {
    expect(() => run(`\n${body}`)).toThrow(message);
  });

  test('the generated-file comment is allowed and renders nothing', () => {
    expect(run('\n{/* 本文件由 npm run ingest 生成 */}\n\n<Para id="p1" cite={"x"}>a</Para>').html).not.toContain(
      'ingest',
    );
  });
});
