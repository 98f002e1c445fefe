/** remark-glossary on small MDX documents with a small glossary. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProcessor } from '@mdx-js/mdx';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import remarkGlossary, { type GlossaryOccurrence } from './remark-glossary.ts';

const d = mkdtempSync(join(tmpdir(), 'gl-'));
const put = (id: string, term: string, aliases: string[] = []) =>
  writeFileSync(join(d, `${id}.json`), JSON.stringify({ term, aliases, short: `${term}的简短解释，供测试使用。`, explanation: `${term}的较长解释文字，供测试使用，足够长。`, english: 'Test term', category: '医保支付' }));
put('drg', 'DRG', ['DRG付费', '按疾病诊断相关分组付费']);
put('liangge-yunxu', '两个允许', ['允许医疗卫生机构突破现行事业单位工资调控水平，允许医疗服务收入扣除成本并按规定提取各项基金后主要用于人员奖励']);
put('yigongti', '医共体', ['县域医共体']);

async function run(mdx: string) {
  const file = new VFile({ path: '/x/src/content/policies/t.mdx', value: mdx });
  const proc = unified().use(remarkParse).use(remarkMdx).use(remarkGlossary, { dir: d });
  const tree = await proc.run(proc.parse(file), file);
  const found: string[] = [];
  visit(tree, (n: any) => {
    if (n.type === 'mdxJsxTextElement' && n.name === 'Term') found.push(`${n.attributes[0].value}:${n.children[0].value}`);
  });
  const occ = ((file.data as { astro?: { frontmatter?: { glossaryOccurrences?: GlossaryOccurrence[] } } }).astro?.frontmatter?.glossaryOccurrences ?? []);
  return { found, occ };
}

describe('remark-glossary', () => {
  test('longest form first, and the spelled-out 两个允许 as a whole', async () => {
    const { found } = await run('<Provision id="s1">\n<ProvisionBody>推行DRG付费，按照“允许医疗卫生机构突破现行事业单位工资调控水平，允许医疗服务收入扣除成本并按规定提取各项基金后主要用于人员奖励”的要求。</ProvisionBody>\n</Provision>');
    expect(found).toEqual(['drg:DRG付费', 'liangge-yunxu:允许医疗卫生机构突破现行事业单位工资调控水平，允许医疗服务收入扣除成本并按规定提取各项基金后主要用于人员奖励']);
  });
  test('once per provision, again in the next provision; occurrences recorded with anchors', async () => {
    const { found, occ } = await run('<Provision id="s1">\n<ProvisionBody>县域医共体和医共体。</ProvisionBody>\n\n<Para id="s1-p1" cite={"第一部分第1段"}>医共体再现。</Para>\n</Provision>\n\n<Provision id="s2">\n<ProvisionBody>医共体。</ProvisionBody>\n</Provision>');
    expect(found).toEqual(['yigongti:县域医共体', 'yigongti:医共体']);
    expect(occ.map((o) => `${o.term}@${o.anchor}`)).toEqual(['yigongti@s1', 'yigongti@s2']);
  });
  test('never in headings, corrections or links', async () => {
    const { found } = await run('<Provision id="s1">\n<ProvisionHeading id="s1">1.医共体建设</ProvisionHeading>\n\n<ProvisionBody>见[医共体](https://x)与<Correction n={1}>医共体</Correction>。</ProvisionBody>\n</Provision>');
    expect(found).toEqual([]);
  });
  test('files outside the policies folder are left alone', async () => {
    const file = new VFile({ path: '/x/src/pages/about.mdx', value: '<Para id="p1">医共体</Para>' });
    const proc = createProcessor({ remarkPlugins: [[remarkGlossary, { dir: d }]] });
    expect(String(await proc.process(file))).not.toContain('Term');
    const { found } = await run('<Para id="p1">医共体</Para>');
    expect(found).toEqual(['yigongti:医共体']);
  });
});
