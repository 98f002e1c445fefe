import { describe, expect, it } from 'vitest';
import { scanSections } from './sections.ts';

describe('scanSections', () => {
  it('finds nested provision sections and their direct children, skipping part sections', () => {
    const html =
      '<section class="part" data-kind="main"><section class="provision" data-depth="1" data-id="s1"><h2 id="s1">一、</h2><section class="provision" data-depth="2" data-id="s1-1"><h3>（一）</h3><section class="provision" data-depth="3" data-id="s1-1-1"><h4>1.</h4></section></section><div class="related"></div></section></section>';
    const byId = scanSections(html);
    expect([...byId.keys()].sort()).toEqual(['s1', 's1-1', 's1-1-1']);
    const s1 = byId.get('s1')!;
    expect(html.slice(s1.start, s1.end)).toMatch(
      /^<section class="provision" data-depth="1" data-id="s1">.*<div class="related"><\/div><\/section>$/,
    );
    expect(s1.children).toEqual([byId.get('s1-1')]);
    expect(byId.get('s1-1')!.children).toEqual([byId.get('s1-1-1')]);
  });
  it('throws on unbalanced markup', () => {
    expect(() => scanSections('</section>')).toThrow(/unbalanced/);
  });
});
