/**
 * remark-unravel-jsx: a paragraph holding nothing but JSX elements (and
 * whitespace) is not a paragraph: its elements are block elements. MDX's own
 * compiler does this (remark-mark-and-unravel in @mdx-js/mdx, not exported);
 * without it `<TitleBlock>` lines would come out as <p><p>…</p></p>.
 */
import type { Root, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { MdxFlowExpression, MdxJsxFlowElement, MdxJsxTextElement, MdxTextExpression } from 'mdast-util-mdx';
import { visit, SKIP } from 'unist-util-visit';

const isJsxText = (n: PhrasingContent): n is MdxJsxTextElement | MdxTextExpression =>
  n.type === 'mdxJsxTextElement' || n.type === 'mdxTextExpression';
const isBlank = (n: PhrasingContent) => n.type === 'text' && /^[\t\r\n ]*$/.test(n.value);

/** The same element or expression as a block: only the node type changes. */
const toFlow = (n: MdxJsxTextElement | MdxTextExpression): MdxJsxFlowElement | MdxFlowExpression =>
  n.type === 'mdxJsxTextElement'
    ? ({ ...n, type: 'mdxJsxFlowElement' } as MdxJsxFlowElement)
    : { ...n, type: 'mdxFlowExpression' };

export default function remarkUnravelJsx() {
  return (tree: Root) => {
    visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
      if (!parent || index === undefined) return;
      const kids = node.children;
      if (!kids.some(isJsxText) || !kids.every((k) => isJsxText(k) || isBlank(k))) return;
      const flow: RootContent[] = kids.filter(isJsxText).map(toFlow);
      parent.children.splice(index, 1, ...(flow as typeof parent.children));
      return [SKIP, index];
    });
  };
}
