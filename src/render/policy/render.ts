/**
 * Renders a policy document's MDX body to HTML without compiling it to
 * JavaScript: parse (remark-parse + MDX syntax without JS), check every
 * element against the element contract (contract.ts), unravel block elements
 * as MDX does, run the remark plugins of plugins/ (references to other
 * documents, glossary terms), then turn the tree into HTML with the element
 * builders of `elements.ts`.
 *
 * The MDX that ingest writes uses only the contract's elements, string/JSON
 * attribute values and one comment; anything else (an import, an expression,
 * an unknown element or attribute, a missing attribute, a spread attribute)
 * stops the build with the file, the line and a hint. So does any Markdown construct (a link, an image, a reference
 * definition…: check-markdown.ts): only the elements and plain text render.
 * So no text in a document can ever execute.
 *
 * No remark-gfm here: ingest escapes all Markdown syntax, so GFM could only
 * misread text (its URL autolinks swallowed the escape in "<https://…>" and
 * showed a stray backslash).
 */
import type { Root } from 'mdast';
import type { ElementContent } from 'hast';
import type { MdxFlowExpression, MdxTextExpression } from 'mdast-util-mdx';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toHast, type State } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import remarkReferences, { type DocReference, type LibraryDoc } from './plugins/remark-references.ts';
import remarkGlossary, { type GlossaryOccurrence } from './plugins/remark-glossary.ts';
import { elements, type ElementBuilder, type ElementContext } from './elements.ts';
import {
  checkElement,
  ELEMENT_NAMES,
  ElementContractError,
  isElementName,
  type Attributes,
  type ElementName,
} from './contract.ts';
import { AttributeSyntaxError, isJsxElement, readAttributes, type JsxElement } from './mdx-jsx.ts';
import remarkUnravelJsx from './remark-unravel-jsx.ts';
import remarkMdxSyntax from './remark-mdx-syntax.ts';
import { findDisallowed } from './check-markdown.ts';
import type { GlossaryEntry } from '../../schemas/glossary.ts';
import { DataFileError } from '../../lib/data/read-json.ts';

/** A problem in a policy MDX file: the data-file error (file, line, hint), named for the renderer. */
export class PolicyRenderError extends DataFileError {
  constructor(file: string, line: number | undefined, message: string, hint: string) {
    super(file, line, message, hint);
    this.name = 'PolicyRenderError';
  }
}

export interface PolicyRendererOptions {
  /** Site base path, for links made by the plugins. */
  base: string;
  /** The library's documents (references to them link to their pages). */
  library: LibraryDoc[];
  /** The glossary's entries, loaded and checked by the caller (src/lib/glossary/load.ts). */
  glossary: GlossaryEntry[];
}

export interface RenderedPolicy {
  html: string;
  glossaryOccurrences: GlossaryOccurrence[];
  references: DocReference[];
}

const REGENERATE =
  'The policy MDX is written by `npm run ingest`; change the manifest or the cleaning rules and run it again instead of editing the file.';

export function createPolicyRenderer(options: PolicyRendererOptions) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdxSyntax)
    .use(remarkUnravelJsx)
    .use(remarkReferences, { base: options.base, library: options.library })
    .use(remarkGlossary, { entries: options.glossary });

  /**
   * @param source The whole MDX file (frontmatter included, so lines in errors are the file's lines).
   * @param path The file's path (relative to the project), for errors and for the plugins.
   */
  return function renderPolicy(source: string, path: string, ctx: ElementContext): RenderedPolicy {
    // Blank out the frontmatter but keep its lines, so positions stay the file's.
    const body = source.replace(/^---\n[\s\S]*?\n---\n/, (fm) => fm.replace(/[^\n]/g, ''));
    const file = new VFile({ value: body, path });
    // MDX would read these lines as JavaScript modules; the parser here would read them as text. Neither belongs in a policy text.
    const esmLine = /^(?:import|export)\b/m.exec(body);
    if (esmLine)
      throw new PolicyRenderError(
        path,
        body.slice(0, esmLine.index).split('\n').length,
        'an import/export statement',
        `Policy documents contain no code. ${REGENERATE}`,
      );

    /** Each element's attributes as the contract checked them; elements the plugins add are checked when they render. */
    const checked = new WeakMap<JsxElement, unknown>();
    const check = (node: JsxElement): { name: ElementName; attributes: unknown } => {
      const line = node.position?.start.line;
      const name = node.name ?? '';
      if (!isElementName(name))
        throw new PolicyRenderError(
          path,
          line,
          `unknown element <${name}>`,
          `Policy documents use only ${ELEMENT_NAMES.join(', ')} (src/render/policy/contract.ts). ${REGENERATE}`,
        );
      if (!checked.has(node)) {
        try {
          checked.set(node, checkElement(name, readAttributes(node)));
        } catch (e) {
          if (e instanceof ElementContractError)
            throw new PolicyRenderError(path, line, e.message, `${e.hint} ${REGENERATE}`);
          if (e instanceof AttributeSyntaxError) throw new PolicyRenderError(path, line, e.message, REGENERATE);
          throw e;
        }
      }
      return { name, attributes: checked.get(node) };
    };

    let tree: Root;
    try {
      const parsed = processor.parse(file);
      const bad = findDisallowed(parsed);
      if (bad)
        throw new PolicyRenderError(
          path,
          bad.line,
          `${bad.what} in the text`,
          `Policy documents hold only their elements and plain text; official text that looks like Markdown must be escaped (\\[, \\*, \\#). ${REGENERATE}`,
        );
      // Before the plugins run: they read the attributes (id, cite) the contract guarantees.
      visit(parsed, (node) => {
        if (isJsxElement(node)) check(node);
      });
      // The plugins change the tree in place; it stays a Root.
      tree = processor.runSync(parsed, file) as Root;
    } catch (e) {
      const err = e as Error & { line?: number; place?: { line?: number; start?: { line: number } } };
      if (err instanceof PolicyRenderError) throw err;
      const line = err.line ?? err.place?.line ?? err.place?.start?.line;
      throw new PolicyRenderError(path, line, `not valid MDX: ${err.message.split('\n')[0]}`, REGENERATE);
    }

    const element = (state: State, node: JsxElement): ElementContent[] => {
      const { name, attributes } = check(node);
      // The builder for this name takes the attributes the contract checked for this name.
      const build = elements[name] as ElementBuilder<ElementName>;
      return build(attributes as Attributes<ElementName>, state.all(node), ctx);
    };
    const expression = (_state: State, node: MdxFlowExpression | MdxTextExpression): undefined => {
      // The only expression ingest writes is the "generated file" comment.
      if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value)) return undefined;
      throw new PolicyRenderError(
        path,
        node.position?.start.line,
        `an expression {${node.value.slice(0, 40)}} in the text`,
        `Braces in official text must be escaped (\\{); policy documents contain no code. ${REGENERATE}`,
      );
    };

    const hast = toHast(tree, {
      handlers: {
        mdxJsxFlowElement: element,
        mdxJsxTextElement: element,
        mdxFlowExpression: expression,
        mdxTextExpression: expression,
      },
    });
    return {
      html: toHtml(hast, { collapseEmptyAttributes: true }),
      glossaryOccurrences: file.data.glossaryOccurrences ?? [],
      references: file.data.references ?? [],
    };
  };
}
