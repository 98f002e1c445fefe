import { describe, expect, it } from 'vitest';
import { opening, provisionPage, provisionSlice, SHELL, type DocInfo } from './page.ts';
import { scanSections } from './sections.ts';

const shell = `<title>${SHELL.title} - 站</title><meta name="description" content="${SHELL.description}"><meta property="og:title" content="${SHELL.ogTitle}"><link rel="canonical" href="https://x.org/${SHELL.path}"><main><div class="page provision-page" data-base="/">${SHELL.body}</div></main>`;
const html =
  '<section class="provision" data-depth="1" data-id="s1"><div class="clause-head"><h2 id="s1">一、总体要求</h2></div><p>总。<a class="correction-mark" href="#corr-1">〔校1〕</a></p><section class="provision" data-depth="2" data-id="s1-1"><div class="clause-head"><h3 id="s1-1">（一）目标&lt;甲&gt;</h3></div></section></section>';
const provisions = [
  { id: 's1', depth: 1, num: '一、', title: '总体要求', cite: '第一部分' },
  { id: 's1-1', depth: 2, num: '（一）', title: '目标<甲>', cite: '第一部分（一）', parent: 's1' },
];
const doc: DocInfo = {
  slug: 'd',
  base: '/',
  title: '某“方案”',
  shortTitle: '某方案',
  titleSupplied: true,
  citePrefix: '《某“方案”》（标题为编者所补）',
  provisions,
  html,
};

describe('provision pages', () => {
  it('a section’s page: its own text, sub-provisions as links, headings from h1, outside fragment links into the full text', () => {
    const slice = provisionSlice(html, scanSections(html).get('s1')!, false, '/policies/d/');
    expect(slice).toContain('<h1 id="s1">一、总体要求</h1>');
    expect(slice).not.toContain('s1-1');
    expect(slice).toContain('href="/policies/d/#corr-1"');
    const page = provisionPage(shell, {
      doc,
      p: provisions[0],
      next: provisions[1],
      html: slice,
      text: '一、总体要求\n总。',
    });
    expect(page).toContain('<title>一、总体要求 - 某方案 - 站</title>');
    expect(page).toContain('<meta name="description" content="总。">');
    expect(page).toContain('<link rel="canonical" href="https://x.org/policies/d/s1/">');
    expect(page).toContain('data-cite-prefix="《某“方案”》（标题为编者所补）"');
    expect(page).toContain('<a href="/policies/d/s1-1/">（一）目标&lt;甲&gt;</a>');
    expect(page).toContain('<a rel="next" href="/policies/d/s1-1/">');
    expect(page).not.toMatch(/__PROVISION_/);
  });
  it('a sub-provision keeps its place: breadcrumb to its parent, escaped', () => {
    const slice = provisionSlice(html, scanSections(html).get('s1-1')!, true, '/policies/d/');
    expect(slice).toContain('<h1 id="s1-1">');
    const page = provisionPage(shell, {
      doc,
      p: provisions[1],
      prev: provisions[0],
      html: slice,
      text: '（一）目标<甲>',
    });
    expect(page).toContain('<li><a href="/policies/d/s1/">一、总体要求</a></li><li aria-current="page">（一）</li>');
    expect(page).toContain('<meta property="og:title" content="（一）目标&lt;甲&gt;">');
  });
  it('the description is the opening text after the heading, shortened', () => {
    expect(opening(provisions[0], '一、总体要求\n以人民健康为中心。', 5)).toBe('以人民健康…');
  });
});
