/**
 * Reads a built document page back into search records: one per provision
 * (and per unnumbered paragraph outside provisions, and per title: the
 * document's own and each notice's and attachment's heading), each with its
 * anchor, title, citation label and its own text (heading, body, paragraphs;
 * not nested provisions) as the page shows it. Tooltips, tools, labels
 * (data-pagefind-ignore) and screen-reader notes (.sr-only) are left out.
 *
 * The oracle, not the source: the index is made from the clause data
 * (src/lib/clauses/search-records.ts); the tests check that the page and the
 * records agree, and judge search results against the text the page shows
 * (query-truth.ts), independently of the search code.
 */
import { parse, HTMLElement, type Node } from 'node-html-parser';
import {
  DOC_TITLE_ANCHOR,
  PARAGRAPH_TITLE,
  type DocInfo,
  DOC_TITLE_CITE,
  type SearchRecord,
} from '../../src/lib/clauses/search-records.ts';

/** Character references in raw text (node-html-parser keeps them as written). */
const decode = (s: string) =>
  s.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|#39|apos);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
      : (({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()] ?? m),
  );

/** The citation label carried by a permalink's aria-label (本条链接：第三部分第15项). */
const citeOf = (a: HTMLElement | null): string => (a?.getAttribute('aria-label') ?? '').replace(/^本条链接：/, '');

/** An element's text without what search must not see (tooltips, tools, labels, screen-reader notes): one walk, no re-parsing. */
const text = (el: HTMLElement): string => {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof HTMLElement) {
      if (
        node.hasAttribute('data-pagefind-ignore') ||
        node.classList.contains('clause-tools') ||
        node.classList.contains('sr-only')
      )
        return;
      node.childNodes.forEach(walk);
    } else parts.push(node.rawText);
  };
  el.childNodes.forEach(walk);
  return decode(parts.join('')).replace(/\s+/g, ' ').trim();
};

/** A document page's info and clause records, parsing it once (the search index reads every page). */
export function readDocument(html: string): { doc: DocInfo; records: SearchRecord[] } | null {
  const root = parse(html);
  const doc = docInfoOf(root);
  return doc && { doc, records: recordsOf(root) };
}

function docInfoOf(root: HTMLElement): DocInfo | null {
  const article = root.querySelector('article[data-doc-slug]');
  if (!article) return null;
  const a = (k: string) => article.getAttribute(`data-doc-${k}`) ?? '';
  return {
    slug: a('slug'),
    title: a('title'),
    short: a('short'),
    date: a('date'),
    year: a('year'),
    region: a('region'),
    kind: a('kind'),
    number: a('number'),
  };
}

export function pageRecords(html: string): SearchRecord[] {
  return recordsOf(parse(html));
}

function recordsOf(root: HTMLElement): SearchRecord[] {
  const body = root.querySelector('.policy-text');
  if (!body) return [];
  const records: SearchRecord[] = [];
  // Titles first: the document's, then the parts' (notice, main text, attachments), so a reader
  // who types a title lands on its heading.
  const docTitle = root.querySelector(`h1#${DOC_TITLE_ANCHOR}`);
  if (docTitle) {
    const t = text(docTitle);
    if (t) records.push({ anchor: DOC_TITLE_ANCHOR, kind: 'heading', title: t, cite: DOC_TITLE_CITE, content: t });
  }
  for (const heading of body.querySelectorAll('.part-title[id]')) {
    if (heading.closest('section.provision')) continue;
    const t = text(heading);
    if (t)
      records.push({
        anchor: heading.id,
        kind: 'heading',
        title: t,
        cite: citeOf(heading.parentNode?.querySelector('a.permalink') ?? null),
        content: t,
      });
  }
  for (const section of body.querySelectorAll('section.provision')) {
    const heading = section.querySelector(':scope > .clause-head > [id]');
    if (!heading) continue;
    const own = section.childNodes.filter((n): n is HTMLElement => n instanceof HTMLElement && n.tagName === 'P');
    const title = text(heading);
    records.push({
      anchor: heading.id,
      kind: 'provision',
      title,
      cite: citeOf(section.querySelector(':scope > .clause-head a.permalink')),
      // Empty parts dropped: the text has single spaces only, as search indexes it.
      content: [title, ...own.map(text)].filter(Boolean).join(' '),
    });
  }
  // Paragraphs that belong to no provision (preambles, notices) are clauses of their own.
  for (const p of body.querySelectorAll('p.para[id]')) {
    if (p.closest('section.provision')) continue;
    const content = text(p);
    records.push({
      anchor: p.id,
      kind: 'paragraph',
      title: content.slice(0, PARAGRAPH_TITLE),
      cite: citeOf(p.querySelector('a.permalink')),
      content,
    });
  }
  return records;
}
