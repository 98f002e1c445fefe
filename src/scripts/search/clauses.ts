/**
 * Cuts a document's Pagefind fragment back into its clauses. The document is
 * indexed as one record in which every clause starts at an element carrying
 * its anchor (src/search-index/search-document.ts); Pagefind lists those
 * elements in `anchors`, each with the index of the word where it starts.
 *
 * Words: after Chinese segmentation Pagefind separates words with U+200B
 * (whitespace stays attached to the word before it), and a word location
 * indexes `content.split('\u200B')`. `result.data()` gives that text as
 * `raw_content` (with < and > escaped as &lt; &gt; for its excerpts) and as
 * `content` (U+200B removed, nothing escaped). A clause's text is the stretch
 * of `content` from its anchor's word to the next anchor's. Pure; no DOM.
 */

import { AGENCIES_ANCHOR } from '../../search-index/agency-meta.ts';
import { PARAGRAPH_TITLE, type SearchRecord } from '../../lib/clauses/search-records.ts';

export interface PagefindAnchor {
  element: string;
  id: string;
  text: string;
  location: number;
}

export interface FragmentText {
  /** The text with U+200B removed (what `data()` returns as `content`). */
  content: string;
  /** The text with U+200B between words and < > escaped; absent, `content` is taken to still hold its U+200B. */
  raw_content?: string;
  anchors?: PagefindAnchor[];
}

/** A search record as the client gets it back (src/lib/clauses/search-records.ts): its `content` is `text`. */
export interface Clause extends Pick<SearchRecord, 'anchor' | 'title'> {
  /** The clause's exact text (a provision's starts with its title). */
  text: SearchRecord['content'];
}

const ZWSP = '\u200B';

/**
 * Where each word starts in the clean text. Walks the raw words and the clean
 * text side by side: `&lt;` in a raw word is one `<` in the clean text only
 * when the clean text has `<` there (an official text may itself contain the
 * characters "&lt;", which Pagefind does not escape again).
 */
export function wordStarts(raw: string, clean: string): number[] {
  const starts: number[] = [];
  let j = 0;
  for (const word of raw.split(ZWSP)) {
    starts.push(j);
    for (let i = 0; i < word.length;) {
      if (clean[j] === '<' && word.startsWith('&lt;', i)) i += 4;
      else if (clean[j] === '>' && word.startsWith('&gt;', i)) i += 4;
      else i++;
      j++;
    }
  }
  return starts;
}

export function splitClauses(fragment: FragmentText): Clause[] {
  const anchors = [...(fragment.anchors ?? [])].sort((a, b) => a.location - b.location);
  // The agencies block ends the last clause and is no clause itself (agency-meta.ts).
  const drop = new Set([AGENCIES_ANCHOR]);
  if (!anchors.length) return [];
  const raw = fragment.raw_content ?? fragment.content;
  const clean = fragment.raw_content === undefined ? fragment.content.replaceAll(ZWSP, '') : fragment.content;
  // Without U+200B (a text Pagefind did not segment) words are whitespace-separated; content keeps the spaces.
  const starts = raw.includes(ZWSP) ? wordStarts(raw, clean) : wordStartsBySpace(clean);
  const at = (location: number) => (location < starts.length ? starts[location] : clean.length);
  return anchors.flatMap((a, i) => {
    if (drop.has(a.id)) return [];
    const text = clean
      .slice(at(a.location), i + 1 < anchors.length ? at(anchors[i + 1].location) : clean.length)
      .trim();
    const heading = /^h\d$/i.test(a.element);
    return [{ anchor: a.id, title: heading ? a.text : text.slice(0, PARAGRAPH_TITLE), text }];
  });
}

/** Word starts for a text Pagefind split at whitespace only. */
function wordStartsBySpace(clean: string): number[] {
  const starts: number[] = [];
  for (const m of clean.matchAll(/\S+/g)) starts.push(m.index);
  return starts;
}
