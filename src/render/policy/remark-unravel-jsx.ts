/**
 * remark-unravel-jsx: a paragraph holding nothing but JSX elements (and
 * whitespace) is not a paragraph: its elements are block elements. MDX's own
 * compiler does this (remark-mark-and-unravel in @mdx-js/mdx, not exported);
 * without it `<TitleBlock>` lines would come out as <p><p>…</p></p>.
 */
import type { Root, Paragraph } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';

const isJsxText = (n: { type: string }) => n.type === 'mdxJsxTextElement' || n.type === 'mdxTextExpression';
const isBlank = (n: { type: string; value?: string }) => n.type === 'text' && /^[\t\r\n ]*$/.test(n.value ?? '');

export default function remarkUnravelJsx() {
  return (tree: Root) => {
    visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
      if (!parent || index === undefined) return;
      const kids = node.children as { type: string; value?: string }[];
      if (!kids.some(isJsxText) || !kids.every((k) => isJsxText(k) || isBlank(k))) return;
      const flow = kids.filter((k) => !isBlank(k)).map((k) => ({ ...k, type: k.type === 'mdxJsxTextElement' ? 'mdxJsxFlowElement' : 'mdxFlowExpression' }));
      parent.children.splice(index, 1, ...(flow as never[]));
      return [SKIP, index];
    });
  };
}
