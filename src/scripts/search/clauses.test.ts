import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { splitClauses, wordStarts, type FragmentText } from './clauses.ts';

/** A document's fragment as Pagefind wrote it (see src/search-index/search-document.test.ts) and its clause records. */
const fixture = JSON.parse(readFileSync(new URL('./fixtures/document.json', import.meta.url), 'utf8')) as {
  records: { anchor: string; title: string; content: string }[];
  fragment: FragmentText & { content: string };
};

/** What `result.data()` gives for a fragment (Pagefind's loadFragment). */
const asData = (f: FragmentText): FragmentText => ({
  ...f,
  raw_content: f.content.replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  content: f.content.replace(/\u200B/g, ''),
});

describe('splitClauses', () => {
  test('gives back every clause of the fixture exactly: text, title, anchor (DRG/DIP, 1.2, 100%, <30%, a literal &lt;, v2.0, 5G+)', () => {
    const clauses = splitClauses(asData(fixture.fragment));
    expect(clauses.map((c) => ({ anchor: c.anchor, title: c.title, content: c.text }))).toEqual(
      fixture.records.map(({ anchor, title, content }) => ({ anchor, title, content })),
    );
  });

  test('takes a fragment still holding its U+200B (no raw_content) the same way', () => {
    expect(splitClauses(fixture.fragment)).toEqual(splitClauses(asData(fixture.fragment)));
  });

  test('anchors out of order are sorted by location; no anchors, no clauses', () => {
    const data = asData(fixture.fragment);
    expect(splitClauses({ ...data, anchors: [...data.anchors!].reverse() })).toEqual(splitClauses(data));
    expect(splitClauses({ content: 'x' })).toEqual([]);
  });

  test('a text Pagefind did not segment is cut at whitespace', () => {
    const clauses = splitClauses({
      content: 'Title one body text Title two more',
      anchors: [
        { element: 'h2', id: 'a', text: 'Title one', location: 0 },
        { element: 'h2', id: 'b', text: 'Title two', location: 4 },
      ],
    });
    expect(clauses.map((c) => c.text)).toEqual(['Title one body text', 'Title two more']);
  });
});

describe('wordStarts', () => {
  test('an escaped < is one character of the clean text, a literal "&lt;" four', () => {
    const clean = 'a<b&lt;c';
    const raw = ['a', '&lt;', 'b', '&lt;', 'c'].join('\u200B');
    expect(wordStarts(raw, clean)).toEqual([0, 1, 2, 3, 7]);
  });
});
