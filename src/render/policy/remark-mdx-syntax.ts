/**
 * remark-mdx-syntax: MDX's syntax (JSX elements and {…} expressions) without
 * its JavaScript. remark-mdx also parses every attribute value and expression
 * with acorn; the policy documents contain no JavaScript, only JSON literals
 * (cite={"第一部分"}) that render.ts parses as JSON and rejects otherwise.
 * Skipping acorn makes parsing ~40 % faster, which matters at thousands of
 * documents. Without the ESM extension an import/export line would read as
 * text, so render.ts refuses such lines before parsing.
 */
import type { Processor } from 'unified';
import { mdx } from 'micromark-extension-mdx';
import { mdxFromMarkdown } from 'mdast-util-mdx';

export default function remarkMdxSyntax(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(mdx());
  (data.fromMarkdownExtensions ??= []).push(mdxFromMarkdown());
}
