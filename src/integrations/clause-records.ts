/**
 * Turns a built document page into one search record per provision (and per
 * unnumbered paragraph outside provisions), so search results are clauses:
 * each record's URL is the clause anchor and its content is that clause's own
 * text (heading, body, paragraphs; not nested provisions). Tooltips, tools and
 * labels (data-pagefind-ignore) are left out.
 */
import { parse, type HTMLElement } from 'node-html-parser';

export interface DocInfo { slug: string; title: string; short: string; date: string; year: string; region: string; kind: string; number: string }
export interface ClauseRecord { anchor: string; title: string; cite: string; content: string }

/** The citation label carried by a permalink's aria-label (本条链接：第三部分第15项). */
const citeOf = (a: HTMLElement | null): string => (a?.getAttribute('aria-label') ?? '').replace(/^本条链接：/, '');

const text = (el: HTMLElement): string => {
  const copy = parse(el.toString());
  for (const n of copy.querySelectorAll('[data-pagefind-ignore], .clause-tools')) n.remove();
  return copy.textContent.replace(/\s+/g, ' ').trim();
};

export function docInfo(html: string): DocInfo | null {
  const article = parse(html).querySelector('article[data-doc-slug]');
  if (!article) return null;
  const a = (k: string) => article.getAttribute(`data-doc-${k}`) ?? '';
  return { slug: a('slug'), title: a('title'), short: a('short'), date: a('date'), year: a('year'), region: a('region'), kind: a('kind'), number: a('number') };
}

export function clauseRecords(html: string): ClauseRecord[] {
  const root = parse(html);
  const body = root.querySelector('.policy-text');
  if (!body) return [];
  const records: ClauseRecord[] = [];
  for (const section of body.querySelectorAll('section.provision')) {
    const heading = section.querySelector(':scope > .clause-head > [id]');
    if (!heading) continue;
    const own = section.childNodes.filter((n): n is HTMLElement => n instanceof Object && 'tagName' in n && (n as HTMLElement).tagName === 'P');
    const title = text(heading);
    records.push({
      anchor: heading.id,
      title,
      cite: citeOf(section.querySelector(':scope > .clause-head a.permalink')),
      content: [title, ...own.map(text)].join(' '),
    });
  }
  // Paragraphs that belong to no provision (preambles, notices) are clauses of their own.
  for (const p of body.querySelectorAll('p.para[id]')) {
    if (p.closest('section.provision')) continue;
    records.push({ anchor: p.id, title: text(p).slice(0, 30), cite: citeOf(p.querySelector('a.permalink')), content: text(p) });
  }
  return records;
}
