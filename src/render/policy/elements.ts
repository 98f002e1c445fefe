/**
 * The HTML of each element that `npm run ingest` writes into a policy MDX
 * document (<Provision>, <Para>, <Term> …), as hast. This is the one place a
 * policy text's markup is defined; `render.ts` calls these while turning the
 * parsed MDX into HTML.
 *
 * Why not Astro components: compiling every document's MDX into a JavaScript
 * module made the site build grow by ~0.1 s and ~5 MiB of memory per document
 * (1,000 documents: 226 s, 6 GiB). Rendering the same MDX tree to HTML once,
 * in the content loader, costs a few milliseconds per document, and the MDX
 * can never run code: only these elements and JSON attribute values exist.
 *
 * No element adds or changes wording; everything an editor supplies (labels,
 * notes) is marked as such.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Attributes, ElementName } from './contract.ts';

export interface RelatedBlock {
  groups: { label: string; links: { href: string; doc: string; label: string }[] }[];
  topics: { href: string; name: string }[];
  /** Similar provisions found automatically (src/lib/similar/), shown apart from the curated ones, with what they share. */
  similar?: { href: string; doc: string; label: string; shared: string[] }[];
}

/** What the elements need to know beyond their own attributes. */
export interface ElementContext {
  /** A site-internal URL under the site's base path. */
  href(path: string): string;
  /** A glossary entry's display term and short definition; throws for an unknown id. */
  term(id: string): { term: string; short: string };
  /** Related provisions and topics of a provision of the document being rendered. */
  related(id: string): RelatedBlock;
  /** The page of an agency named in the document being rendered (as printed: 市卫健委); undefined for a name the agency table cannot read. */
  agencyHref(asWritten: string): string | undefined;
}

/** The HTML of one element, from its attributes as the contract (contract.ts) checked them. */
export type ElementBuilder<N extends ElementName> = (
  props: Attributes<N>,
  children: ElementContent[],
  ctx: ElementContext,
) => ElementContent[];

/** An agency label: a link to its page, or the name as written when no page exists. */
const agencyLink = (name: string, ctx: ElementContext): ElementContent => {
  const url = ctx.agencyHref(name);
  return url ? h('a', { href: url }, name) : h('span', name);
};

const headingTag = (level: number) => `h${level}`;

/** Marked so search and excerpts leave it out (tooltips, labels, editors' notes). */
const IGNORE = { 'data-pagefind-ignore': true };

/**
 * Permalink of a provision: a plain "#" link that works without JavaScript.
 * The copy-link and copy-citation buttons are not repeated in every provision
 * (hundreds per page); src/scripts/clause-tools.ts brings one pair to
 * whichever provision the reader points at or focuses.
 */
export function clauseTools(id: string, cite: string): Element {
  return h('span', { class: 'clause-tools' }, [
    h('a', { class: 'permalink', href: `#${id}`, 'aria-label': `本条链接：${cite}` }, '#'),
  ]);
}

/**
 * Old anchors that a structural fix moved (manifest `aliases`): an empty
 * element per old id at the start of the clause, so shared links keep landing
 * on the text they pointed at.
 */
function aliasTargets(aliases: string[] | undefined): Element[] {
  return (aliases ?? []).map((id) => h('span', { id, class: 'anchor-alias', 'aria-hidden': 'true' }));
}

/** Under a provision: related clauses in other documents and its topics. */
function relatedBlock(r: RelatedBlock): ElementContent[] {
  if (!r.groups.length && !r.topics.length) return [];
  const topics: ElementContent[] = [];
  r.topics.forEach((t, i) => {
    if (i > 0) topics.push({ type: 'text', value: '、' });
    topics.push(h('a', { href: t.href }, t.name));
  });
  return [
    h('div', { class: 'related', ...IGNORE }, [
      ...r.groups.map((g) =>
        h('div', { class: 'related-group' }, [
          h('span', { class: 'related-label' }, `${g.label}：`),
          h(
            'ul',
            g.links.map((l) => h('li', [h('a', { href: l.href }, [h('b', l.doc), ` ${l.label}`])])),
          ),
        ]),
      ),
      ...(r.topics.length ? [h('p', { class: 'related-topics' }, ['专题：', ...topics])] : []),
    ]),
  ];
}

