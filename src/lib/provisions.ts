/**
 * Labels and lookups on a document's outline (the `provisions` ingest writes
 * into the frontmatter), shared by the table of contents and provision pages.
 * Bundle-safe: no file access.
 */
import type { Provision } from '../schemas/policy.ts';

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
