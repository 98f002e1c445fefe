/**
 * The editorial pages (src/pages/about/*.mdx) go through the site-wide
 * Markdown processor: GitHub tables, no SmartyPants, the shared frame and the
 * navigation between them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { editorialPages } from '../../src/components/editorial/pages.ts';

const html = (path: string) => readFileSync(join('dist', path, 'index.html'), 'utf8');

describe('editorial pages', () => {
  test.each(editorialPages.map((p) => p.path))('%s: built from MDX in the site frame, with the navigation', (path) => {
    const h = html(path);
    expect(h).toMatch(/<html lang="zh-CN">/);
    expect(h).toMatch(/<title>[^<]+ - 医改政策注释库<\/title>/);
    expect(h).toMatch(/<meta name="description" content="[^"]{20,}">/);
    // Every editorial page is linked from the navigation, and this one is marked current.
    for (const p of editorialPages) expect(h).toContain(`>${p.label}</a>`);
    expect(h).toMatch(/<a href="[^"]*" aria-current="page">/);
  });

  test('GitHub tables are rendered as tables (remark-gfm), code stays code', () => {
    const h = html('about/citing/');
    expect(h).toMatch(/<table>[\s\S]*<th>原文编号<\/th>[\s\S]*<code>#s3-4-15<\/code>/);
    expect(h).toContain('id="anchors"');
  });

  test('no SmartyPants: quotes and punctuation are written as authored', () => {
    const h = html('about/editing/');
    expect(h).toContain('“1:2”');
    expect(h).not.toMatch(/&#8220;|&ldquo;/);
  });
});
