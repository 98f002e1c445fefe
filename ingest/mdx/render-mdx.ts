/**
 * Writes the MDX document: frontmatter (JSON, which is valid YAML) and a body
 * made only of the elements of the element contract
 * (src/render/policy/contract.ts, written through element.ts) with escaped
 * text inside. Nothing from the seed is ever written unescaped.
 */
import type { TextMark } from '../pipeline.ts';
import type { DocTree, Node, PartNode, Span } from '../structure/parse-outline.ts';
import { escapeMdxText } from './escape.ts';
import { mdxClose, mdxElement, mdxOpen } from './element.ts';

export interface RenderInput {
  text: string;
  /** Citation label per anchor id (structure/citation.ts). */
  cites: Map<string, string>;
  tree: DocTree;
  marks: TextMark[];
  frontmatter: Record<string, unknown>;
  seed: string;
  slug: string;
  truncated?: string;
}

export function renderMdx(input: RenderInput): string {
  const { text, tree, marks } = input;
  const used = new Set<TextMark>();
  const inline = (s: Span): string => {
    let out = '';
    let pos = s.start;
    for (const m of marks) {
      if (used.has(m) || m.start < s.start || m.end > s.end) continue;
      used.add(m);
      out += escapeMdxText(text.slice(pos, m.start)) + markElement(m, escapeMdxText(text.slice(m.start, m.end)));
      pos = m.end;
    }
    return out + escapeMdxText(text.slice(pos, s.end));
  };

  const out: string[] = [];
  out.push('---', JSON.stringify(input.frontmatter, null, 2), '---', '');
  out.push(
    `{/* 本文件由 npm run ingest 从 seeds/${input.seed} 生成，请勿手改。要修改，请改 ingest/manifests/${input.slug}.json 或清洗规则，再运行 npm run ingest。 */}`,
    '',
  );

  if (tree.head.length) {
    out.push(mdxOpen('TitleBlock', {}));
    for (const h of tree.head) out.push(mdxElement('TitleLine', {}, inline(h)));
    out.push(mdxClose('TitleBlock'), '');
  }
  // Heading levels: h1 is the page title; declared parts take h2 and push the outline down one level.
  const declared = tree.parts.some((p) => p.declared);
  const base = declared ? 2 : 1;

  // Heading level follows nesting, not the outline depth, so a text that skips
  // a level (一、 straight to 1.) still gets h2 → h3 without a gap.
  const node = (n: Node, nest = 1): void => {
    if (n.type === 'para') {
      const cite = input.cites.get(n.id) ?? '';
      if (n.image)
        out.push(mdxElement('MissingImage', { id: n.id, cite, aliases: aliasesOf(n.aliases) }, inline(n.span)), '');
      else
        out.push(
          mdxElement(
            'Para',
            { id: n.id, cite, list: n.listItem ? true : undefined, aliases: aliasesOf(n.aliases) },
            inline(n.span),
          ),
          '',
        );
      return;
    }
    const level = Math.min(6, base + nest);
    out.push(mdxOpen('Provision', { id: n.id, depth: n.depth }));
    const a = n.agencies;
    const agencies = a ? { lead: a.lead, partners: a.partners, basis: a.basis || undefined } : {};
    out.push(
      mdxElement(
        'ProvisionHeading',
        { level, id: n.id, cite: input.cites.get(n.id) ?? '', ...agencies, aliases: aliasesOf(n.aliases) },
        inline(n.heading),
      ),
      '',
    );
    if (n.body.end > n.body.start) out.push(mdxElement('ProvisionBody', {}, inline(n.body)), '');
    n.children.forEach((c) => node(c, nest + 1));
    out.push(mdxClose('Provision'), '');
  };
  const part = (p: PartNode): void => {
    if (p.declared) {
      out.push(mdxOpen('Part', { id: p.id, kind: p.kind }));
      // Title lines go on one line so they render inside a single heading.
      // The printed label line (附件1) and the title lines are kept apart.
      const label = p.labelLine ? mdxElement('PartLabel', {}, inline(p.labelLine)) : '';
      const titles = label + p.titles.map((t) => mdxElement('PartTitle', {}, inline(t))).join('');
      const supplied = titles ? {} : { supplied: true as const, note: p.titleNote || undefined };
      out.push(
        mdxElement(
          'PartHeading',
          { id: p.id, level: 2, label: p.label, ...supplied, aliases: aliasesOf(p.aliases) },
          titles,
        ),
        '',
      );
    }
    p.children.forEach((c) => node(c));
    if (p.declared) out.push(mdxClose('Part'), '');
  };
  tree.parts.forEach(part);
  if (input.truncated) out.push(mdxElement('Truncated', {}, escapeMdxText(input.truncated)), '');

  const missed = marks.filter((m) => !used.has(m));
  if (missed.length)
    throw new Error(
      `render-mdx: ${missed[0].kind} ${missed[0].n} falls across a structural boundary (heading and body, or two lines)`,
    );
  return out.join('\n');
}

/** The element of an editorial mark around its (escaped) text. */
function markElement(m: TextMark, inner: string): string {
  switch (m.kind) {
    case 'correction':
      // The corrected text is the element's content; the original is what the page shows on hover.
      return mdxElement('Correction', { n: m.n, original: m.context.find, reason: m.reason }, inner);
    case 'repair':
      return mdxElement(
        'Repair',
        { n: m.n, original: m.original, reason: m.reason, uncertain: m.uncertain ? true : undefined },
        inner,
      );
    case 'note':
      return mdxElement('EditorNote', { n: m.n, note: m.note }, inner);
  }
}

/** Old anchors, left out when there are none. */
const aliasesOf = (aliases: string[] | undefined): string[] | undefined => (aliases?.length ? aliases : undefined);
