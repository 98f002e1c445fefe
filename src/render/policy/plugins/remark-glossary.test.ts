/** remark-glossary through the production renderer, on small MDX documents with a small glossary. */
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { glossaryEntrySchema, type GlossaryEntry } from '../../../schemas/glossary.ts';
import { createPolicyRenderer } from '../render.ts';
import type { ElementContext } from '../elements.ts';

const entry = (id: string, term: string, aliases: string[] = []): GlossaryEntry => ({
  id,
  ...glossaryEntrySchema.parse({
    term,
    aliases,
    short: `${term}的简短解释，供测试使用。`,
    explanation: `${term}的较长解释文字，供测试使用，足够长。`,
    english: 'Test term',
    category: '医保支付',
  }),
});
const glossary = [
  entry('drg', 'DRG', ['DRG付费', '按疾病诊断相关分组付费']),
  entry('liangge-yunxu', '两个允许', [
    '允许医疗卫生机构突破现行事业单位工资调控水平，允许医疗服务收入扣除成本并按规定提取各项基金后主要用于人员奖励',
  ]),
  entry('yigongti', '医共体', ['县域医共体']),
];
const byId = new Map(glossary.map((e) => [e.id, e]));
const ctx: ElementContext = {
  href: (p) => `/${p}`,
  term: (id) => byId.get(id)!,
  related: () => ({ groups: [], topics: [] }),
  agencyHref: () => undefined,
};

function run(body: string, entries = glossary) {
  const out = createPolicyRenderer({ base: '/', library: [], glossary: entries })(
    `---\n{}\n---\n${body}`,
    'src/content/policies/t.mdx',
    ctx,
  );
  // Each marked term as "entry id:form", in page order.
  const found = parse(out.html)
    .querySelectorAll('.term a.term-link')
    .map((a) => `${a.getAttribute('href')!.replace(/^\/glossary\/|\/$/g, '')}:${a.text}`);
  return { found, occ: out.glossaryOccurrences, html: out.html };
}

describe('remark-glossary', () => {
  test('longest form first, and the spelled-out 两个允许 as a whole', () => {
    const { found } = run(
      '<Provision id="s1" depth={1}>\n<ProvisionBody>推行DRG付费，按照“允许医疗卫生机构突破现行事业单位工资调控水平，允许医疗服务收入扣除成本并按规定提取各项基金后主要用于人员奖励”的要求。</ProvisionBody>\n</Provision>',
    );
    expect(found).toEqual([
      'drg:DRG付费',
      'liangge-yunxu:允许医疗卫生机构突破现行事业单位工资调控水平，允许医疗服务收入扣除成本并按规定提取各项基金后主要用于人员奖励',
    ]);
  });

  test('once per provision, again in the next provision; occurrences recorded with anchors, snippets and the cite of their paragraph or provision', () => {
    const { found, occ } = run(
      '<Provision id="s1" depth={1}>\n<ProvisionHeading level={2} id="s1" cite={"第一部分"}>一、总体</ProvisionHeading>\n\n<ProvisionBody>县域医共体和医共体。</ProvisionBody>\n\n<Para id="s1-p1" cite={"第一部分第1段"}>医共体再现。</Para>\n</Provision>\n\n<Provision id="s2" depth={1}>\n<ProvisionBody>医共体。</ProvisionBody>\n</Provision>\n\n<Para id="p9" cite={"第9段"}>又见DRG。</Para>',
    );
    expect(found).toEqual(['yigongti:县域医共体', 'yigongti:医共体', 'drg:DRG']);
    expect(occ).toEqual([
      { term: 'yigongti', anchor: 's1', form: '县域医共体', cite: '第一部分', snippet: '县域医共体和医共体。' },
      { term: 'yigongti', anchor: 's2', form: '医共体', snippet: '医共体。' },
      { term: 'drg', anchor: 'p9', form: 'DRG', cite: '第9段', snippet: '又见DRG。' },
    ]);
  });

  test('tooltip ids are unique in the page', () => {
    const { html } = run('<Provision id="s1" depth={1}>\n<ProvisionBody>医共体与DRG。</ProvisionBody>\n</Provision>');
    expect(
      parse(html)
        .querySelectorAll('.term-tip')
        .map((t) => t.id),
    ).toEqual(['g1', 'g2']);
    expect(
      parse(html)
        .querySelectorAll('.term-link')
        .map((a) => a.getAttribute('aria-describedby')),
    ).toEqual(['g1', 'g2']);
  });

  test("never in headings, corrections, repairs, editors' notes or links to other documents", () => {
    const { found } = run(
      '<Provision id="s1" depth={1}>\n<ProvisionHeading level={2} id="s1" cite={"第一部分"}>1.医共体建设</ProvisionHeading>\n\n<ProvisionBody>见《医共体建设办法》与<Correction n={1} original={"医供体"} reason={"误字"}>医共体</Correction>、<Repair n={1} original={"??"} reason={"乱码"}>医共体</Repair>、<EditorNote n={1} note={"原文如此"}>医共体</EditorNote>。</ProvisionBody>\n</Provision>',
    );
    expect(found).toEqual([]);
  });

  test('an empty glossary marks nothing and records no occurrences', () => {
    expect(run('<Para id="p1" cite={"第1段"}>医共体</Para>', [])).toMatchObject({ found: [], occ: [] });
  });
});
