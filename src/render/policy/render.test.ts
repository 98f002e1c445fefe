/** The policy renderer on small MDX documents: markup, text kept as text, and errors authors can act on. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { escapeMdxText, jsxString } from '../../../ingest/mdx/escape.ts';
import { HOSTILE } from '../../../ingest/test-support/hostile-strings.ts';
import { createPolicyRenderer } from './render.ts';
import type { ElementContext } from './elements.ts';

const glossaryDir = mkdtempSync(join(tmpdir(), 'render-gl-'));
writeFileSync(join(glossaryDir, 'drg.json'), JSON.stringify({ term: 'DRG', aliases: ['DRG付费'], short: '按疾病诊断相关分组付费。', explanation: '按疾病诊断相关分组付费的较长解释，供测试使用。', english: 'Diagnosis-related groups', category: '医保支付' }));

const ctx: ElementContext = {
  href: (p) => `/sub/${p}`,
  term: (id) => {
    if (id !== 'drg') throw new Error(`unknown ${id}`);
    return { term: 'DRG', short: '按疾病诊断相关分组付费。' };
  },
  agencyHref: (name) => `/sub/agencies/${name === '市卫健委' ? 'x-weijian' : 'x-caizheng'}/`,
  related: (id) => id === 's1'
    ? { groups: [{ label: '薪酬制度', links: [{ href: '/sub/policies/b/#s2', doc: '乙方案', label: '第二部分' }] }], topics: [{ href: '/sub/topics/xinchou/', name: '薪酬' }, { href: '/sub/topics/renshi/', name: '人事' }] }
    : { groups: [], topics: [] },
};
const render = createPolicyRenderer({ base: '/sub/', glossaryDir, library: [] });
const FM = '---\n{"title":"测试"}\n---\n';
const run = (body: string) => render(FM + body, 'src/content/policies/t.mdx', ctx);
const dom = (body: string) => parse(run(body).html);

describe('policy elements', () => {
  test('a provision: heading with anchor and permalink, agency labels, body, related block', () => {
    const root = dom('<Provision id="s1" depth={1} level={2}>\n<ProvisionHeading level={2} id="s1" cite={"第一部分"} lead={["市卫健委"]} partners={["市财政局"]} basis={"原文括注"}>一、总体要求</ProvisionHeading>\n\n<ProvisionBody>正文。</ProvisionBody>\n\n</Provision>');
    const section = root.querySelector('section.provision')!;
    expect(section.getAttribute('data-id')).toBe('s1');
    expect(section.querySelector('h2#s1')!.text).toBe('一、总体要求');
    expect(section.querySelector('a.permalink')!.getAttribute('href')).toBe('#s1');
    expect(section.querySelector('a.permalink')!.getAttribute('aria-label')).toBe('本条链接：第一部分');
    expect(section.querySelectorAll('ul.agencies li').map((li) => li.text)).toEqual(['牵头市卫健委', '参与市财政局']);
    expect(section.querySelectorAll('ul.agencies li a').map((a) => a.getAttribute('href'))).toEqual(['/sub/agencies/x-weijian/', '/sub/agencies/x-caizheng/']);
    expect(section.querySelector('ul.agencies')!.getAttribute('title')).toBe('原文括注');
    expect(section.querySelector('p.provision-body')!.text).toBe('正文。');
    expect(section.querySelectorAll('.related a').map((a) => `${a.getAttribute('href')} ${a.text}`)).toEqual(['/sub/policies/b/#s2 乙方案 第二部分', '/sub/topics/xinchou/ 薪酬', '/sub/topics/renshi/ 人事']);
    expect(section.querySelector('.related-topics')!.text).toBe('专题：薪酬、人事');
  });

  test('block elements on their own line are not wrapped in paragraphs', () => {
    const html = run('<TitleBlock>\n<TitleLine>某某方案</TitleLine>\n<TitleLine>（征求意见稿）</TitleLine>\n</TitleBlock>\n\n<Para id="p1" cite={"第1段"}>第一段。</Para>').html;
    expect(html).not.toMatch(/<p><p>|<p><div/);
    expect(parse(html).querySelectorAll('.title-block > p').map((p) => p.text)).toEqual(['某某方案', '（征求意见稿）']);
  });

  test('a correction shows the corrected text, the mark and the original', () => {
    const root = dom(`<Para id="p1" cite={"第1段"}>工作<Correction n={1} original=${jsxString('己经')} corrected=${jsxString('已经')} reason=${jsxString('形近误字')}>已经</Correction>完成。</Para>`);
    expect(root.querySelector('ins')!.text).toBe('已经');
    expect(root.querySelector('a.correction-mark')!.getAttribute('href')).toBe('#corr-1');
    expect(root.querySelector('a.correction-mark')!.getAttribute('aria-label')).toBe('〔校1〕编者校正：原文作“己经”。形近误字');
    expect(root.querySelector('.original')!.getAttribute('aria-hidden')).toBe('true');
  });

  test('glossary terms and citations are marked by the plugins, once per provision', () => {
    const out = run('<Provision id="s2" depth={1} level={2}>\n<ProvisionHeading level={2} id="s2" cite={"第二部分"}>二、DRG</ProvisionHeading>\n\n<ProvisionBody>推行DRG付费和DRG，依据晋政办发〔2022〕31号。</ProvisionBody>\n\n</Provision>');
    const root = parse(out.html);
    const terms = root.querySelectorAll('.term');
    expect(terms.map((t) => t.querySelector('a')!.text)).toEqual(['DRG付费']);
    expect(terms[0].querySelector('a')!.getAttribute('href')).toBe('/sub/glossary/drg/');
    expect(terms[0].querySelector('[role=tooltip]')!.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(out.glossaryOccurrences.map((o) => `${o.term}@${o.anchor}`)).toEqual(['drg@s2']);
    expect(root.querySelector('h2#s2 .term')).toBeNull();
    expect(out.citations.map((c) => c.number)).toEqual(['晋政办发〔2022〕31号']);
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
    ['an unknown element', '\n<Para id="p1" cite={"x"}>a</Para>\n\n<Widget />', /t\.mdx:7: unknown element <Widget>[\s\S]*hint: Policy documents use only/],
    ['an expression', '\n{process.exit(1)}', /t\.mdx:5: an expression \{process\.exit\(1\)\}[\s\S]*hint:/],
    ['an import', "\nimport fs from 'node:fs'", /t\.mdx:5: an import\/export statement/],
    ['code in an attribute', '\n<Para id="p1" cite={foo()}>a</Para>', /t\.mdx:5: <Para cite=\{foo\(\)\}>: attribute values must be strings or JSON literals/],
    ['a spread attribute', '\n<Para {...props}>a</Para>', /t\.mdx:5: <Para> has a spread attribute/],
    ['broken MDX', '\n<Para id="p1">a', /t\.mdx:\d+: not valid MDX/],
  ])('%s', (_what, body, message) => {
    expect(() => run(body)).toThrow(message);
  });

  test('the generated-file comment is allowed and renders nothing', () => {
    expect(run('\n{/* 本文件由 npm run ingest 生成 */}\n\n<Para id="p1" cite={"x"}>a</Para>').html).not.toContain('ingest');
  });
});