/**
 * After the curated block: provisions of other documents found by wording
 * (自动推荐), each with the terms and phrases it shares, so a reader sees why.
 * Labelled as automatic; editors can reject a pair (src/content/similar-rejected.json).
 */
function similarBlock(r: RelatedBlock): ElementContent[] {
  if (!r.similar?.length) return [];
  return [
    h('div', { class: 'similar', ...IGNORE }, [
      h('span', { class: 'related-label', title: '按用语相近自动找出，未经编辑核对' }, '自动推荐：'),
      h(
        'ul',
        r.similar.map((l) =>
          h('li', [
            h('a', { href: l.href }, [h('b', l.doc), ` ${l.label}`]),
            ...(l.shared.length ? [h('span', { class: 'similar-why' }, `（共同：${l.shared.join('、')}）`)] : []),
          ]),
        ),
      ),
    ]),
  ];
}

export const elements: { [N in ElementName]: ElementBuilder<N> } = {
  /** What survives of the original title block, shown as printed. */
  TitleBlock: (_p, children) => [h('div', { class: 'title-block', role: 'group', 'aria-label': '原文标题' }, children)],
  TitleLine: (_p, children) => [h('p', children)],

  /** A part of the document: the notice, the main text or an attachment. */
  Part: (p, children) => [h('section', { class: 'part', 'data-kind': p.kind, 'aria-labelledby': p.id }, children)],
  /** A part's title lines as printed or, when the text has none (a notice), the editors' label, marked as supplied. */
  PartHeading: (p, children) => {
    const { id, label } = p;
    const note = p.note ?? '';
    const content = p.supplied
      ? [
          h('span', { class: 'supplied', title: note ? `编者所加标签：${note}` : '编者所加标签' }, [
            label,
            h('span', { class: 'sr-only' }, `（编者所加${note ? `：${note}` : ''}）`),
          ]),
        ]
      : children;
    return [
      h('div', { class: 'clause-head' }, [
        h(headingTag(p.level), { id, class: 'part-title' }, [...aliasTargets(p.aliases), ...content]),
        clauseTools(id, label),
      ]),
    ];
  },
  PartTitle: (_p, children) => [h('span', { class: 'line' }, children)],
  /** A part's printed label line (附件1, 附表), kept apart from the title lines. */
  PartLabel: (_p, children) => [h('span', { class: 'line part-label' }, children)],

  /**
   * A numbered provision and everything under it; its heading carries the
   * anchor. Deliberately not a labelled region: the same heading text
   * (一、总体要求) recurs in attachments, and dozens of landmarks would drown
   * the real ones.
   */
  Provision: (p, children, ctx) => {
    const related = ctx.related(p.id);
    return [
      h('section', { class: 'provision', 'data-depth': String(p.depth), 'data-id': p.id }, [
        ...children,
        ...relatedBlock(related),
        ...similarBlock(related),
      ]),
    ];
  },
  /** Number and title (or lead sentence) as printed, permalink tools, responsible agencies as labels linking to their pages. */
  ProvisionHeading: (p, children, ctx) => {
    const { id } = p;
    const lead = p.lead ?? [];
    const partners = p.partners ?? [];
    const out: ElementContent[] = [
      h('div', { class: 'clause-head' }, [
        h(headingTag(p.level), { id }, [...aliasTargets(p.aliases), ...children]),
        clauseTools(id, p.cite),
      ]),
    ];
    if (lead.length || partners.length) {
      out.push(
        h('ul', { class: 'agencies', 'aria-label': '责任单位', ...IGNORE, title: p.basis }, [
          ...lead.map((a) => h('li', { class: 'lead' }, [h('span', { class: 'role' }, '牵头'), agencyLink(a, ctx)])),
          ...partners.map((a) =>
            h('li', [h('span', { class: 'role' }, lead.length ? '参与' : '责任'), agencyLink(a, ctx)]),
          ),
        ]),
      );
    }
    return out;
  },
  ProvisionBody: (_p, children) => [h('p', { class: 'provision-body' }, children)],
  /** An unnumbered paragraph, anchored by ingest (s2-p1, tz-p3 …). */
  Para: (p, children) => [
    h('p', { id: p.id, class: p.list ? 'para attachment-list' : 'para' }, [
      ...aliasTargets(p.aliases),
      ...children,
      clauseTools(p.id, p.cite),
    ]),
  ],

  /** An editorial correction: the corrected text reads in place; hovering or focusing the mark shows the original. */
  Correction: (p, children) => {
    const { n, original } = p;
    return [
      h('span', { class: 'correction' }, [
        h('ins', children),
        h(
          'a',
          {
            class: 'correction-mark',
            href: `#corr-${n}`,
            'aria-label': `〔校${n}〕编者校正：原文作“${original}”。${p.reason}`,
            ...IGNORE,
          },
          `〔校${n}〕`,
        ),
        h('span', { class: 'original', 'aria-hidden': 'true', ...IGNORE }, `原文作“${original}”`),
      ]),
    ];
  },
  /**
   * A mojibake repair: the reconstruction reads in place, marked 〔修n〕 (〔修n·存疑〕
   * when uncertain); hovering or focusing the mark shows the damaged original,
   * and the mark links to the repair's row in the provenance report.
   */
  Repair: (p, children) => {
    const { n, original } = p;
    const doubt = p.uncertain === true;
    const label = `〔修${n}${doubt ? '·存疑' : ''}〕`;
    return [
      h('span', { class: doubt ? 'repair uncertain' : 'repair' }, [
        h('ins', children),
        h(
          'a',
          {
            class: 'repair-mark',
            href: `#repair-${n}`,
            'aria-label': `${label}乱码修复${doubt ? '（存疑）' : ''}：原文此处损坏为“${original}”，据上下文重建。${p.reason}`,
            ...IGNORE,
          },
          label,
        ),
        h(
          'span',
          { class: 'original', 'aria-hidden': 'true', ...IGNORE },
          `乱码原作“${original}”${doubt ? '，重建存疑' : ''}`,
        ),
      ]),
    ];
  },
  /**
   * An editor's note on a reading kept as printed (not a correction): the text
   * stays unchanged, marked 〔注n〕; the note shows on hover or focus and in the
   * provenance report.
   */
  EditorNote: (p, children) => {
    const { n, note } = p;
    return [
      h('span', { class: 'ed-note' }, [
        h('span', { class: 'noted' }, children),
        h(
          'a',
          { class: 'note-mark', href: `#note-${n}`, 'aria-label': `〔注${n}〕编者注：${note}`, ...IGNORE },
          `〔注${n}〕`,
        ),
        h('span', { class: 'note-text', 'aria-hidden': 'true', ...IGNORE }, `编者注：${note}`),
      ]),
    ];
  },
  /** An image (usually a table) the scraped page lost; only its file name survives. */
  MissingImage: (p, children) => [
    h('p', { id: p.id, class: 'para figure-missing' }, [
      ...aliasTargets(p.aliases),
      h('span', { class: 'badge', ...IGNORE }, '编者注'),
      h('span', IGNORE, '原文此处为图片，转载网页只留下文件名'),
      ' ',
      h('span', { class: 'filename' }, children),
      h('span', IGNORE, '，图片内容未能取得。'),
      clauseTools(p.id, p.cite),
    ]),
  ],
  /** Where the source text breaks off (the notice is supplied by editors). */
  Truncated: (_p, children) => [
    h('p', { class: 'truncated', id: 'truncated' }, [h('span', { class: 'badge' }, '编者注'), ...children]),
  ],

  /**
   * A glossary term (inserted by remark-glossary). It links to its entry
   * page; the short definition shows on hover, keyboard focus and tap
   * (src/scripts/term-tips.ts) and is announced through aria-describedby.
   * Without JavaScript hover and focus still work (CSS), and a tap follows
   * the link. The definition is kept out of search and excerpts.
   */
  Term: (p, children, ctx) => {
    const { id, uid } = p;
    const entry = ctx.term(id);
    return [
      h('span', { class: 'term' }, [
        h('a', { class: 'term-link', href: ctx.href(`glossary/${id}/`), 'aria-describedby': uid }, children),
        h('span', { class: 'term-tip', role: 'tooltip', id: uid, ...IGNORE }, [h('b', entry.term), `　${entry.short}`]),
      ]),
    ];
  },
};
