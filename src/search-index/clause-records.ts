/**
 * Reads a built document page's clauses: one record per provision (and per
 * unnumbered paragraph outside provisions, and per title: the document's own
 * and each notice's and attachment's heading), each with its anchor, title,
 * citation label and its own text (heading, body, paragraphs; not nested
 * provisions). Tooltips, tools and labels (data-pagefind-ignore) are left out.
 * The search index is made from these records (search-document.ts), and the
 * search tests judge results against them.
 */
import { parse, HTMLElement, type Node } from 'node-html-parser';

/** Character references in raw text (node-html-parser keeps them as written). */
const decode = (s: string) =>
  s.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|#39|apos);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
      : (({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()] ?? m),
  );

export interface DocInfo {
  slug: string;
  title: string;
  short: string;
  date: string;
  year: string;
  region: string;
  kind: string;
  number: string;
}
export interface ClauseRecord {
  anchor: string;
  /**
   * A numbered provision (its title is its heading), an unnumbered paragraph
   * (its title is the start of its text) or a title (the document's, a
   * notice's or an attachment's heading; the record is the heading alone).
   */
  kind: 'provision' | 'paragraph' | 'heading';
  title: string;
  cite: string;
  /** The clause's text, whitespace collapsed to single spaces; a provision's starts with its title. */
  content: string;
}

/** The citation label carried by a permalink's aria-label (本条链接：第三部分第15项). */
const citeOf = (a: HTMLElement | null): string => (a?.getAttribute('aria-label') ?? '').replace(/^本条链接：/, '');

/** An element's text without what search must not see (tooltips, tools, labels): one walk, no re-parsing. */
const text = (el: HTMLElement): string => {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof HTMLElement) {
      if (node.hasAttribute('data-pagefind-ignore') || node.classList.contains('clause-tools')) return;
      node.childNodes.forEach(walk);
    } else parts.push(node.rawText);
  };
  el.childNodes.forEach(walk);
  return decode(parts.join('')).replace(/\s+/g, ' ').trim();
};

/** A document page's info and clause records, parsing it once (the search index reads every page). */
export function readDocument(html: string): { doc: DocInfo; records: ClauseRecord[] } | null {
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

export function clauseRecords(html: string): ClauseRecord[] {
  return recordsOf(parse(html));
}

/** The document title's anchor (src/pages/policies/[slug].astro gives the h1 this id). */
export const DOC_TITLE_ANCHOR = 'doc-title';

function recordsOf(root: HTMLElement): ClauseRecord[] {
  const body = root.querySelector('.policy-text');
  if (!body) return [];
  const records: ClauseRecord[] = [];
  // Titles first: the document's, then the parts' (notice, main text, attachments), so a reader
  // who types a title lands on its heading.
  const docTitle = root.querySelector(`h1#${DOC_TITLE_ANCHOR}`);
  if (docTitle) {
    const t = text(docTitle);
    if (t) records.push({ anchor: DOC_TITLE_ANCHOR, kind: 'heading', title: t, cite: '标题', content: t });
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
      title: content.slice(0, 30),
      cite: citeOf(p.querySelector('a.permalink')),
      content,
    });
  }
  return records;
}
