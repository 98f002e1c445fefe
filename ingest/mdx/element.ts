/**
 * How the MDX writer writes an element: through the element contract
 * (src/render/policy/contract.ts), which checks the attributes first, so
 * ingest never writes an attribute the renderer does not read, nor leaves
 * out one it needs. Attributes come out in the contract's order; strings that
 * cannot need escaping (anchors, kinds) in quotes, all other values as JSON
 * literals in braces, a flag as a bare name.
 */
import type { z } from 'zod';
import {
  attributeNames,
  checkElement,
  ElementContractError,
  type ElementName,
  type ELEMENTS,
} from '../../src/render/policy/contract.ts';
import { jsxString } from './escape.ts';

type Input<N extends ElementName> = z.input<(typeof ELEMENTS)[N]>;

/** Written in quotes when it cannot need escaping; everything else as a JSON literal. */
const PLAIN = /^[A-Za-z0-9_-]*$/;

function value(v: unknown): string {
  if (typeof v === 'number') return `{${v}}`;
  if (typeof v === 'string') return PLAIN.test(v) ? `"${v}"` : jsxString(v);
  // A list of strings: JSON, with the two line separators JavaScript does not allow in strings escaped.
  return `{${JSON.stringify(v)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}}`;
}

function attributes<N extends ElementName>(name: N, input: Input<N>): string {
  let checked: Record<string, unknown>;
  try {
    checked = checkElement(name, input as Record<string, unknown>) as Record<string, unknown>;
  } catch (e) {
    // A bug in the writer, not in a document: say what it was writing.
    if (e instanceof ElementContractError)
      throw new Error(`render-mdx: ${e.message} (writing ${JSON.stringify(input)})\n  hint: ${e.hint}`, { cause: e });
    throw e;
  }
  return attributeNames(name)
    .filter((k) => checked[k] !== undefined)
    .map((k) => (checked[k] === true ? ` ${k}` : ` ${k}=${value(checked[k])}`))
    .join('');
}

/** An element with its (already escaped) MDX content on the same line: `<Para id="p1" cite={"第1段"}>…</Para>`. */
export function mdxElement<N extends ElementName>(name: N, input: Input<N>, content: string): string {
  return `<${name}${attributes(name, input)}>${content}</${name}>`;
}

/** The opening tag of a block element whose children follow on their own lines (`<Provision …>`). */
export function mdxOpen<N extends ElementName>(name: N, input: Input<N>): string {
  return `<${name}${attributes(name, input)}>`;
}

export const mdxClose = (name: ElementName): string => `</${name}>`;
