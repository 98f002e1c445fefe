/**
 * remark-glossary: marks policy terms in the document text at build time.
 *
 * - One pattern of every term and alias, longest first (DRG付费 before DRG;
 *   the spelled-out 两个允许 as a whole). Chinese has no word boundaries, so
 *   no \b: a form matches wherever it occurs.
 * - Only inside text containers (Para, ProvisionBody) of policy documents;
 *   never in headings, links, code, corrections or an existing mark.
 * - Once per provision: the first occurrence in each provision's own text.
 * - Records every marked occurrence (term, anchor, snippet) in the document's
 *   frontmatter (`glossaryOccurrences`) for the term pages.
 *
 * The glossary is loaded and checked once, when the plugin is created, so a
 * broken entry stops the build with its file and a hint.
 */
import type { Root, Nodes } from 'mdast';
import type { VFile } from 'vfile';
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';
import { visitParents } from 'unist-util-visit-parents';
import { attr, isJsx, type JsxNode } from './mdx-jsx.ts';
import { loadGlossary, termForms } from '../lib/glossary/load.ts';

export interface RemarkGlossaryOptions {
  /** Folder of the glossary entries. */
  dir?: string;
  /** Only files whose path contains this are processed. */
  only?: string;
}

export interface GlossaryOccurrence {
  term: string;
  /** Anchor of the paragraph or provision where the term occurs. */
  anchor: string;
  /** The form found in the text. */
  form: string;
  /** About 40 characters around the match. */
  snippet: string;
  /** Citation label of a paragraph (provisions' labels are in the frontmatter outline). */
  cite?: string;
}

const CONTAINERS = new Set(['Para', 'ProvisionBody']);
const SCOPES = new Set(['Provision', 'Part']);
const SKIP = new Set(['Correction', 'Repair', 'EditorNote', 'Term']);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default function remarkGlossary(options: RemarkGlossaryOptions = {}) {
  const entries = loadGlossary(options.dir);
  const forms = termForms(entries);
  const idOf = new Map(forms.map((f) => [f.form, f.id]));
  const pattern = forms.length ? new RegExp(forms.map((f) => escapeRegExp(f.form)).join('|'), 'g') : null;
  const only = options.only ?? 'src/content/policies';

  return (tree: Root, file: VFile) => {
    if (!pattern || !file.path?.replace(/\\/g, '/').includes(only)) return;
    const occurrences: GlossaryOccurrence[] = [];
    const seen = new Map<string, Set<string>>();
    // Short ids for the tooltips (g1, g2 …), unique in the page.
    let counter = 0;

    visitParents(tree, (node, ancestors) => {
      if (!isJsx(node) || !CONTAINERS.has(node.name ?? '')) return;
      const scopeNode = [...ancestors].reverse().find((a) => isJsx(a) && SCOPES.has(a.name ?? '')) as JsxNode | undefined;
      const scope = scopeNode ? attr(scopeNode, 'id') ?? '' : '';
      const anchor = attr(node, 'id') ?? scope;
      const cite = attr(node, 'cite');
      if (!seen.has(scope)) seen.set(scope, new Set());
      const done = seen.get(scope)!;
      findAndReplace(
        node as unknown as Nodes,
        [
          pattern,
          (value: string, match: RegExpMatchObject) => {
            const id = idOf.get(value);
            if (!id || done.has(id)) return false;
            done.add(id);
            const at = match.index;
            const input = match.input;
            occurrences.push({
              term: id,
              anchor,
              form: value,
              ...(cite ? { cite } : {}),
              snippet: `${at > 24 ? '…' : ''}${input.slice(Math.max(0, at - 24), at + value.length + 24)}${at + value.length + 24 < input.length ? '…' : ''}`,
            });
            return {
              type: 'mdxJsxTextElement',
              name: 'Term',
              attributes: [
                { type: 'mdxJsxAttribute', name: 'id', value: id },
                { type: 'mdxJsxAttribute', name: 'uid', value: `g${++counter}` },
              ],
              children: [{ type: 'text', value }],
            } as never;
          },
        ],
        {
          ignore: (n: unknown) => {
            const t = (n as { type: string }).type;
            return t === 'link' || t === 'linkReference' || t === 'inlineCode' || t === 'code' || t === 'heading' || (isJsx(n) && SKIP.has(n.name ?? ''));
          },
        },
      );
      return 'skip';
    });

    const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
    astro.frontmatter ??= {};
    astro.frontmatter.glossaryOccurrences = occurrences;
  };
}
