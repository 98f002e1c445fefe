/**
 * The second line of defence: a policy MDX file may hold the document
 * elements (elements.ts), plain text in paragraphs and the generated-file
 * comment — nothing else. Ingest escapes every Markdown character, so a
 * link, image, reference definition, heading, list, code, emphasis or any
 * other Markdown construct here means a hand edit or an escaping bug; it would
 * otherwise render as `<a href="javascript:…">` or an external image. Checked
 * on the tree as parsed, before the site's plugins add their own links.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** The mdast node types ingest writes. Expressions and elements are checked further by render.ts. */
const ALLOWED = new Set([
  'root',
  'paragraph',
  'text',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxFlowExpression',
  'mdxTextExpression',
]);

/** What a reader would call each construct, for the error message. */
const NAMES: Record<string, string> = {
  link: 'a Markdown link [text](url)',
  image: 'a Markdown image ![alt](url)',
  definition: 'a Markdown reference definition [label]: url',
  linkReference: 'a Markdown reference link [text][label]',
  imageReference: 'a Markdown reference image ![alt][label]',
  heading: 'a Markdown heading (# …)',
  list: 'a Markdown list',
  listItem: 'a Markdown list item',
  blockquote: 'a Markdown quote (> …)',
  code: 'a Markdown code block',
  inlineCode: 'Markdown inline code (`…`)',
  emphasis: 'Markdown emphasis (*…* or _…_)',
  strong: 'Markdown strong emphasis (**…**)',
  delete: 'Markdown strikethrough (~~…~~)',
  thematicBreak: 'a Markdown rule (--- or ***)',
  break: 'a Markdown hard line break (a trailing backslash or two spaces)',
  html: 'raw HTML',
  table: 'a Markdown table',
  footnoteReference: 'a footnote reference',
  footnoteDefinition: 'a footnote definition',
};

export interface DisallowedNode {
  type: string;
  what: string;
  line: number | undefined;
}

/** The first node that is not a document element or plain text, or null. */
export function findDisallowed(tree: Root): DisallowedNode | null {
  let found: DisallowedNode | null = null;
  visit(tree, (node) => {
    if (found) return false;
    if (ALLOWED.has(node.type)) return undefined;
    found = {
      type: node.type,
      what: NAMES[node.type] ?? `Markdown syntax (${node.type})`,
      line: node.position?.start.line,
    };
    return false;
  });
  return found;
}
