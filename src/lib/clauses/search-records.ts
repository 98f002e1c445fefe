/**
 * What search indexes of a document, derived from its clause data
 * (src/schemas/clauses.ts) and frontmatter: the one clause model, read by
 * the index step (src/search-index/) — which therefore reads no built HTML —
 * and, for its types and title rules, by the search client that cuts the
 * Pagefind fragment back into these records (src/scripts/search/clauses.ts).
 *
 * A record per place a result can land: the document's title, each part's
 * heading (notice, main text, attachments), each numbered provision (its
 * heading, the rest of its heading line and its own paragraphs; not its
 * sub-provisions) and each unnumbered paragraph outside provisions. The text
 * is the text as printed, whitespace collapsed to single spaces; what the page
 * adds for screen readers (（标题为编者所补）) is no text of the document.
 * Pure: no file access, bundle-safe.
 */
import type { ClauseRecord } from '../../schemas/clauses.ts';

/** A document as search files it: meta, filters, sort key. */
export interface DocInfo {
  slug: string;
  title: string;
  /** Short title (文件 filter, result labels); the title when there is none. */
  short: string;
  date: string;
  year: string;
  /** Province (地区 filter). */
  region: string;
  kind: string;
  number: string;
}

export interface SearchRecord {
  anchor: string;
  /**
   * A numbered provision (its title is its heading), an unnumbered paragraph
   * (its title is the start of its text) or a title (the document's, a
   * notice's or an attachment's heading; the record is the heading alone).
   */
  kind: 'provision' | 'paragraph' | 'heading';
  title: string;
  /** The citation label (第三部分（四）第15项); 标题 for the document's title. */
  cite: string;
  /** The clause's text, whitespace collapsed to single spaces; a provision's starts with its title. */
  content: string;
}

/** The anchor of the document's title (src/pages/policies/[slug].astro gives the h1 this id). */
export const DOC_TITLE_ANCHOR = 'doc-title';
/** The citation label of the document's title. */
export const DOC_TITLE_CITE = '标题';
/** How many characters of an unnumbered paragraph are its title in results. */
export const PARAGRAPH_TITLE = 30;

/** The frontmatter fields DocInfo is made from (src/schemas/policy.ts). */
export interface DocFields {
  title: string;
  shortTitle?: string;
  date?: string;
  year?: number;
  region?: { province?: string };
  kind?: string;
  docNumber?: string;
}

/** A document's search info from its frontmatter; the document page writes the same values as data-doc-* attributes. */
export function docInfo(slug: string, d: DocFields): DocInfo {
  return {
    slug,
    title: d.title,
    short: d.shortTitle ?? d.title,
    date: d.date ?? '',
    year: d.year ? String(d.year) : '',
    region: d.region?.province ?? '',
    kind: d.kind ?? '',
    number: d.docNumber ?? '',
  };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The records of one document, in the order the index lays them out: the
 * title, the parts' headings, the provisions, the paragraphs outside
 * provisions (each group in document order).
 */
export function searchRecords(doc: DocInfo, clauses: readonly ClauseRecord[]): SearchRecord[] {
  const kindOf = new Map(clauses.map((c) => [c.id, c.kind]));
  const title = squash(doc.title);
  const headings: SearchRecord[] = title
    ? [{ anchor: DOC_TITLE_ANCHOR, kind: 'heading', title, cite: DOC_TITLE_CITE, content: title }]
    : [];
  const provisions: SearchRecord[] = [];
  const paragraphs: SearchRecord[] = [];
  for (const c of clauses) {
    if (c.kind === 'part') {
      // Label line and title lines read as one heading; a part without them by its (supplied) label.
      const t = squash(c.text.split('\n').join('')) || squash(c.cite);
      if (t) headings.push({ anchor: c.id, kind: 'heading', title: t, cite: c.cite, content: t });
    } else if (c.kind === 'provision') {
      const [first = '', ...own] = c.text.split('\n');
      const chars = Array.from(first);
      const head = c.head ?? chars.length;
      const heading = squash(chars.slice(0, head).join(''));
      provisions.push({
        anchor: c.id,
        kind: 'provision',
        title: heading,
        cite: c.cite,
        content: [heading, squash(chars.slice(head).join('')), ...own.map(squash)].filter(Boolean).join(' '),
      });
    } else if (!c.parent || kindOf.get(c.parent) !== 'provision') {
      const content = squash(c.text);
      paragraphs.push({
        anchor: c.id,
        kind: 'paragraph',
        title: content.slice(0, PARAGRAPH_TITLE),
        cite: c.cite,
        content,
      });
    }
  }
  return [...headings, ...provisions, ...paragraphs];
}
