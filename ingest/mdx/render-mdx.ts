/**
 * Writes the MDX document: frontmatter (JSON, which is valid YAML) and a body
 * made only of the site's own components with escaped text inside. Nothing
 * from the seed is ever written unescaped.
 */
import type { TextMark } from '../pipeline.ts';
import type { DocTree, Node, PartNode, Span } from '../structure/parse-outline.ts';
import { escapeMdxText, jsxString } from './escape.ts';

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
  out.push(`{/* 本文件由 npm run ingest 从 seeds/${input.seed} 生成，请勿手改。要修改，请改 ingest/manifests/${input.slug}.json 或清洗规则，再运行 npm run ingest。 */}`, '');

  if (tree.head.length) {
    out.push('<TitleBlock>');
    for (const h of tree.head) out.push(`<TitleLine>${inline(h)}</TitleLine>`);
    out.push('</TitleBlock>', '');
  }
  // Heading levels: h1 is the page title; declared parts take h2 and push the outline down one level.
  const declared = tree.parts.some((p) => p.declared);
  const base = declared ? 2 : 1;

  // Heading level follows nesting, not the outline depth, so a text that skips
  // a level (一、 straight to 1.) still gets h2 → h3 without a gap.
  const node = (n: Node, nest = 1): void => {
    if (n.type === 'para') {
      const cite = jsxString(input.cites.get(n.id) ?? '');
      if (n.image) out.push(`<MissingImage id="${n.id}" cite=${cite}${aliasProp(n.aliases)}>${inline(n.span)}</MissingImage>`, '');
      else out.push(`<Para id="${n.id}" cite=${cite}${n.listItem ? ` list={${n.listItem}}` : ''}${aliasProp(n.aliases)}>${inline(n.span)}</Para>`, '');
      return;
    }
    const level = Math.min(6, base + nest);
    out.push(`<Provision id="${n.id}" depth={${n.depth}} level={${level}}>`);
    const a = n.agencies;
    const agencyProps = a
      ? ` lead=${jsxList(a.lead)} partners=${jsxList(a.partners)}${a.basis ? ` basis=${jsxString(a.basis)}` : ''}`
      : '';
    out.push(`<ProvisionHeading level={${level}} id="${n.id}" cite=${jsxString(input.cites.get(n.id) ?? '')}${agencyProps}${aliasProp(n.aliases)}>${inline(n.heading)}</ProvisionHeading>`, '');
    if (n.body.end > n.body.start) out.push(`<ProvisionBody>${inline(n.body)}</ProvisionBody>`, '');
    n.children.forEach((c) => node(c, nest + 1));
    out.push('</Provision>', '');
  };
  const part = (p: PartNode): void => {
    if (p.declared) {
      out.push(`<Part id="${p.id}" kind="${p.kind}" label=${jsxString(p.label)} level={2}>`);
      // Title lines go on one line so they render inside a single heading.
      // The printed label line (附件1) and the title lines are kept apart.
      const label = p.labelLine ? `<PartLabel>${inline(p.labelLine)}</PartLabel>` : '';
      const titles = label + p.titles.map((t) => `<PartTitle>${inline(t)}</PartTitle>`).join('');
      const supplied = titles ? '' : ` supplied${p.titleNote ? ` note=${jsxString(p.titleNote)}` : ''}`;
      out.push(`<PartHeading id="${p.id}" level={2} label=${jsxString(p.label)}${supplied}${aliasProp(p.aliases)}>${titles}</PartHeading>`, '');
    }
    p.children.forEach((c) => node(c));
    if (p.declared) out.push('</Part>', '');
  };
  tree.parts.forEach(part);
  if (input.truncated) out.push(`<Truncated>${escapeMdxText(input.truncated)}</Truncated>`, '');

  const missed = marks.filter((m) => !used.has(m));
  if (missed.length) throw new Error(`render-mdx: ${missed[0].kind} ${missed[0].n} falls across a structural boundary (heading and body, or two lines)`);
  return out.join('\n');
}

/** The element of an editorial mark around its (escaped) text. */
function markElement(m: TextMark, inner: string): string {
  switch (m.kind) {
    case 'correction':
      return `<Correction n={${m.n}} original=${jsxString(m.context.find)} corrected=${jsxString(m.context.replace)} reason=${jsxString(m.reason)}>${inner}</Correction>`;
    case 'repair':
      return `<Repair n={${m.n}} original=${jsxString(m.original)} reason=${jsxString(m.reason)}${m.uncertain ? ' uncertain' : ''}>${inner}</Repair>`;
    case 'note':
      return `<EditorNote n={${m.n}} note=${jsxString(m.note)}>${inner}</EditorNote>`;
  }
}

function aliasProp(aliases: string[] | undefined): string {
  return aliases?.length ? ` aliases=${jsxList(aliases)}` : '';
}

function jsxList(values: string[]): string {
  return `{${JSON.stringify(values)}}`;
}
