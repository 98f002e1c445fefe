/**
 * Renders a policy document's MDX body to HTML without compiling it to
 * JavaScript: parse (remark-parse + MDX syntax without JS), unravel block elements as
 * MDX does, run the site's
 * remark plugins (citations, glossary), then turn the tree into HTML with the
 * element builders of `elements.ts`.
 *
 * The MDX that ingest writes uses only those elements, string/JSON attribute
 * values and one comment; anything else (an import, an expression, an unknown
 * element, a spread attribute) stops the build with the file, the line and a
 * hint. So does any Markdown construct (a link, an image, a reference
 * definition…: check-markdown.ts): only the elements and plain text render.
 * So no text in a document can ever execute.
 *
 * No remark-gfm here: ingest escapes all Markdown syntax, so GFM could only
 * misread text (its URL autolinks swallowed the escape in "<https://…>" and
 * showed a stray backslash).
 */
import type { Root } from 'mdast';
import type { ElementContent } from 'hast';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { toHast, type Handler, type State } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import remarkCitations, { type Citation, type LibraryDoc } from '../../plugins/remark-citations.ts';
import remarkGlossary, { type GlossaryOccurrence } from '../../plugins/remark-glossary.ts';
import { elements, type ElementContext, type Props } from './elements.ts';
import remarkUnravelJsx from './remark-unravel-jsx.ts';
import remarkMdxSyntax from './remark-mdx-syntax.ts';
import { findDisallowed } from './check-markdown.ts';
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
  /** The library's documents (citations of them link to their pages). */
  library: LibraryDoc[];
  /** Folder of the glossary entries. */
  glossaryDir?: string;
}

export interface RenderedPolicy {
  html: string;
  glossaryOccurrences: GlossaryOccurrence[];
  citations: Citation[];
}

const REGENERATE = 'The policy MDX is written by `npm run ingest`; change the manifest or the cleaning rules and run it again instead of editing the file.';

type MdxAttribute = { type: string; name?: string; value?: unknown };
type MdxElement = { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement'; name: string | null; attributes: MdxAttribute[]; position?: { start: { line: number } } };

/** An attribute's value: a string, or a JSON literal in braces (cite={"第一部分"}, depth={1}, lead={["…"]}). */
function props(node: MdxElement, file: string): Props {
  const out: Props = {};
  for (const a of node.attributes) {
    const line = node.position?.start.line;
    if (a.type !== 'mdxJsxAttribute' || !a.name) throw new PolicyRenderError(file, line, `<${node.name}> has a spread attribute`, REGENERATE);
    if (a.value === null || a.value === undefined) out[a.name] = true;
    else if (typeof a.value === 'string') out[a.name] = a.value;
    else {
      const source = String((a.value as { value?: unknown }).value ?? '');
      try {
        out[a.name] = JSON.parse(source);
      } catch {
        throw new PolicyRenderError(file, line, `<${node.name} ${a.name}={${source.slice(0, 40)}}>: attribute values must be strings or JSON literals, not code`, REGENERATE);
      }
    }
  }
  return out;
}

export function createPolicyRenderer(options: PolicyRendererOptions) {
  const processor: Processor<Root, Root, Root> = unified()
    .use(remarkParse)
    .use(remarkMdxSyntax)
    .use(remarkUnravelJsx)
    .use(remarkCitations, { base: options.base, library: options.library })
    .use(remarkGlossary, options.glossaryDir ? { dir: options.glossaryDir } : {}) as never;

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
    if (esmLine) throw new PolicyRenderError(path, body.slice(0, esmLine.index).split('\n').length, 'an import/export statement', `Policy documents contain no code. ${REGENERATE}`);
    let tree: Root;
    try {
      const parsed = processor.parse(file) as Root;
      const bad = findDisallowed(parsed);
      if (bad) throw new PolicyRenderError(path, bad.line, `${bad.what} in the text`, `Policy documents hold only their elements and plain text; official text that looks like Markdown must be escaped (\\[, \\*, \\#). ${REGENERATE}`);
      tree = processor.runSync(parsed, file) as Root;
    } catch (e) {
      const err = e as Error & { line?: number; place?: { line?: number; start?: { line: number } } };
      if (err instanceof PolicyRenderError || err instanceof DataFileError) throw err;
      const line = err.line ?? err.place?.line ?? err.place?.start?.line;
      throw new PolicyRenderError(path, line, `not valid MDX: ${err.message.split('\n')[0]}`, REGENERATE);
    }

    const element: Handler = (state: State, node: MdxElement) => {
      const name = node.name ?? '';
      const build = Object.hasOwn(elements, name) ? elements[name] : undefined;
      if (!build) throw new PolicyRenderError(path, node.position?.start.line, `unknown element <${name}>`, `Policy documents use only ${Object.keys(elements).join(', ')} (src/render/policy/elements.ts). ${REGENERATE}`);
      return build(props(node, path), state.all(node as never) as ElementContent[], ctx);
    };
    const expression: Handler = (_state, node: { value: string; position?: { start: { line: number } } }) => {
      // The only expression ingest writes is the "generated file" comment.
      if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value)) return undefined;
      throw new PolicyRenderError(path, node.position?.start.line, `an expression {${node.value.slice(0, 40)}} in the text`, `Braces in official text must be escaped (\\{); policy documents contain no code. ${REGENERATE}`);
    };

    const hast = toHast(tree, {
      handlers: { mdxJsxFlowElement: element, mdxJsxTextElement: element, mdxFlowExpression: expression, mdxTextExpression: expression },
    });
    const data = (file.data as { astro?: { frontmatter?: { glossaryOccurrences?: GlossaryOccurrence[]; citations?: Citation[] } } }).astro?.frontmatter ?? {};
    return {
      html: toHtml(hast, { collapseEmptyAttributes: true }),
      glossaryOccurrences: data.glossaryOccurrences ?? [],
      citations: data.citations ?? [],
    };
  };
}
