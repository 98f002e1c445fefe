/**
 * The element contract as the renderer applies it: the writer's output renders,
 * every attribute the writer writes changes the page (nothing written is
 * unread), and a hand-made element with an unknown, missing or malformed
 * attribute stops the build with the file, the line and a hint.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { everyElementMdx } from '../../../ingest/test-support/every-element.ts';
import { glossaryEntrySchema } from '../../schemas/glossary.ts';
import { ELEMENTS, isElementName } from './contract.ts';
import type { ElementContext } from './elements.ts';
import { isJsxElement } from './mdx-jsx.ts';
import remarkMdxSyntax from './remark-mdx-syntax.ts';
import { createPolicyRenderer } from './render.ts';

const drg = {
  id: 'drg',
  ...glossaryEntrySchema.parse({
    term: 'DRG',
    aliases: ['DRG付费'],
    short: '按疾病诊断相关分组付费。',
    explanation: '按疾病诊断相关分组付费的较长解释，供测试使用。',
    english: 'Diagnosis-related groups',
    category: '医保支付',
  }),
};
const ctx: ElementContext = {
  href: (p) => `/${p}`,
  term: () => drg,
  related: () => ({ groups: [], topics: [] }),
  agencyHref: (name) => `/agencies/${name.length}/`,
};
const render = createPolicyRenderer({ base: '/', library: [], glossary: [drg] });
const FILE = 'src/content/policies/t.mdx';

/** Each attribute the source writes, with where it stands and a different value of the same kind. */
function mutations(source: string): { what: string; start: number; end: number; replacement: string }[] {
  const tree = unified().use(remarkParse).use(remarkMdxSyntax).parse(source);
  const out: { what: string; start: number; end: number; replacement: string }[] = [];
  visit(tree, (n) => {
    if (!isJsxElement(n) || !isElementName(n.name)) return;
    const shape = ELEMENTS[n.name].shape as Record<string, { options?: readonly string[] }>;
    for (const a of n.attributes) {
      if (a.type !== 'mdxJsxAttribute' || !a.position) continue;
      const value: unknown =
        a.value === null || a.value === undefined
          ? true
          : typeof a.value === 'string'
            ? a.value
            : JSON.parse(a.value.value);
      const enumOptions = shape[a.name]?.options;
      let replacement: string;
      if (value === true)
        replacement = ''; // a flag: leave it out
      else if (typeof value === 'number') replacement = `${a.name}={${value === 6 ? 5 : value + 1}}`;
      else if (Array.isArray(value)) replacement = `${a.name}={${JSON.stringify([...value, 'x'])}}`;
      else if (enumOptions) replacement = `${a.name}="${enumOptions.find((o) => o !== value)}"`;
      else replacement = `${a.name}={${JSON.stringify(`${value}x`)}}`;
      out.push({
        what: `<${n.name} ${a.name}>`,
        start: a.position.start.offset!,
        end: a.position.end.offset!,
        replacement,
      });
    }
  });
  return out;
}

describe('the element contract in the renderer', () => {
  const source = everyElementMdx();
  const html = render(source, FILE, ctx).html;

  test("the writer's output for every element renders (and the glossary adds a Term)", () => {
    expect(html).toContain('class="term"');
    expect(html).toContain('class="provision"');
  });

  const cases = mutations(source);
  test('the fixture has attributes to change', () => expect(cases.length).toBeGreaterThan(20));
  // Nothing is written that nothing reads: changing any attribute the writer wrote changes the page.
  test.each(cases.map((c) => [c.what, c] as const))('%s is read: changing it changes the page', (_what, c) => {
    const changed = source.slice(0, c.start) + c.replacement + source.slice(c.end);
    expect(render(changed, FILE, ctx).html).not.toBe(html);
  });
});

describe('a hand-made element that breaks the contract stops the build with file, line and hint', () => {
  const run = (body: string) => render(`---\n{"title":"测试"}\n---\n\n${body}`, FILE, ctx);
  test.each([
    [
      'an unknown attribute',
      '<Para id="p1" cite={"第1段"} colour="red">a</Para>',
      /t\.mdx:5: <Para> has an unknown attribute "colour"\n  hint: <Para> takes id, cite, list, aliases \(src\/render\/policy\/contract\.ts\)\. The policy MDX is written by `npm run ingest`/,
    ],
    [
      'a missing attribute',
      '<Provision id="s1">\n<ProvisionBody>a</ProvisionBody>\n</Provision>',
      /t\.mdx:5: <Provision> is missing the attribute "depth"\n  hint: <Provision> takes id, depth/,
    ],
    [
      'a missing attribute, deeper in the file',
      '<Para id="p1" cite={"第1段"}>a</Para>\n\n<Para id="p2">b</Para>',
      /t\.mdx:7: <Para> is missing the attribute "cite"/,
    ],
    [
      'an attribute on an element that takes none',
      '<ProvisionBody id="x">a</ProvisionBody>',
      /t\.mdx:5: <ProvisionBody> has an unknown attribute "id"\n  hint: <ProvisionBody> takes no attributes/,
    ],
    ['a number where a string belongs', '<Para id={1} cite={"第1段"}>a</Para>', /t\.mdx:5: <Para> attribute "id": /],
    [
      'a malformed anchor',
      '<Para id="S 1" cite={"第1段"}>a</Para>',
      /t\.mdx:5: <Para> attribute "id": an anchor is lower-case ASCII letters, digits and hyphens/,
    ],
    [
      'a value on a flag',
      '<Para id="p1" cite={"第1段"} list={1}>a</Para>',
      /t\.mdx:5: <Para list>: "list" is a bare attribute/,
    ],
    ['an unknown part kind', '<Part id="zw" kind="appendix">\n</Part>', /t\.mdx:5: <Part> attribute "kind": /],
    [
      'a heading level outside 2–6',
      '<ProvisionHeading level={7} id="s1" cite={"第一部分"}>一、</ProvisionHeading>',
      /t\.mdx:5: <ProvisionHeading> attribute "level": /,
    ],
  ])('%s', (_what, body, message) => {
    expect(() => run(body)).toThrow(message);
  });
});
