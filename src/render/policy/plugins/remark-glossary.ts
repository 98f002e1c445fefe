/**
 * remark-glossary: marks policy terms in the document text.
 *
 * - One pattern of every term and alias, longest first (DRG付费 before DRG;
 *   the spelled-out 两个允许 as a whole). Chinese has no word boundaries, so
 *   no \b: a form matches wherever it occurs.
 * - Only inside text containers (Para, ProvisionBody); never in headings,
 *   links, corrections, repairs, editors' notes or an existing mark.
 * - Once per provision: the first occurrence in each provision's own text.
 * - Records every marked occurrence (term, anchor, snippet) in
 *   `file.data.glossaryOccurrences`, for the term pages.
 *
 * The caller hands it the glossary (checked when loaded, src/lib/glossary/load.ts);
 * the plugin reads no files. Run by the policy renderer (../render.ts) after
 * remark-references, which it leaves alone (links are skipped).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { findAndReplace, type RegExpMatchObject } from 'mdast-util-find-and-replace';
import { visitParents } from 'unist-util-visit-parents';
import { containerCite, isJsxElement, jsxTextElement, stringAttribute, type JsxElement } from '../mdx-jsx.ts';
import type { ElementName } from '../contract.ts';
import { termForms } from '../../../lib/glossary/load.ts';
import type { GlossaryEntry } from '../../../schemas/glossary.ts';

export interface RemarkGlossaryOptions {
  /** The glossary's entries (id, term, aliases); an empty list marks nothing. */
  entries: GlossaryEntry[];
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

declare module 'vfile' {
  interface DataMap {
    /** Every glossary term remark-glossary marked in the document, in text order. */
    glossaryOccurrences: GlossaryOccurrence[];
  }
}

const CONTAINERS = new Set<ElementName>(['Para', 'ProvisionBody']);
const SCOPES = new Set<ElementName>(['Provision', 'Part']);
const SKIP = new Set<ElementName>(['Correction', 'Repair', 'EditorNote', 'Term']);
const named = (n: { type: string }, names: Set<ElementName>): n is JsxElement =>
  isJsxElement(n) && names.has(n.name as ElementName);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default function remarkGlossary(options: RemarkGlossaryOptions) {
  const forms = termForms(options.entries);
  const idOf = new Map(forms.map((f) => [f.form, f.id]));
  const pattern = forms.length ? new RegExp(forms.map((f) => escapeRegExp(f.form)).join('|'), 'g') : null;

  return (tree: Root, file: VFile) => {
    const occurrences: GlossaryOccurrence[] = [];
    file.data.glossaryOccurrences = occurrences;
    if (!pattern) return;
    const seen = new Map<string, Set<string>>();
    // Short ids for the tooltips (g1, g2 …), unique in the page.
    let counter = 0;

    visitParents(tree, (node, ancestors) => {
      if (!named(node, CONTAINERS)) return;
      const scopeNode = ancestors.findLast((a) => named(a, SCOPES));
      const scope = scopeNode ? (stringAttribute(scopeNode, 'id') ?? '') : '';
      const anchor = stringAttribute(node, 'id') ?? scope;
      const cite = containerCite(
        node,
        ancestors.findLast((a): a is JsxElement => isJsxElement(a) && a.name === 'Provision'),
      );
      if (!seen.has(scope)) seen.set(scope, new Set());
      const done = seen.get(scope)!;
      findAndReplace(
        node,
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
            return jsxTextElement('Term', { id, uid: `g${++counter}` }, [{ type: 'text', value }]);
          },
        ],
        {
          ignore: (n: { type: string }) =>
            n.type === 'link' ||
            n.type === 'linkReference' ||
            n.type === 'inlineCode' ||
            n.type === 'code' ||
            n.type === 'heading' ||
            named(n, SKIP),
        },
      );
      return 'skip';
    });
  };
}
