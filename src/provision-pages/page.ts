/**
 * One provision page as HTML: the shell's placeholders filled in with the
 * provision cut from its document's built page. Pure (strings in, string
 * out); build.ts reads and writes the files.
 *
 * The page: a breadcrumb of the provision's parents (the part, 三、, （四）),
 * the document's title and the citation label, the provision as the document
 * page renders it (heading, agencies as links, text, related provisions;
 * headings renumbered so its own is the h1), its sub-provisions as links
 * (for 一、 and （一）, whose text would repeat half the document), a link
 * into the full text at the clause, previous and next. The related and the
 * automatic (自动推荐) provisions come with the slice: the document page
 * renders them inside the provision's section.
 */
import { tocLabel, ancestors, type Provision } from '../lib/clauses/outline.ts';

/** Placeholders in the shell (src/pages/provision-shell.astro); ASCII so no escaping changes them. */
export const SHELL = {
  title: '__PROVISION_TITLE__',
  description: '__PROVISION_DESCRIPTION__',
  path: '__PROVISION_PATH__',
  ogTitle: '__PROVISION_OG_TITLE__',
  body: '__PROVISION_BODY__',
} as const;

export interface DocInfo {
  slug: string;
  /** Site base path, e.g. / or /sub/path/. */
  base: string;
  title: string;
  shortTitle: string;
  titleSupplied: boolean;
  /** 《…》（…）, as the document page writes it (data-cite-prefix). */
  citePrefix: string;
  provisions: Provision[];
  /** The document's rendered text (the built page or its part that holds the text). */
  html: string;
}

export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Provisions that get a page: every numbered provision at every depth; not paragraphs, not parts. */
export const paged = (provisions: Provision[]) => provisions.filter((p) => p.depth >= 1);

/**
 * The provision's HTML for its page, cut from the document's HTML at the
 * offsets `range` gives (sections.ts). Without children the nested provisions
 * are left out; headings are renumbered so the provision's is h1; fragment
 * links to elements not on the page (a correction's note) point into the full text.
 */
export function provisionSlice(
  html: string,
  range: { start: number; end: number; children: { start: number; end: number }[] },
  withChildren: boolean,
  docHref: string,
): string {
  let out = '';
  let at = range.start;
  if (!withChildren) {
    for (const c of range.children) {
      out += html.slice(at, c.start);
      at = c.end;
    }
  }
  out += html.slice(at, range.end);
  const own = Number(/<h([1-6])\b/.exec(out)?.[1] ?? 2);
  const ids = new Set([...out.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
  return out
    .replace(
      /<(\/?)h([1-6])\b/g,
      (_m, slash: string, n: string) => `<${slash}h${Math.min(6, Math.max(1, Number(n) - own + 1))}`,
    )
    .replace(/\bhref="#([^"]+)"/g, (m, id: string) => (ids.has(id) ? m : `href="${docHref}#${id}"`));
}

/** The opening words of a provision after its heading, for the description and the chat-app preview. */
export function opening(p: Provision, text: string, max = 110): string {
  const flat = text.replace(/\s+/g, '');
  const head = `${p.num}${p.title}`.replace(/\s+/g, '');
  const body = (flat.startsWith(head) ? flat.slice(head.length).replace(/^[。：:；]/u, '') : flat) || flat;
  return body.length > max ? `${body.slice(0, max)}…` : body;
}

export interface PageInput {
  doc: DocInfo;
  p: Provision;
  prev?: Provision;
  next?: Provision;
  /** The provision's HTML (provisionSlice). */
  html: string;
  /** Its text (src/content/clauses/<slug>.json), for the description. */
  text: string;
}

export function provisionPage(shell: string, { doc, p, prev, next, html, text }: PageInput): string {
  const docHref = `${doc.base}policies/${doc.slug}/`;
  const byId = new Map(doc.provisions.map((q) => [q.id, q]));
  const pageOf = (q: Provision) => (q.depth >= 1 ? `${docHref}${q.id}/` : `${docHref}#${q.id}`);
  const link = (q: Provision, attrs = '') => `<a${attrs} href="${esc(pageOf(q))}">${esc(tocLabel(q))}</a>`;
  const heading = tocLabel(p);
  const children = p.depth >= 3 ? [] : doc.provisions.filter((q) => q.parent === p.id);
  const title = doc.titleSupplied
    ? `<span class="supplied" title="标题为编者所补">《${esc(doc.title)}》<span class="sr-only">（标题为编者所补）</span></span>`
    : `《${esc(doc.title)}》`;
  const body = [
    `<nav class="breadcrumb" aria-label="本条在文件中的位置"><ol><li><a href="${esc(docHref)}">${esc(doc.shortTitle)}</a></li>`,
    ...ancestors(p, byId).map((q) => `<li>${link(q)}</li>`),
    `<li aria-current="page">${esc(p.num)}</li></ol></nav>`,
    `<article id="provision" tabindex="-1" data-doc-path="${esc(docHref)}" data-cite-prefix="${esc(doc.citePrefix)}">`,
    `<p class="provision-of"><a href="${esc(docHref)}">${title}</a><span class="lead">${esc(p.cite)}</span></p>`,
    `<div class="policy-text">${html}</div>`,
    children.length
      ? `<section class="provision-children" aria-labelledby="children-title"><h2 id="children-title">本条包括</h2><ol>${children.map((c) => `<li>${link(c)}</li>`).join('')}</ol></section>`
      : '',
    `<p class="provision-full"><a href="${esc(`${docHref}#${p.id}`)}">在全文中阅读本条</a></p>`,
    `<nav class="prev-next" aria-label="上一条和下一条">`,
    prev
      ? `<a rel="prev" href="${esc(pageOf(prev))}"><span class="lead">上一条</span> ${esc(tocLabel(prev))}</a>`
      : '<span></span>',
    next ? `<a rel="next" href="${esc(pageOf(next))}"><span class="lead">下一条</span> ${esc(tocLabel(next))}</a>` : '',
    `</nav></article>`,
  ].join('');
  const description = opening(p, text) || `${doc.title}${p.cite}`;
  return shell
    .split(SHELL.title)
    .join(esc(`${heading} - ${doc.shortTitle}`))
    .split(SHELL.ogTitle)
    .join(esc(heading))
    .split(SHELL.description)
    .join(esc(description))
    .split(SHELL.path)
    .join(`policies/${doc.slug}/${p.id}/`)
    .split(SHELL.body)
    .join(body);
}
