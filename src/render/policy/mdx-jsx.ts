/**
 * The MDX JSX nodes of a policy document (<Para id=… cite={…}>), with the
 * node types of mdast-util-mdx-jsx: reading an element's attribute values
 * (render.ts, the remark plugins) and building one for a plugin to insert
 * (remark-glossary's <Term>), checked against the element contract.
 */
import type { PhrasingContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import type { z } from 'zod';
import { attributeNames, checkElement, type ElementName, type ELEMENTS } from './contract.ts';

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

export const isJsxElement = (n: { type: string }): n is JsxElement =>
  n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement';

/** Why an attribute could not be read: a spread, or code where a JSON literal belongs. */
export class AttributeSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttributeSyntaxError';
  }
}

/**
 * An element's attribute values as written: a string, a JSON literal in
 * braces (cite={"第一部分"}, depth={1}, lead={["…"]}), or true for a bare
 * attribute. Code is never evaluated: anything but JSON is refused.
 */
export function readAttributes(node: JsxElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of node.attributes) {
    if (a.type !== 'mdxJsxAttribute') throw new AttributeSyntaxError(`<${node.name}> has a spread attribute`);
    if (a.value === null || a.value === undefined) out[a.name] = true;
    else if (typeof a.value === 'string') out[a.name] = a.value;
    else {
      try {
        out[a.name] = JSON.parse(a.value.value);
      } catch {
        throw new AttributeSyntaxError(
          `<${node.name} ${a.name}={${a.value.value.slice(0, 40)}}>: attribute values must be strings or JSON literals, not code`,
        );
      }
    }
  }
  return out;
}

/**
 * One string attribute of an element the renderer has already checked
 * (the plugins run after the check): its id or cite.
 */
export function stringAttribute(node: JsxElement, name: string): string | undefined {
  const v = readAttributes(node)[name];
  return typeof v === 'string' ? v : undefined;
}

/**
 * The citation label (第三部分（四）第15项) of the clause a text container
 * (Para, ProvisionBody) belongs to: the paragraph's own `cite`, else that of
 * the heading of the provision it is in. What the plugins record with each
 * occurrence, so that pages listing occurrences need no clause data.
 */
export function containerCite(node: JsxElement, provision: JsxElement | undefined): string | undefined {
  const own = stringAttribute(node, 'cite');
  if (own !== undefined || !provision) return own;
  const heading = provision.children.find((c): c is JsxElement => isJsxElement(c) && c.name === 'ProvisionHeading');
  return heading && stringAttribute(heading, 'cite');
}

/** An element node for a remark plugin to insert into the tree, checked against the contract like anything ingest writes. */
export function jsxTextElement<N extends ElementName>(
  name: N,
  attributes: z.input<(typeof ELEMENTS)[N]>,
  children: PhrasingContent[],
): MdxJsxTextElement {
  const checked = checkElement(name, attributes as Record<string, unknown>) as Record<string, unknown>;
  const nodes: MdxJsxAttribute[] = attributeNames(name)
    .filter((k) => checked[k] !== undefined)
    .map((k): MdxJsxAttribute => {
      const v = checked[k];
      if (v === true) return { type: 'mdxJsxAttribute', name: k, value: null };
      if (typeof v === 'string') return { type: 'mdxJsxAttribute', name: k, value: v };
      return {
        type: 'mdxJsxAttribute',
        name: k,
        value: { type: 'mdxJsxAttributeValueExpression', value: JSON.stringify(v) },
      };
    });
  return { type: 'mdxJsxTextElement', name, attributes: nodes, children };
}
