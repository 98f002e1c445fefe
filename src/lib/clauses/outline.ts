/**
 * A document's outline (parts and numbered provisions, in document order,
 * each with its parent) derived from its clause data
 * (src/content/clauses/<slug>.json, src/schemas/clauses.ts): the one clause
 * model every other form is made from. The table of contents, breadcrumbs and
 * provision pages read it; it is computed when a page needs it, not stored in
 * the frontmatter (at 10,000 documents a stored copy was most of Astro's data
 * store). Pure: no file access, bundle-safe.
 */
import type { ClauseRecord } from '../../schemas/clauses.ts';

export interface Provision {
  /** Anchor id, e.g. s3-1-2; see ingest/README.md for the scheme. */
  id: string;
  /** The enclosing part's or provision's id (none at the top). */
  parent?: string;
  /**
   * Outline depth: 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）; in a regulation 1 for
   * 第X章, 2 for 第X节, 3 for 第X条, and its items one deeper per level (to 7). 0 for a part (通知, 附件).
   */
  depth: number;
  /** The numbering as printed (一、 （一） 1.); a part's label (附件1, 印发通知). */
  num: string;
  /** The provision's heading or lead sentence, without its number; a part's title (else its label line or label). */
  title: string;
  /** Citation label, e.g. 第三部分第15项 or 附件1第二部分. */
  cite: string;
  /** The label of the part it is in (附件1), for provisions inside a declared part. */
  part?: string;
  agencies?: ClauseRecord['agencies'];
  /** A part's printed label line (附件1, 附表), kept apart from its title. */
  label?: string;
  /** Old anchors that still lead here (a structural fix moved them). */
  aliases?: string[];
}

/** The outline of one document: its parts and provisions (not its unnumbered paragraphs), in document order. */
export function outline(clauses: Iterable<ClauseRecord>): Provision[] {
  const out: Provision[] = [];
  const partOf = new Map<string, string>();
  for (const c of clauses) {
    if (c.kind === 'para') continue;
    const aliases = c.aliases ? { aliases: c.aliases } : {};
    if (c.kind === 'part') {
      partOf.set(c.id, c.cite);
      out.push({
        id: c.id,
        depth: 0,
        num: c.cite,
        ...(c.num ? { label: c.num } : {}),
        // A part without a title line is named by its label line, else by its (supplied) label.
        title: c.title || c.num || c.cite,
        cite: c.cite,
        part: c.cite,
        ...aliases,
      });
      continue;
    }
    const part = c.parent ? partOf.get(c.parent) : undefined;
    if (part !== undefined) partOf.set(c.id, part);
    out.push({
      id: c.id,
      ...(c.parent ? { parent: c.parent } : {}),
      depth: c.depth ?? 1,
      num: c.num ?? '',
      title: c.title ?? '',
      cite: c.cite,
      ...(part !== undefined ? { part } : {}),
      ...(c.agencies ? { agencies: c.agencies } : {}),
      ...aliases,
    });
  }
  return out;
}

/**
 * How a provision is named in outlines and breadcrumbs: 三、重点工作任务, 第一章　总则; a part
 * by its label and title (附件1　广东省…帮扶行动方案), the label left out when
 * the title already says it (印发通知, the main text's own title).
 */
export function tocLabel(p: Provision): string {
  // A regulation's number is set apart from its title as printed: 第一章　总则.
  if (p.depth > 0) return /^第.+[章节条]$/u.test(p.num) && p.title ? `${p.num}　${p.title}` : `${p.num}${p.title}`;
  // A part: its printed label line when it has one (附件1, 附表), else its number; left out when the title says it.
  const label = p.label ?? p.num;
  return p.title.includes(label) ? p.title : `${label}　${p.title}`;
}

/** The chain of parents of a provision, outermost first (parts included). */
export function ancestors(p: Provision, byId: Map<string, Provision>): Provision[] {
  const out: Provision[] = [];
  for (let q = p.parent ? byId.get(p.parent) : undefined; q; q = q.parent ? byId.get(q.parent) : undefined)
    out.unshift(q);
  return out;
}
