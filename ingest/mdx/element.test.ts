/** The MDX writer writes every element through the element contract: what it writes passes the contract, and it cannot write what the contract refuses. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import remarkMdxSyntax from '../../src/render/policy/remark-mdx-syntax.ts';
import { attributeNames, checkElement, ELEMENT_NAMES, isElementName } from '../../src/render/policy/contract.ts';
import { isJsxElement, readAttributes } from '../../src/render/policy/mdx-jsx.ts';
import { everyElementMdx } from '../test-support/every-element.ts';
import { mdxElement, mdxOpen } from './element.ts';

/** Every element of the MDX as [name, attributes read as the renderer reads them]. */
function elementsOf(mdx: string): [string, Record<string, unknown>][] {
  const tree = unified().use(remarkParse).use(remarkMdxSyntax).parse(mdx);
  const out: [string, Record<string, unknown>][] = [];
  visit(tree, (n) => {
    if (isJsxElement(n)) out.push([n.name ?? '', readAttributes(n)]);
  });
  return out;
}

describe('the MDX writer and the element contract', () => {
  const written = elementsOf(everyElementMdx());

  test('every element it writes passes the contract', () => {
    for (const [name, attributes] of written) {
      expect(isElementName(name), name).toBe(true);
      if (isElementName(name)) expect(() => checkElement(name, attributes), name).not.toThrow();
    }
  });

  test('the fixture writes every element but Term (added by remark-glossary), and every attribute of each', () => {
    expect(new Set(written.map(([n]) => n))).toEqual(new Set(ELEMENT_NAMES.filter((n) => n !== 'Term')));
    for (const name of ELEMENT_NAMES.filter((n) => n !== 'Term')) {
      const seen = new Set(written.filter(([n]) => n === name).flatMap(([, a]) => Object.keys(a)));
      expect([...seen].sort(), name).toEqual(attributeNames(name).sort());
    }
  });

  test('attributes come out in the contract order, quoted when plain, as JSON otherwise, flags bare, absent ones left out', () => {
    expect(mdxElement('Para', { aliases: ['s4-p2'], cite: '第1段', id: 'p1', list: true }, '文字')).toBe(
      '<Para id="p1" cite={"第1段"} list aliases={["s4-p2"]}>文字</Para>',
    );
    expect(mdxOpen('Provision', { id: 's1', depth: 1 })).toBe('<Provision id="s1" depth={1}>');
    expect(mdxElement('Repair', { n: 2, original: '"}<x>\u2028', reason: 'r', uncertain: undefined }, 'y')).toBe(
      '<Repair n={2} original={"\\"}<x>\\u2028"} reason="r">y</Repair>',
    );
  });

  test('an attribute the contract does not have, a missing one or a wrong value is a writer bug that stops ingest, naming the element', () => {
    // @ts-expect-error -- `level` is not an attribute of <Provision> (nothing reads it)
    expect(() => mdxOpen('Provision', { id: 's1', depth: 1, level: 2 })).toThrow(
      /render-mdx: <Provision> has an unknown attribute "level"[\s\S]*hint: <Provision> takes id, depth/,
    );
    // @ts-expect-error -- `cite` is required
    expect(() => mdxElement('Para', { id: 'p1' }, 'x')).toThrow(/<Para> is missing the attribute "cite"/);
    expect(() => mdxElement('Para', { id: 'P 1', cite: '' }, 'x')).toThrow(
      /<Para> attribute "id": an anchor is lower-case ASCII/,
    );
  });
});
