/**
 * The page Pagefind indexes for one document: not the built page but a
 * minimal one made from its search records (src/lib/clauses/search-records.ts, from the clause data), so that the whole document is ONE
 * search record (a small pf_meta, a fast index) which the client cuts back
 * into clauses (src/scripts/search/clauses.ts).
 *
 * - Every clause starts at an element carrying its anchor as `id`: Pagefind
 *   lists each such element in the fragment's `anchors`, with the word where
 *   it starts. A provision is a heading (its title; Pagefind weighs it as a
 *   heading) followed by the rest of its text. An unnumbered paragraph (p3,
 *   s2-p1, tz-p1) starts with an empty marker element: an `id` on the
 *   paragraph itself would copy its whole text into the anchor's `text`.
 * - Every block's text ends with a space. Pagefind appends ". " to a block
 *   whose text ends in a letter or digit; the space stops that, so the
 *   fragment holds each clause's text exactly.
 * - Document meta, filters and the date sort sit outside the indexed body,
 *   one element each, the value as its text (values may hold commas and
 *   colons, which the `key:value` attribute form would split). Per-clause
 *   citation labels travel as one compact JSON meta, anchor → label: meta lives
 *   in the fragment (fetched per result), not in pf_meta (fetched by every
 *   query).
 * The text is raw official text: hast-util-to-html escapes it.
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { DOC_TITLE_ANCHOR, type SearchRecord, type DocInfo } from '../lib/clauses/search-records.ts';
import { AGENCIES_ANCHOR, AGENCIES_META, type AgencyMeta } from './agency-meta.ts';

/** Meta key of the anchor → citation label JSON. */
export const CITES_META = 'cites';

/**
 * `agencies`: the document's responsible agencies (agency-meta.ts), written
 * as the `agencies` meta and as a block of their own after the clauses.
 * A title record of the document itself is an h1 (Pagefind weighs it most).
 */
export function searchDocument(doc: DocInfo, records: SearchRecord[], agencies: AgencyMeta = []): string {
  const meta: [string, string][] = [
    ['title', doc.title],
    ['doc', doc.short],
    ['slug', doc.slug],
    // A document dated only by its year sorts (and shows) as that year.
    ['date', doc.date || doc.year],
    ['kind', 'document'],
    ['number', doc.number],
    [CITES_META, JSON.stringify(Object.fromEntries(records.filter((r) => r.cite).map((r) => [r.anchor, r.cite])))],
    [AGENCIES_META, agencies.length ? JSON.stringify(agencies) : ''],
  ];
  const filters: [string, string][] = [
    ['文件', doc.short],
    ['地区', doc.region],
    ['年份', doc.year],
    ['文种', doc.kind],
  ];
  const body = records.flatMap((r) => {
    if (r.kind === 'paragraph') return [h('p', [h('span', { id: r.anchor }), `${r.content} `])];
    if (r.kind === 'heading')
      return [h(r.anchor === DOC_TITLE_ANCHOR ? 'h1' : 'h2', { id: r.anchor }, `${r.content} `)];
    const rest = r.content.slice(r.title.length).trim();
    return [h('h2', { id: r.anchor }, `${r.title} `), ...(rest ? [h('p', `${rest} `)] : [])];
  });
  const tree = h('html', { lang: 'zh-CN' }, [
    h('body', [
      h('div', { hidden: true }, [
        ...meta.filter(([, v]) => v).map(([k, v]) => h('span', { dataPagefindMeta: k }, v)),
        ...filters.filter(([, v]) => v).map(([k, v]) => h('span', { dataPagefindFilter: k }, v)),
        h('span', { dataPagefindSort: 'date' }, doc.date || `${doc.year}-00-00`),
      ]),
      h('main', { dataPagefindBody: true }, [
        ...body,
        // Not a clause: the client drops it (clauses.ts) and reads the agencies from the meta.
        ...(agencies.length
          ? [h('p', [h('span', { id: AGENCIES_ANCHOR }), `${agencies.map(([, name]) => name).join(' ')} `])]
          : []),
      ]),
    ]),
  ]);
  return `<!doctype html>${toHtml(tree)}`;
}
